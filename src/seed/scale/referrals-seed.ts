import type { ClientBase } from 'pg';
import { isOpenReferral, ReferralState } from '../../referrals/referral-state';
import { addWorkingDays } from '../../referrals/working-days';
import { insertUnnest } from './bulk-insert';
import { CONSENT_COLUMNS, GRANT_COLUMNS, REFERRAL_COLUMNS, REFERRAL_TRANSITION_COLUMNS } from './columns';
import {
  consentRow,
  DAY,
  grantRow,
  PartnershipContext,
  SeededOrganisation,
  SeededParticipant,
  SeededStaff,
  TableCounts,
} from './context';
import { between, pick, syntheticPerson, unusedInsz, uuid, weighted } from './synthetic';

/** As ReferralsService: due in 10 working days; the other side keeps access 30 days after closing. */
const DUE_WORKING_DAYS = 10;
const GRANT_AFTER_CLOSE_MS = 30 * DAY;
const KINDS = {
  vdab: {
    training: 40,
    combination_trajectory: 15,
    indicering: 15,
    intake_check: 12,
    bit_evaluation: 10,
    other: 8,
  },
  ocmw: { rights_exploration: 35, leefloon: 25, twe_art60: 25, indicering: 5, other: 10 },
} as const;
const REJECTIONS = [
  'Valt buiten de doelgroep van het aanbod.',
  'Loopt al een traject bij de VDAB.',
  'Geen recht op leefloon: inkomen boven de grens.',
  'Onvolledige gegevens, opnieuw aanmelden.',
];
const NOTES = [
  'Graag snel contact, deelnemer is gemotiveerd.',
  'Deelnemer spreekt beperkt Nederlands.',
  'Afspraak liefst in de voormiddag.',
  'Zie ook het verslag van het casusoverleg.',
];

interface Step {
  to: ReferralState;
  at: Date;
  actor: SeededStaff;
  reason?: string;
}

interface Referral {
  direction: 'inbound' | 'outbound';
  target: 'vdab' | 'ocmw' | 'partnership';
  kind: string;
  participant: SeededParticipant | null;
  person: string | null;
  personInsz: string | null;
  sender: SeededOrganisation;
  receiver: SeededOrganisation;
  creator: SeededStaff;
  assignedSpocId: string | null;
  submittedAt: Date;
  steps: Step[];
}

/**
 * Referrals both ways, as POST /referrals and its transitions write them: each with its transition
 * rows, the `referral` grant for the other side (from submission for outbound, from acceptance for an
 * inbound person) that lapses 30 days after closing, and the exchange consent an outbound referral needs.
 * - inbound: most VDAB/OCMW-channel participants came in through a referral their organisation accepted,
 *   which created the participant and trajectory; a few were rejected; a handful are still waiting;
 * - outbound: a share of those in guidance is sent to the VDAB or OCMW offer; recent ones are still open.
 */
export async function seedReferrals(client: ClientBase, ctx: PartnershipContext): Promise<TableCounts> {
  const { rng, until } = ctx;
  const org = (kind: string) => ctx.organisations.find((o) => o.kind === kind)!;
  const orgOf = (staff: SeededStaff) => ctx.organisations.find((o) => o.id === staff.organisationId)!;
  const staffById = new Map(ctx.staff.map((s) => [s.id, s]));
  const spocsOf = (kind: 'vdab' | 'ocmw') => ctx.staff.filter((s) => s.roles[0] === `spoc_${kind}`);
  /** A SPOC of the team when there is one, else any SPOC of the organisation. */
  const spocFor = (kind: 'vdab' | 'ocmw', teamId: string | null) => {
    const all = spocsOf(kind);
    const team = all.filter((s) => s.teamId === teamId);
    return pick(ctx.rng, team.length ? team : all);
  };
  const referrals: Referral[] = [];
  const consents: unknown[][] = [];

  for (const p of ctx.participants) {
    const owner = ctx.organisations.find((o) => o.id === p.organisationId)!;
    const coach = staffById.get(p.caseManagerId)!;
    const receives = owner.kind === 'partner' || owner.kind === 'promotor';
    if ((p.channel === 'vdab' || p.channel === 'ocmw') && p.trajectoryId && receives && rng() < 0.7)
      referrals.push(admitted(ctx, p, org(p.channel), spocFor(p.channel, p.teamId), coach, owner));
    if (!p.guidanceAt) continue;
    for (const [kind, share] of [
      ['vdab', 0.35],
      ['ocmw', 0.15],
    ] as const) {
      if (owner.kind === kind || rng() >= share) continue;
      const from = p.guidanceAt.getTime();
      const submittedAt = new Date(from + rng() * ((p.closedAt ?? until).getTime() - from));
      const named = rng() < 0.25 ? spocFor(kind, p.teamId) : null;
      const decider = named ?? spocFor(kind, p.teamId);
      referrals.push({
        direction: 'outbound',
        target: kind,
        kind: weighted(rng, KINDS[kind] as Record<string, number>),
        participant: p,
        person: null,
        personInsz: null,
        sender: owner,
        receiver: org(kind),
        creator: coach,
        assignedSpocId: named?.id ?? null,
        submittedAt,
        steps: lifecycle(ctx, submittedAt, decider, coach),
      });
      consents.push(
        consentRow(ctx.partnershipId, p.id, `${kind}_exchange`, p.intakeAt ?? p.startedAt!, coach.id),
      );
    }
  }

  // Persons VDAB and OCMW sent who are no participant (yet): rejected ones, and a few waiting now.
  const pending = Math.max(2, Math.round(ctx.participants.length / 250));
  const rejected = Math.round(ctx.participants.length / 60);
  for (let i = 0; i < pending + rejected; i++) {
    const kind = i % 2 === 0 ? 'vdab' : 'ocmw';
    const spoc = spocFor(kind, pick(rng, ctx.teams).id);
    const receiver = pick(
      rng,
      ctx.organisations.filter((o) => o.kind === 'partner' || o.kind === 'promotor'),
    );
    const history = ctx.since ? Math.floor((until.getTime() - ctx.since.getTime()) / DAY) : 6 * 365;
    const back = i < pending ? between(rng, 0, 12) : between(rng, 20, history);
    const submittedAt = new Date(until.getTime() - back * DAY - between(rng, 0, 8) * 3600_000);
    const coach = pick(
      rng,
      ctx.staff.filter((s) => s.organisationId === receiver.id && s.roles[0] === 'coach'),
    );
    const person = syntheticPerson(rng);
    referrals.push({
      direction: 'inbound',
      target: 'partnership',
      kind: kind === 'vdab' ? 'intake_check' : 'rights_exploration',
      participant: null,
      person: JSON.stringify({
        firstName: person.first,
        lastName: person.last,
        birthDate: person.birthDate,
        gender: person.gender,
        phone: `+32 4${between(rng, 70, 99)} ${between(rng, 10, 99)} ${between(rng, 10, 99)} ${between(rng, 10, 99)}`,
      }),
      personInsz:
        rng() < 0.6 ? ctx.insz.protector.encrypt(unusedInsz(rng, person.birthDate, ctx.insz.used)) : null,
      sender: orgOf(spoc),
      receiver,
      creator: spoc,
      assignedSpocId: spoc.id,
      submittedAt,
      steps:
        i < pending
          ? []
          : [
              {
                to: 'rejected',
                at: new Date(submittedAt.getTime() + between(rng, 1, 15) * DAY),
                actor: coach,
                reason: pick(rng, REJECTIONS),
              },
            ],
    });
  }
  return write(client, ctx, referrals, consents);
}

/**
 * An inbound referral that was accepted: accepting created the participant and the trajectory (so
 * the trajectory's start is the acceptance), the sender's SPOC is assigned as its creator, and the
 * receiving organisation takes it on at intake and completes it when guidance starts.
 */
function admitted(
  ctx: PartnershipContext,
  p: SeededParticipant,
  sender: SeededOrganisation,
  spoc: SeededStaff,
  coach: SeededStaff,
  owner: SeededOrganisation,
): Referral {
  const steps: Step[] = [{ to: 'accepted', at: p.startedAt!, actor: coach }];
  if (p.intakeAt) steps.push({ to: 'in_progress', at: p.intakeAt, actor: coach });
  const doneAt = p.guidanceAt ?? (p.intakeAt ? p.closedAt : null);
  if (doneAt) steps.push({ to: 'completed', at: doneAt, actor: coach });
  else if (p.closedAt) steps.push({ to: 'cancelled', at: p.closedAt, actor: spoc });
  return {
    direction: 'inbound',
    target: 'partnership',
    kind: sender.kind === 'vdab' ? 'intake_check' : 'rights_exploration',
    participant: p,
    person: null,
    personInsz: null,
    sender,
    receiver: owner,
    creator: spoc,
    assignedSpocId: spoc.id,
    submittedAt: new Date(p.startedAt!.getTime() - between(ctx.rng, 1, 12) * DAY),
    steps,
  };
}

/** An outbound referral's way through the states, as far as it got by `until`; some decisions come late. */
function lifecycle(
  ctx: PartnershipContext,
  submittedAt: Date,
  spoc: SeededStaff,
  coach: SeededStaff,
): Step[] {
  const { rng, until } = ctx;
  const steps: Step[] = [];
  let at = submittedAt.getTime();
  const next = (min: number, max: number) => (at += between(rng, min, max) * DAY) <= until.getTime();
  if (!next(1, 20)) return steps;
  const r = rng();
  if (r < 0.05) return [{ to: 'cancelled', at: new Date(at), actor: coach }];
  if (r < 0.15) return [{ to: 'rejected', at: new Date(at), actor: spoc, reason: pick(rng, REJECTIONS) }];
  steps.push({ to: 'accepted', at: new Date(at), actor: spoc });
  if (!next(1, 15)) return steps;
  steps.push({ to: 'in_progress', at: new Date(at), actor: spoc });
  if (!next(14, 120)) return steps;
  steps.push(
    rng() < 0.06
      ? { to: 'cancelled', at: new Date(at), actor: coach }
      : { to: 'completed', at: new Date(at), actor: spoc },
  );
  return steps;
}

async function write(
  client: ClientBase,
  ctx: PartnershipContext,
  list: Referral[],
  consents: unknown[][],
): Promise<TableCounts> {
  const { partnershipId: tenant } = ctx;
  const rows: unknown[][] = [];
  const transitions: unknown[][] = [];
  const grants: unknown[][] = [];
  for (const r of list) {
    const id = uuid(ctx.rng);
    const state = r.steps.at(-1)?.to ?? 'submitted';
    const closedAt = isOpenReferral(state) ? null : r.steps.at(-1)!.at;
    const spocOrg = r.direction === 'outbound' ? r.receiver : r.sender;
    let assigned = r.assignedSpocId;
    let from: ReferralState = 'submitted';
    transitions.push([tenant, id, null, 'submitted', null, null, r.creator.id, r.sender.id, r.submittedAt]);
    for (const s of r.steps) {
      // The SPOC who takes up an unassigned referral becomes its assignee.
      if (s.to === 'accepted' && !assigned && s.actor.organisationId === spocOrg.id) assigned = s.actor.id;
      transitions.push([
        tenant,
        id,
        from,
        s.to,
        s.reason ?? null,
        null,
        s.actor.id,
        s.actor.organisationId,
        s.at,
      ]);
      from = s.to;
    }
    rows.push([
      id,
      tenant,
      r.direction,
      r.target,
      r.kind,
      state,
      r.participant?.id ?? null,
      r.direction === 'inbound' ? (r.participant?.trajectoryId ?? null) : null,
      r.person,
      r.personInsz,
      ctx.rng() < 0.3 ? pick(ctx.rng, NOTES) : null,
      r.sender.id,
      r.receiver.id,
      assigned,
      addWorkingDays(r.submittedAt, DUE_WORKING_DAYS),
      r.submittedAt,
      closedAt,
      r.creator.id,
      1 + r.steps.length,
      r.submittedAt,
      r.steps.at(-1)?.at ?? r.submittedAt,
    ]);
    if (!r.participant) continue;
    // Outbound: the receiver from submission. Inbound: the sender once acceptance made the participant.
    const [side, since] =
      r.direction === 'outbound' ? [r.receiver, r.submittedAt] : [r.sender, r.steps[0].at];
    const lapses = closedAt && new Date(closedAt.getTime() + GRANT_AFTER_CLOSE_MS);
    grants.push(
      grantRow(
        tenant,
        r.participant.id,
        { organisationId: side.id },
        'referral',
        'referral',
        id,
        since,
        lapses,
      ),
    );
  }
  return {
    referrals: await insertUnnest(client, 'referrals', REFERRAL_COLUMNS, rows),
    referral_transitions: await insertUnnest(
      client,
      'referral_transitions',
      REFERRAL_TRANSITION_COLUMNS,
      transitions,
    ),
    access_grants: await insertUnnest(client, 'access_grants', GRANT_COLUMNS, grants),
    consents: await insertUnnest(client, 'consents', CONSENT_COLUMNS, consents),
  };
}

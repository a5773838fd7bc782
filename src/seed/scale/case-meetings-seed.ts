import type { ClientBase } from 'pg';
import { insertUnnest } from './bulk-insert';
import {
  ACTION_COLUMNS,
  ATTENDEE_COLUMNS,
  CASE_MEETING_COLUMNS,
  CONSENT_COLUMNS,
  GRANT_COLUMNS,
  ITEM_COLUMNS,
  ITEM_CONTACT_COLUMNS,
} from './columns';
import {
  consentRow,
  DAY,
  grantRow,
  openAt,
  PartnershipContext,
  SeededParticipant,
  TableCounts,
} from './context';
import { between, pick, sample, uuid } from './synthetic';

/** As CaseMeetingsService: attendees keep case access 14 days after the meeting; an item counts 15 minutes. */
const GRANT_AFTER_MEETING_MS = 14 * DAY;
const ITEM_CONTACT_MINUTES = 15;
/** Each team meets every four weeks. */
const EVERY_MS = 28 * DAY;
const SUMMARIES = [
  'Stand van zaken besproken.',
  'Schulden en budgetbegeleiding besproken.',
  'Zoektocht naar kinderopvang loopt vast.',
  'Taalcursus loopt goed, volgende stap werkervaring.',
  'Sollicitatietraining gevolgd, motivatie is hoog.',
  'Huisvesting onzeker: huurcontract loopt af.',
];
const DECISIONS = [
  'Doorverwijzing naar een VDAB-opleiding bekijken.',
  'Rechtenverkenning bij het OCMW aanvragen.',
  'Opvolgen in het volgende overleg.',
  'Duo-begeleiding met de expertisecel.',
  null,
];
const ACTIONS = [
  'Contact opnemen met het OCMW.',
  'Cv samen herwerken.',
  'Inschrijving opleiding nakijken.',
  'Huisbezoek plannen.',
  'Afspraak bij de schuldbemiddelaar maken.',
];

/**
 * Case meetings (casusoverleg) as the API writes them: every team meets every four weeks, organised
 * by one of its coaches, with two to four more coaches and often the team's VDAB or OCMW SPOC. Each
 * past meeting discusses a few open trajectories of the attending coaches. Every item, like
 * POST /case-meetings/{id}/items, writes its case_meeting contact, actions for attendees, a
 * `case_meeting` grant per attendee at case scope until 14 days after the meeting, and needs the
 * participant present or a case_meeting consent (recorded here when it is the basis). The meeting
 * after `until` is upcoming: attendees, no items yet.
 */
export async function seedCaseMeetings(client: ClientBase, ctx: PartnershipContext): Promise<TableCounts> {
  const { rng, until, partnershipId: tenant } = ctx;
  const byCoach = new Map<string, SeededParticipant[]>();
  for (const p of ctx.participants) {
    if (!p.trajectoryId) continue;
    const list = byCoach.get(p.caseManagerId);
    if (list) list.push(p);
    else byCoach.set(p.caseManagerId, [p]);
  }
  const staffById = new Map(ctx.staff.map((s) => [s.id, s]));
  const consented = new Set<string>();
  const out = {
    meetings: [] as unknown[][],
    attendees: [] as unknown[][],
    items: [] as unknown[][],
    contacts: [] as unknown[][],
    actions: [] as unknown[][],
    grants: [] as unknown[][],
    consents: [] as unknown[][],
  };
  const first = ctx.since?.getTime() ?? until.getTime() - 6 * 365 * DAY;
  for (const team of ctx.teams) {
    const members = ctx.staff.filter((s) => s.teamId === team.id);
    const coaches = members.filter((s) => s.roles[0] === 'coach');
    const spocs = (role: string) => members.filter((s) => s.roles[0] === role);
    // A weekday morning (07:30 UTC); four weeks later is the same weekday.
    let start = first - (first % DAY) + between(rng, 0, 27) * DAY + 7.5 * 3600_000;
    while ([0, 6].includes(new Date(start).getUTCDay())) start += DAY;
    for (let t = start; t < until.getTime() + EVERY_MS; t += EVERY_MS) {
      const at = new Date(t);
      const id = uuid(rng);
      const attendees = sample(rng, coaches, between(rng, 3, 5));
      const organiser = attendees[0];
      for (const [role, share] of [
        ['spoc_vdab', 0.6],
        ['spoc_ocmw', 0.4],
      ] as const)
        if (spocs(role).length && rng() < share) attendees.push(pick(rng, spocs(role)));
      out.meetings.push([
        id,
        tenant,
        team.id,
        at,
        `Wijkcentrum ${team.name.slice(5)}`,
        organiser.id,
        organiser.organisationId,
        new Date(t - between(rng, 7, 21) * DAY),
      ]);
      for (const a of attendees) out.attendees.push([tenant, id, a.id, a.organisationId]);
      if (at > until) continue;

      // The agenda: open trajectories of the attending coaches; each item is written by the case manager.
      const open = attendees.flatMap((a) => (byCoach.get(a.id) ?? []).filter((p) => openAt(p, at)));
      for (const p of sample(rng, open, between(rng, 2, 6))) {
        const author = staffById.get(p.caseManagerId)!;
        const present = rng() < 0.25;
        if (!present && !consented.has(p.id)) {
          consented.add(p.id);
          const given = p.intakeAt && p.intakeAt <= at ? p.intakeAt : p.startedAt!;
          out.consents.push(consentRow(tenant, p.id, 'case_meeting', given, author.id));
        }
        const itemId = uuid(rng);
        const contactId = uuid(rng);
        const summary = pick(rng, SUMMARIES);
        out.items.push([
          itemId,
          tenant,
          id,
          p.trajectoryId,
          p.id,
          present,
          present ? 'present' : 'consent',
          summary,
          pick(rng, DECISIONS),
          null,
          contactId,
          author.id,
          author.organisationId,
          at,
        ]);
        out.contacts.push([
          contactId,
          tenant,
          p.trajectoryId,
          p.id,
          at,
          'case_meeting',
          ITEM_CONTACT_MINUTES,
          author.id,
          author.id,
          author.organisationId,
          summary,
          false,
          'case_meeting_item',
          itemId,
        ]);
        for (let k = between(rng, 0, 2); k > 0; k--) {
          const owner = pick(rng, attendees);
          const done = new Date(t + between(rng, 1, 35) * DAY);
          const completed = rng() < 0.8 && done <= until;
          out.actions.push([
            tenant,
            id,
            itemId,
            p.id,
            pick(rng, ACTIONS),
            owner.id,
            new Date(t + between(rng, 7, 28) * DAY),
            completed ? done : null,
            completed ? owner.id : null,
            at,
          ]);
        }
        const lapses = new Date(at.getTime() + GRANT_AFTER_MEETING_MS);
        for (const a of attendees)
          out.grants.push(
            grantRow(tenant, p.id, { staffId: a.id }, 'case', 'case_meeting', itemId, at, lapses),
          );
      }
    }
  }
  return {
    case_meetings: await insertUnnest(client, 'case_meetings', CASE_MEETING_COLUMNS, out.meetings),
    case_meeting_attendees: await insertUnnest(
      client,
      'case_meeting_attendees',
      ATTENDEE_COLUMNS,
      out.attendees,
    ),
    contacts: await insertUnnest(client, 'contacts', ITEM_CONTACT_COLUMNS, out.contacts),
    case_meeting_items: await insertUnnest(client, 'case_meeting_items', ITEM_COLUMNS, out.items),
    case_meeting_actions: await insertUnnest(client, 'case_meeting_actions', ACTION_COLUMNS, out.actions),
    access_grants: await insertUnnest(client, 'access_grants', GRANT_COLUMNS, out.grants),
    consents: await insertUnnest(client, 'consents', CONSENT_COLUMNS, out.consents),
  };
}

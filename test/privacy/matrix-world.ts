import { StaffKey, TestPartnership } from '../factories/partnership.factory';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { TestApp } from '../harness/test-app';
import { as } from '../support/api';
import { DAY } from '../support/time';

export type Org = keyof TestPartnership['orgs'];
export type ReferralTarget = 'vdab' | 'ocmw';

export interface Person {
  id: string;
  firstName: string;
  lastName: string;
}

/** One organisation's case file, with one record of every participant-linked kind. */
export interface World {
  p: TestPartnership;
  org: Org;
  creator: StaffKey;
  participant: Person;
  trajectory: string;
  goal: string;
  contact: string;
  consent: string;
  meeting: string;
  item: string;
  action: string;
  session: string;
  /** Outbound referrals, each about a participant of its own, so the main participant holds no referral grant. */
  referrals: Partial<Record<ReferralTarget, { id: string; participant: Person }>>;
  instrument: string;
  feedback: string;
}

const letters = () =>
  Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

export function worldApi(t: TestApp, p: TestPartnership) {
  return async (method: 'post' | 'put', url: string, who: StaffKey, body: object, ifMatch?: number) => {
    const res = await as(t, p.auth(who))[method](url, body, { ifMatch });
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown> & { id: string };
  };
}

/** Hands a participant (and its trajectories and owner grant) to another organisation, as a warm hand-over would. */
export async function transfer(t: TestApp, p: TestPartnership, participantId: string, org: Org) {
  const id = p.orgs[org].id;
  await t.sql('update participants set owner_organisation_id = $2 where id = $1', [participantId, id]);
  await t.sql('update trajectories set owner_organisation_id = $2 where participant_id = $1', [
    participantId,
    id,
  ]);
  await t.sql(
    `update access_grants set organisation_id = $2 where participant_id = $1 and reason = 'owner'`,
    [participantId, id],
  );
}

export async function consent(t: TestApp, p: TestPartnership, participantId: string, scope: string) {
  const [row] = await t.sql<{ id: string }>(
    `insert into consents (partnership_id, participant_id, scope, basis, given_at, evidence, recorded_by)
     values ($1, $2, $3, 'consent', now() - interval '1 day', 'Formulier M-1', $4) returning id`,
    [p.id, participantId, scope, p.staff.coach.id],
  );
  return row.id;
}

/** A participant with names no other fixture shares, so a leak check can look for them in any body. */
export async function person(t: TestApp, p: TestPartnership, who: StaffKey, withTrajectory = true) {
  const tag = letters();
  const created = await createParticipant(t, p, who, {
    firstName: `Vn${tag}`,
    lastName: `An${tag}`,
  });
  const trajectory = withTrajectory ? (await startTrajectory(t, p, created.id, who)).id : '';
  for (const scope of ['case_meeting', 'vdab_exchange', 'ocmw_exchange'])
    await consent(t, p, created.id, scope);
  return {
    person: { id: created.id, firstName: `Vn${tag}`, lastName: `An${tag}` },
    trajectory,
  };
}

/**
 * Builds the world as `creator` (who holds the owner grant while building), then hands it to
 * `org`. Attendees see the case meeting; nobody outside `org` gets a grant on the main participant
 * except through the meeting's attendees.
 */
export async function buildWorld(
  t: TestApp,
  p: TestPartnership,
  org: Org,
  opts: { creator: StaffKey; attendees: StaffKey[]; referralTargets: ReferralTarget[] },
): Promise<World> {
  const call = worldApi(t, p);
  const who = opts.creator;
  const main = await person(t, p, who);
  const tr = main.trajectory;
  // At intake: an ESF participant (issue 13, rule 2), so the ESF exports name the main participant.
  await call('post', `/trajectories/${tr}/transitions`, who, { to: 'intake', at: new Date().toISOString() });
  const goal = await call('post', `/trajectories/${tr}/goals`, who, {
    lifeDomain: 'work',
    title: 'Rijbewijs B',
    targetDate: '2030-06-30',
  });
  const contact = await call('post', `/trajectories/${tr}/contacts`, who, {
    at: new Date(Date.now() - DAY).toISOString(),
    kind: 'office',
    durationMinutes: 30,
    summary: 'Eerste gesprek',
  });
  const [{ v }] = await t.sql<{ v: number }>(
    'select life_domains_version as v from trajectories where id = $1',
    [tr],
  );
  await call(
    'put',
    `/trajectories/${tr}/life-domains`,
    who,
    { domains: [{ domain: 'housing', severity: 3 }] },
    v,
  );
  const meeting = await call('post', '/case-meetings', who, {
    teamId: p.teams[0].id,
    // Presence is recorded at or after the meeting: it took place an hour ago.
    scheduledAt: new Date(Date.now() - 3600_000).toISOString(),
    location: 'Rabot',
    attendeeIds: opts.attendees.map((k) => p.staff[k].id),
  });
  const item = await call('post', `/case-meetings/${meeting.id}/items`, who, {
    trajectoryId: tr,
    participantPresent: true,
    summary: 'Stand van zaken',
    actions: [
      {
        description: 'Bellen',
        ownerStaffId: p.staff[who].id,
        dueAt: new Date(Date.now() + 2 * DAY).toISOString(),
      },
    ],
  });
  const session = await call('post', '/group-sessions', who, {
    theme: 'Solliciteren',
    tag: 'sector_info',
    at: new Date(Date.now() + DAY).toISOString(),
    durationMinutes: 60,
    location: 'Muide',
  });
  await call('post', `/group-sessions/${session.id}/attendance`, who, {
    participantId: main.person.id,
    attended: false,
  });
  const referrals: World['referrals'] = {};
  for (const target of opts.referralTargets) {
    const subject = await person(t, p, who);
    const r = await call('post', '/referrals', who, {
      direction: 'outbound',
      target,
      kind: 'bit_evaluation',
      participantId: subject.person.id,
    });
    referrals[target] = { id: r.id, participant: subject.person };
    if (p.staff[who].organisationId !== p.orgs[org].id) await transfer(t, p, subject.person.id, org);
  }
  const [cons] = await t.sql<{ id: string }>(
    `select id from consents where participant_id = $1 and scope = 'vdab_exchange'`,
    [main.person.id],
  );
  // A baseline and a review, so the progress and star routes have something to draw.
  const empowerment = (kind: string, takenAt: string, v: number) =>
    call('post', `/trajectories/${tr}/assessments`, who, {
      instrument: 'empowerment',
      kind,
      takenAt,
      scores: Object.fromEntries(
        [
          'competentie',
          'zelfbeschikking',
          'impact',
          'betekenis',
          'positieve_identiteit',
          'groepsorientatie',
        ].map((k) => [k, v]),
      ),
    });
  // The trajectory started moments ago; the review lies a few seconds after the baseline (within the clock slack).
  await empowerment('baseline', new Date().toISOString(), 4);
  await empowerment('review', new Date(Date.now() + 5000).toISOString(), 6);
  // A release-scale reading for the release chart, and the participant's feedback.
  await call('post', `/trajectories/${tr}/assessments`, who, {
    instrument: 'release_scale',
    kind: 'baseline',
    takenAt: new Date().toISOString(),
    scores: { release: 4 },
  });
  const feedback = await call('post', `/trajectories/${tr}/feedback`, who, {
    satisfaction: 4,
    comment: 'Goed geholpen',
  });
  const instrument = await call('post', '/instruments', 'admin', {
    key: `matrix_${letters()}`,
    name: { nl: 'Matrix', en: 'Matrix' },
    dimensions: [{ key: 'werk', label: { nl: 'Werk', en: 'Work' } }],
    scaleMin: 1,
    scaleMax: 10,
  });
  if (p.staff[who].organisationId !== p.orgs[org].id) await transfer(t, p, main.person.id, org);
  return {
    p,
    org,
    creator: who,
    participant: main.person,
    trajectory: tr,
    goal: goal.id,
    contact: contact.id,
    consent: cons.id,
    meeting: meeting.id,
    item: item.id,
    action: (item.actions as { id: string }[])[0].id,
    session: session.id,
    referrals,
    instrument: instrument.id,
    feedback: feedback.id,
  };
}

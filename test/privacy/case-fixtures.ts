import { TestPartnership } from '../factories/partnership.factory';
import { TestApp } from '../harness/test-app';

/**
 * Goals, life domains and contacts are written by another feature; these tests only need rows
 * to exist, so they are inserted as the superuser with the columns of the case-file migration.
 */
export async function addCaseWork(
  t: TestApp,
  p: TestPartnership,
  ids: { participantId: string; trajectoryId: string },
  text: { goal: string; note: string; contact: string; confidential: string; foreignConfidential: string },
) {
  const base = [p.id, ids.trajectoryId, ids.participantId];
  await t.sql(
    `insert into goals (partnership_id, trajectory_id, participant_id, life_domain, title, target_date, status, status_changed_at, steps, created_by)
     values ($1, $2, $3, 'work', $4, '2026-03-31', 'open', now(), $5, $6)`,
    [...base, text.goal, JSON.stringify([{ title: `${text.goal} stap 1`, done: false }]), p.staff.coach.id],
  );
  await t.sql(
    `insert into life_domains (partnership_id, trajectory_id, participant_id, domain, severity, note, updated_by)
     values ($1, $2, $3, 'housing', 4, $4, $5)`,
    [...base, text.note, p.staff.coach.id],
  );
  const contact = (summary: string, confidential: boolean, staff: 'coach' | 'coachCaw') =>
    t.sql(
      `insert into contacts (partnership_id, trajectory_id, participant_id, at, kind, duration_minutes, staff_id, author_id,
                             author_organisation_id, summary, confidential)
       values ($1, $2, $3, now() - interval '1 day', 'office', 45, $4, $4, $5, $6, $7)`,
      [...base, p.staff[staff].id, p.staff[staff].organisationId, summary, confidential],
    );
  await contact(text.contact, false, 'coach');
  await contact(text.confidential, true, 'coach');
  await contact(text.foreignConfidential, true, 'coachCaw');
}

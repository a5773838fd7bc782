import { TestPartnership } from '../factories/partnership.factory';
import { TestApp } from '../harness/test-app';

export type ConsentScope =
  'partnership_sharing' | 'vdab_exchange' | 'ocmw_exchange' | 'case_meeting' | 'special_categories';

/** Records a consent directly: the consent endpoints belong to another feature. */
export async function giveConsent(
  t: TestApp,
  p: TestPartnership,
  participantId: string,
  scope: ConsentScope,
) {
  await t.sql(
    `insert into consents (partnership_id, participant_id, scope, basis, given_at, evidence, recorded_by)
     values ($1, $2, $3, 'consent', now() - interval '1 day', 'Getekend formulier', $4)`,
    [p.id, participantId, scope, p.staff.coach.id],
  );
}

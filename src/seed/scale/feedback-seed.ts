import type { ClientBase } from 'pg';
import { Column, insertUnnest } from './bulk-insert';
import { PartnershipContext, TableCounts } from './context';

const DAY = 86_400_000;

export const FEEDBACK_COLUMNS: readonly Column[] = [
  ['partnership_id', 'uuid'],
  ['trajectory_id', 'uuid'],
  ['participant_id', 'uuid'],
  ['given_at', 'timestamptz'],
  ['satisfaction', 'int4'],
  ['comment', 'text'],
  ['at_closing', 'boolean'],
  ['recorded_by', 'uuid'],
  ['created_at', 'timestamptz'],
];

/** Synthetic words, as a participant might say them; no names. */
const COMMENTS = [
  'Ik voelde me gehoord en niet beoordeeld.',
  'Fijn dat de coach naar mij thuis kwam.',
  'Soms ging het te snel voor mij.',
  'Door de groepssessies ken ik nu meer mensen.',
  'Ik had graag vaker een afspraak gehad.',
  'Eindelijk iemand die mee naar de VDAB ging.',
  null,
];
const SCORES = [4, 5, 3, 4, 5, 2, 4, 5, 3];

/**
 * The participants' feedback (issue 16): most closed trajectories give it at closing, some open
 * ones two months into guidance. Taken from the participant's place in the list, not from the
 * shared random stream, so adding it leaves every other seeded table as it was.
 */
export async function seedFeedback(client: ClientBase, ctx: PartnershipContext): Promise<TableCounts> {
  const rows: unknown[][] = [];
  ctx.participants.forEach((p, i) => {
    if (!p.trajectoryId || !p.guidanceAt) return;
    const row = (at: Date, atClosing: boolean, k: number) => [
      ctx.partnershipId,
      p.trajectoryId,
      p.id,
      at,
      SCORES[k % SCORES.length],
      COMMENTS[k % COMMENTS.length],
      atClosing,
      p.caseManagerId,
      at,
    ];
    const midway = new Date(p.guidanceAt.getTime() + 60 * DAY);
    if (i % 4 === 1 && midway < (p.closedAt ?? ctx.until)) rows.push(row(midway, false, i + 3));
    if (p.closedAt && p.closedAt <= ctx.until && i % 3 !== 2) rows.push(row(p.closedAt, true, i));
  });
  return { participant_feedback: await insertUnnest(client, 'participant_feedback', FEEDBACK_COLUMNS, rows) };
}

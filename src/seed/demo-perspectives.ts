import type { ClientBase } from 'pg';
import { ActorScopedClient } from './actor-scoped-client';
import { insertUnnest } from './scale/bulk-insert';
import { ASSESSMENT_COLUMNS } from './scale/columns';
import { SeededStaff } from './scale/context';
import { mulberry32, Rng } from './scale/synthetic';

/**
 * The coaches (email labels before the demo domain) whose whole caseload scores the empowerment
 * star from both sides. coach1.stad is the README tour's coach, so the first star a newcomer opens
 * draws the participant's reading beside the coach's.
 */
export const DEMO_PERSPECTIVE_COACHES = ['coach1.stad', 'coach1.ocmw', 'coach1.jes'] as const;

/** Its own stream, so the rest of the demo stays what it was without these readings. */
const PERSPECTIVES_SEED = 0x5_7a7;

const COLUMNS = [...ASSESSMENT_COLUMNS, ['perspective', 'text']] as const;

interface AgreedReading {
  trajectory_id: string;
  participant_id: string;
  instrument_id: string;
  instrument_key: string;
  instrument_version: number;
  kind: string;
  taken_at: Date;
  scores: Record<string, number>;
  assessed_by: string;
  scale_min: number;
  scale_max: number;
}

/**
 * Issue 16 in the demo: for every empowerment measurement of these coaches' caseloads (baseline,
 * reviews, exit), the participant's own reading and the coach's, scored the same day shortly before
 * the reading they then agreed on (seeded as before, so progress and the reports are unchanged:
 * the agreed reading is the one that counts). Participants tend to score themselves a little higher
 * than the agreed reading, coaches a little lower, and the two never coincide on every component.
 *
 * Reads the agreed readings as each coach's organisation (the RLS read policy needs a grant) and
 * writes through the actor-scoped client, as POST /trajectories/{id}/assessments would.
 */
export async function seedDemoPerspectives(
  writer: ActorScopedClient,
  partnershipId: string,
  coaches: readonly (SeededStaff & { email: string })[],
): Promise<number> {
  const db = writer as unknown as ClientBase;
  const rng = mulberry32(PERSPECTIVES_SEED);
  const rows: unknown[][] = [];
  for (const label of DEMO_PERSPECTIVE_COACHES) {
    const coach = coaches.find((c) => c.email.startsWith(`${label}@`));
    if (!coach) continue;
    await writer.as({ org: coach.organisationId, user: coach.id });
    const { rows: agreed } = await db.query<AgreedReading>(
      `select a.trajectory_id, a.participant_id, a.instrument_id, a.instrument_key, a.instrument_version,
              a.kind, a.taken_at, a.scores, a.assessed_by, i.scale_min, i.scale_max
         from assessments a
         join trajectories t on t.id = a.trajectory_id
         join instruments i on i.id = a.instrument_id
        where t.case_manager_id = $1 and a.instrument_key = 'empowerment' and a.perspective = 'agreed'
        order by a.trajectory_id, a.taken_at`,
      [coach.id],
    );
    await writer.as({});
    for (const a of agreed) rows.push(...readingsOf(a, partnershipId, rng));
  }
  return insertUnnest(db, 'assessments', COLUMNS, rows);
}

/** The participant's reading 40 minutes before the agreed one, the coach's 20 minutes before. */
function readingsOf(a: AgreedReading, partnershipId: string, rng: Rng): unknown[][] {
  const clamp = (x: number) => Math.min(a.scale_max, Math.max(a.scale_min, x));
  const keys = Object.keys(a.scores).sort();
  const own = Object.fromEntries(
    keys.map((k) => [k, clamp(a.scores[k] + [-1, 0, 1, 1, 2][Math.floor(rng() * 5)])]),
  );
  const coach = Object.fromEntries(
    keys.map((k) => [k, clamp(a.scores[k] + [-1, -1, 0, 0, 1][Math.floor(rng() * 5)])]),
  );
  // Two voices that say the same on every component would draw one shape: make one component differ.
  if (keys.every((k) => own[k] === coach[k])) {
    const k = keys[Math.floor(rng() * keys.length)];
    if (own[k] < a.scale_max) own[k] += 1;
    else coach[k] -= 1;
  }
  const row = (scores: Record<string, number>, minutesBefore: number, perspective: string) => {
    const at = new Date(a.taken_at.getTime() - minutesBefore * 60_000);
    return [
      partnershipId,
      a.trajectory_id,
      a.participant_id,
      a.instrument_id,
      a.instrument_key,
      a.instrument_version,
      a.kind,
      at,
      JSON.stringify(scores),
      null,
      null,
      true,
      a.assessed_by,
      at,
      perspective,
    ];
  };
  return [row(own, 40, 'participant'), row(coach, 20, 'coach')];
}

export const GOAL_STATUSES = ['open', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** An interim step as stored: doneAt is an ISO moment when done, null otherwise. */
export interface GoalStep {
  title: string;
  done: boolean;
  doneAt: string | null;
}

export interface StepInput {
  title: string;
  done: boolean;
  doneAt?: string;
}

export type StepProblem = { index: number; problem: 'done_at_without_done' | 'done_at_in_future' };

/**
 * Dates the interim steps. A step ticked off without a date gets "now", unless it was already done
 * before (same place, same title), so resending the list does not move old dates.
 */
export function dateSteps(
  input: readonly StepInput[],
  previous: readonly GoalStep[],
  now: Date,
  slackMs: number,
): { steps: GoalStep[] } | StepProblem {
  const steps: GoalStep[] = [];
  for (const [index, s] of input.entries()) {
    if (!s.done) {
      if (s.doneAt !== undefined) return { index, problem: 'done_at_without_done' };
      steps.push({ title: s.title, done: false, doneAt: null });
      continue;
    }
    let doneAt: string;
    if (s.doneAt !== undefined) {
      const at = new Date(s.doneAt);
      if (at.getTime() > now.getTime() + slackMs) return { index, problem: 'done_at_in_future' };
      doneAt = at.toISOString();
    } else {
      const old = previous[index];
      doneAt = old && old.done && old.doneAt && old.title === s.title ? old.doneAt : now.toISOString();
    }
    steps.push({ title: s.title, done: true, doneAt });
  }
  return { steps };
}

/** JSON with sorted keys: jsonb hands objects back in its own key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** Field-by-field old and new values of what actually changed, for the audit log. */
export function diff<T extends object>(
  before: T,
  after: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const from = before[key];
    const to = after[key];
    if (to === undefined) continue;
    if (canonical(from) !== canonical(to)) out[String(key)] = { from: from ?? null, to: to ?? null };
  }
  return out;
}

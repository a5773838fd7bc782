import { round } from './figures';
import { localMidnight } from './period';

/** Below this many responses in a quarter the texts stay out of the report: too few to hide a person. */
export const FEEDBACK_TEXTS_MIN_RESPONSES = 5;
const SCALE = [1, 2, 3, 4, 5] as const;

// $1 = first day of the quarter, $2 = first day of the next one (Brussels).
export const FEEDBACK_COUNTS_SQL = `
  select f.satisfaction, count(*)::int as n
    from participant_feedback f
   where f.partnership_id = app_tenant() and f.given_at >= ${localMidnight('$1')} and f.given_at < ${localMidnight('$2')}
   group by f.satisfaction`;

/**
 * The texts with the names of the participant who wrote them, so those names can be taken out; in
 * text order, so the list says nothing about who answered when. Names never leave participantFeedback().
 */
export const FEEDBACK_TEXTS_SQL = `
  select f.comment, p.first_name, p.last_name
    from participant_feedback f join participants p on p.id = f.participant_id
   where f.partnership_id = app_tenant() and f.given_at >= ${localMidnight('$1')} and f.given_at < ${localMidnight('$2')}
     and f.comment is not null and f.comment <> ''
   order by f.comment`;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Takes the participant's own first and last name out of their text (a name of one letter stays). */
export function withoutNames(text: string, names: readonly (string | null)[]): string {
  return names
    .filter((n): n is string => !!n && n.trim().length > 1)
    .reduce(
      (t, n) =>
        t.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(n.trim())}(?![\\p{L}\\p{N}])`, 'giu'), '…'),
      text,
    );
}

export interface FeedbackCountRow {
  satisfaction: number;
  n: number;
}

export interface FeedbackTextRow {
  comment: string;
  first_name: string;
  last_name: string;
}

/** How many responses the counts add up to: the texts are read from FEEDBACK_TEXTS_MIN_RESPONSES on. */
export const feedbackResponses = (counts: readonly FeedbackCountRow[]) => counts.reduce((n, c) => n + c.n, 0);

/**
 * The participants' feedback of one quarter, without names: how many responses, the mean
 * satisfaction and its distribution 1–5; the texts only from 5 responses on. `counts` and `texts`
 * are FEEDBACK_COUNTS_SQL's and FEEDBACK_TEXTS_SQL's (QuarterlyRepository runs them, the latter only
 * from FEEDBACK_TEXTS_MIN_RESPONSES responses on; null otherwise).
 */
export function participantFeedback(counts: FeedbackCountRow[], texts: FeedbackTextRow[] | null) {
  const responses = feedbackResponses(counts);
  const sum = counts.reduce((s, c) => s + c.satisfaction * c.n, 0);
  const shownTexts =
    responses >= FEEDBACK_TEXTS_MIN_RESPONSES && texts
      ? texts
          .map((r) => withoutNames(r.comment, [r.first_name, r.last_name]))
          .sort((a, b) => a.localeCompare(b))
      : null;
  return {
    definition: `Feedback participants gave in the quarter (by the date given), recorded by their coach with them: the number of responses, the mean satisfaction (1\u20135) and how many gave each score. The texts are listed only when the quarter has at least ${FEEDBACK_TEXTS_MIN_RESPONSES} responses (otherwise null), to avoid re-identification: without names, ids or dates, the participant's own first and last name taken out, in alphabetical order.`,
    responses,
    meanSatisfaction: responses ? round(sum / responses, 2) : null,
    distribution: Object.fromEntries(
      SCALE.map((s) => [String(s), counts.find((c) => c.satisfaction === s)?.n ?? 0]),
    ) as Record<'1' | '2' | '3' | '4' | '5', number>,
    texts: shownTexts,
  };
}

export type ParticipantFeedbackSection = ReturnType<typeof participantFeedback>;

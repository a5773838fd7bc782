import type { QuarterlyReport } from '../quarterly-report.service';
import { contactPlacesSheets } from './contact-places-sheets';
import { empowermentSheets } from './empowerment-sheets';
import { feedbackSheets } from './feedback-sheets';

export type Cell = string | number | boolean | null;
export interface Sheet {
  name: string;
  rows: Cell[][];
}

/** A table with a header row, then a blank row and the definition, so a reader knows what was counted. */
const table = (name: string, header: string[], rows: Cell[][], definition?: string): Sheet => ({
  name,
  rows: [header, ...rows, ...(definition ? [[], ['definition', definition]] : [])],
});

type WorkTarget = QuarterlyReport['exits']['toWork'];
type WorkShares = Pick<WorkTarget, 'reached' | 'shareOfReached' | 'projectYear'> & { toWork: number };

/** The work target over everyone reached: the partnership, then per organisation, referral channel and persona. */
function workTargetSheet(w: WorkTarget): Sheet {
  const row = (scope: string, key: string | null, name: string | null, s: WorkShares): Cell[] => [
    scope,
    key,
    name,
    s.reached,
    s.toWork,
    s.shareOfReached,
    s.projectYear.reached,
    s.projectYear.toWork,
    s.projectYear.shareOfReached,
  ];
  return table(
    'Work target',
    [
      'scope',
      'id',
      'name',
      'reached',
      'to work',
      'share of reached',
      'project year reached',
      'project year to work',
      'project year share of reached',
      'exits (personas)',
      'project year exits (personas)',
    ],
    [
      row('partnership', null, null, { ...w, toWork: w.exits }),
      ...w.byOrganisation.map((o) => row('organisation', o.organisationId, o.name, o)),
      ...Object.entries(w.byReferralChannel).map(([c, s]) => row('referral channel', c, c, s)),
      // Personas also carry all exits, in two more columns; the row without a persona has no id or name.
      ...w.byPersona.map((p) => [...row('persona', p.personaId, p.name, p), p.exits, p.projectYear.exits]),
    ],
    w.definition,
  );
}

/**
 * The quarterly report as workbook sheets, one per section of the JSON, with the same numbers:
 * nothing is recomputed here, so the workbook cannot disagree with GET /reports/quarterly.
 */
export function quarterlySheets(r: QuarterlyReport): Sheet[] {
  const turnaround = r.referralTurnaround.byTarget;
  return [
    table(
      'Summary',
      ['item', 'value'],
      [
        ['year', r.year],
        ['quarter', r.quarter],
        ['from', r.period.from],
        ['to', r.period.to],
        ['active trajectories at quarter end', r.activeTrajectoriesAtQuarterEnd],
      ],
    ),
    table(
      'Inflow',
      ['referral channel', 'trajectories started'],
      [...Object.entries(r.inflow.byReferralChannel), ['total', r.inflow.trajectoriesStarted]],
    ),
    table(
      'Reach',
      ['measure', 'participants'],
      [
        ['reached', r.reach.reached],
        ['intensive', r.reach.intensive],
        ['esf entrants', r.reach.esfEntrants],
      ],
      r.reach.definition,
    ),
    table(
      'Exits',
      ['outcome', 'exits'],
      [
        ...Object.entries(r.exits.byOutcome),
        ['total', r.exits.total],
        [],
        ['to work', r.exits.toWork.exits],
        ['reached', r.exits.toWork.reached],
        ['share of reached to work', r.exits.toWork.shareOfReached],
        ['share of exits to work', r.exits.toWork.shareOfExits],
        ['target minimum', r.exits.toWork.target.min],
        ['target maximum', r.exits.toWork.target.max],
        ['status', r.exits.toWork.status],
      ],
      r.exits.definition,
    ),
    workTargetSheet(r.exits.toWork),
    table(
      'Duration',
      ['closed trajectories', 'median days', 'p90 days'],
      [[r.duration.closedTrajectories, r.duration.medianDays, r.duration.p90Days]],
      r.duration.definition,
    ),
    table(
      'Contact intensity',
      ['contact kind', 'contacts', 'minutes', 'contacts per trajectory', 'minutes per trajectory'],
      [
        ...Object.entries(r.contactIntensity.byKind).map(([kind, k]) => [
          kind,
          k.contacts,
          k.minutes,
          k.contactsPerTrajectory,
          k.minutesPerTrajectory,
        ]),
        [],
        ['active trajectories during the quarter', r.contactIntensity.activeTrajectoriesDuringQuarter],
      ],
      r.contactIntensity.definition,
    ),
    table(
      'Caseload per coach',
      [
        'staff id',
        'name',
        'organisation id',
        'fte',
        'active trajectories',
        'per fte',
        'over norm',
        'flagged',
      ],
      [
        ...r.caseload.perCoach.map((c) => [
          c.staffId,
          c.name,
          c.organisationId,
          c.fte,
          c.activeTrajectories,
          c.perFte,
          c.overNorm,
          c.flagged,
        ]),
        [],
        ['norm per fte', r.caseload.normPerFte],
        ['flag above per fte', r.caseload.flagAbovePerFte],
      ],
      r.caseload.definition,
    ),
    table(
      'Caseload per organisation',
      ['organisation id', 'name', 'fte', 'active trajectories', 'per fte'],
      r.caseload.perOrganisation.map((o) => [
        o.organisationId,
        o.name,
        o.fte,
        o.activeTrajectories,
        o.perFte,
      ]),
    ),
    table(
      'Referral turnaround',
      [
        'target',
        'decided',
        'accepted',
        'rejected',
        'median days to decision',
        'p90 days to decision',
        'completed',
        'median days to completion',
        'p90 days to completion',
      ],
      Object.entries(turnaround).map(([target, x]) => [
        target,
        x.decided,
        x.accepted,
        x.rejected,
        x.toDecision.medianDays,
        x.toDecision.p90Days,
        x.completed,
        x.toCompletion.medianDays,
        x.toCompletion.p90Days,
      ]),
      r.referralTurnaround.definition,
    ),
    ...empowermentSheets(r.empowermentCoverage),
    ...feedbackSheets(r.participantFeedback),
    table(
      'Sustainable work',
      ['measure', 'exits'],
      [
        ['exits to work', r.sustainableWork.exitsToWork],
        ['with placement', r.sustainableWork.withPlacement],
        ['without placement', r.sustainableWork.withoutPlacement],
        ['sustainable', r.sustainableWork.sustainable],
        ['share of exits to work', r.sustainableWork.shareOfExitsToWork],
      ],
      r.sustainableWork.definition,
    ),
    ...contactPlacesSheets(r.contactPlaces),
  ];
}

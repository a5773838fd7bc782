import type { EmpowermentCoverage } from '../empowerment-coverage';
import type { Sheet } from './quarterly-sheets';

/** The quarterly report's empowerment block as two sheets, with the JSON's numbers and definitions. */
export function empowermentSheets(c: EmpowermentCoverage): Sheet[] {
  return [
    {
      name: 'Empowerment coverage',
      rows: [
        ['measure', 'value'],
        ['instrument', c.instrument.key],
        ['instrument version', c.instrument.version],
        ['active trajectories during the quarter', c.activeTrajectories],
        ['trajectories in guidance', c.baseline.trajectories],
        ['with a baseline', c.baseline.withBaseline],
        ['share with a baseline', c.baseline.share],
        ['review interval in months', c.reviews.intervalMonths],
        ['reviews due', c.reviews.due],
        ['reviews on time', c.reviews.onTime],
        ['share of reviews on time', c.reviews.share],
        ['reviews late', c.reviews.late],
        ['reviews outstanding from earlier quarters', c.reviews.outstanding],
        [],
        ['baseline definition', c.baseline.definition],
        ['reviews definition', c.reviews.definition],
      ],
    },
    {
      name: 'Distance travelled',
      rows: [
        ['component', 'n', 'mean change'],
        ...Object.entries(c.distanceTravelled.byComponent).map(([key, d]) => [key, d.n, d.meanChange]),
        [],
        ['trajectories', c.distanceTravelled.trajectories],
        [],
        ['definition', c.distanceTravelled.definition],
      ],
    },
  ];
}

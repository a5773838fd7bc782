import { Column } from './scale/bulk-insert';
import { mulberry32, uuid } from './scale/synthetic';

const DAY = 86400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Synthetic employers and work floors of the demo register; the KBO numbers pass the mod-97 check. */
const EMPLOYERS = [
  ['Bakkerij De Korenbloem', '0812345603', 'Voeding', 'employer', false],
  ['Schoonmaakbedrijf Netjes', '0456789034', 'Schoonmaak', 'employer', false],
  ['Maatwerkbedrijf Ateljee', '0700123432', 'Maatwerk', 'employer', true],
  ['Logistiek Gent-Zeehaven', '0654321022', 'Logistiek', 'employer', false],
  ['Kringwinkel Oefenwerkvloer', '0555012323', 'Hergebruik', 'practice_floor', true],
  ['Sociaal Restaurant De Tafel', '1002003070', 'Horeca', 'practice_floor', true],
] as const;

export const EMPLOYER_COLUMNS: readonly Column[] = [
  ['id', 'uuid'],
  ['partnership_id', 'uuid'],
  ['name', 'text'],
  ['kbo_number', 'text'],
  ['sector', 'text'],
  ['kind', 'text'],
  ['inclusive', 'boolean'],
  ['contact_name', 'text'],
  ['contact_email', 'text'],
  ['created_by', 'uuid'],
];
export const PLACEMENT_COLUMNS: readonly Column[] = [
  ['partnership_id', 'uuid'],
  ['trajectory_id', 'uuid'],
  ['participant_id', 'uuid'],
  ['kind', 'text'],
  ['employer_id', 'uuid'],
  ['start_date', 'date'],
  ['end_date', 'date'],
  ['hours_per_week', 'numeric'],
  ['contract_type', 'text'],
  ['exit', 'boolean'],
  ['created_by', 'uuid'],
  ['created_at', 'timestamptz'],
];

/** The demo's trajectories, as demo-cases.ts builds them: only the fields placements need. */
export interface DemoWorkTrajectory {
  id: string;
  participantId: string;
  coachId: string;
  startedAt: Date;
  guidanceAt: Date | null;
  closedAt: Date | null;
  outcome: string | null;
  outcomeKind: string | null;
}

/**
 * The register and the placements of the demo (issue 16). Every exit to work names its job: two in
 * three still run (or ran six months), one in three was an interim job of two months, so the
 * quarterly report's sustainable-work figure is non-zero and below the exits to work. Exits to
 * art. 60 carry their contract, and one in five trajectories in guidance is on a practice work floor.
 * Its own PRNG, so adding it moves none of the other demo data.
 */
export function demoWork(tenant: string, writerId: string, trajectories: DemoWorkTrajectory[], seed: number) {
  const rng = mulberry32(seed + 16);
  const employers = EMPLOYERS.map(([name, kbo, sector, kind, inclusive], k) => [
    uuid(rng),
    tenant,
    name,
    kbo,
    sector,
    kind,
    inclusive,
    k % 2 === 0 ? 'Contactpersoon Demo' : null,
    k % 2 === 0 ? `werk${k}@demo-werkgever.example` : null,
    writerId,
  ]);
  const jobEmployers = employers.filter((e) => e[5] === 'employer').map((e) => e[0] as string);
  const floors = employers.filter((e) => e[5] === 'practice_floor').map((e) => e[0] as string);
  const placements: unknown[][] = [];
  let work = 0;
  trajectories.forEach((t, i) => {
    const row = (
      kind: string,
      employer: string | null,
      start: Date,
      end: Date | null,
      hours: number,
      contract: string,
      exit: boolean,
    ) =>
      placements.push([
        tenant,
        t.id,
        t.participantId,
        kind,
        employer,
        iso(start),
        end && iso(end),
        hours,
        contract,
        exit,
        t.coachId,
        start,
      ]);
    if (t.closedAt && t.outcome === 'work') {
      const k = work++;
      const start = new Date(Math.max(t.startedAt.getTime(), t.closedAt.getTime() - 21 * DAY));
      const [end, contract] =
        k % 3 === 2
          ? [new Date(start.getTime() + 61 * DAY), 'interim']
          : k % 3 === 1
            ? [new Date(start.getTime() + 183 * DAY), 'fixed_term']
            : [null, 'permanent'];
      row('job', jobEmployers[k % jobEmployers.length], start, end, [38, 30.4, 19][k % 3], contract, true);
    } else if (t.closedAt && t.outcomeKind === 'twe_art60') {
      const start = new Date(Math.max(t.startedAt.getTime(), t.closedAt.getTime() - 7 * DAY));
      row('twe_art60', jobEmployers[i % jobEmployers.length], start, null, 38, 'art60', false);
    } else if (!t.closedAt && t.guidanceAt && i % 5 === 0) {
      row('practice_floor', floors[i % floors.length], t.guidanceAt, null, 16, 'none', false);
    }
  });
  return { employers, placements };
}

import type { ClientBase } from 'pg';
import { addMonths } from '../../empowerment/schedule';
import { insertUnnest } from './bulk-insert';
import { ASSESSMENT_COLUMNS } from './columns';
import { DAY, PartnershipContext, SeededParticipant, TableCounts } from './context';
import { between, pick, Rng } from './synthetic';

interface Instrument {
  id: string;
  key: string;
  version: number;
  dimensions: string[];
  min: number;
  max: number;
}

/** Mean change per quarter of every score, by how the trajectory ended (null: still open). */
const DRIFT: Record<string, number> = {
  work: 0.7,
  regular_activation: 0.55,
  education: 0.55,
  no_result: 0.1,
  moved_or_unreachable: 0,
  open: 0.4,
};
const NOTES = [
  'Samen met de deelnemer gescoord.',
  'Deelnemer schat zichzelf hoger in dan de coach.',
  'Moeilijke periode: huisvesting onzeker.',
  'Duidelijke vooruitgang op zelfbeschikking.',
  'Eerste werkervaring geeft zelfvertrouwen.',
  'Gescoord na het casusoverleg.',
];

/** The instrument POST /trajectories/{id}/assessments picks for a key without a version: the newest built-in. */
async function newest(client: ClientBase, key: string): Promise<Instrument> {
  const { rows } = await client.query<{
    id: string;
    key: string;
    version: number;
    dimensions: { key: string }[];
    scale_min: number;
    scale_max: number;
  }>(
    `select id, key, version, dimensions, scale_min, scale_max from instruments
      where key = $1 and partnership_id is null order by version desc limit 1`,
    [key],
  );
  const i = rows[0];
  return {
    id: i.id,
    key: i.key,
    version: i.version,
    dimensions: i.dimensions.map((d) => d.key),
    min: i.scale_min,
    max: i.scale_max,
  };
}

/**
 * Empowerment assessments as coaches record them: a baseline within weeks of the start of guidance,
 * a review about every quarter while the trajectory is open (some missed, some late), and an exit
 * assessment at closing for most. Scores start low to middling and drift up, more for those who
 * move on to work. Written as POST /trajectories/{id}/assessments would: the newest built-in version,
 * the case manager as assessor, sometimes the participant's own scores beside the coach's.
 */
export async function seedAssessments(client: ClientBase, ctx: PartnershipContext): Promise<TableCounts> {
  const instruments = {
    empowerment: await newest(client, 'empowerment'),
    release: await newest(client, 'release_scale'),
  };
  const rows: unknown[][] = [];
  for (const p of ctx.participants)
    if (p.trajectoryId && p.guidanceAt) rows.push(...history(ctx, p, instruments));
  return { assessments: await insertUnnest(client, 'assessments', ASSESSMENT_COLUMNS, rows) };
}

/**
 * One participant's measurements. Most coaches score the release scale (loslaatschaal: can the case
 * be let go?) at the same moments as empowerment; it climbs towards the end of the trajectory.
 */
function history(
  ctx: PartnershipContext,
  p: SeededParticipant,
  instruments: { empowerment: Instrument; release: Instrument },
): unknown[][] {
  const instrument = instruments.empowerment;
  const { rng, until } = ctx;
  // Some trajectories are never measured: the coverage report must have gaps to show.
  if (rng() < 0.05) return [];
  const end = p.closedAt ?? until;
  const lateBaseline = rng() < 0.2;
  const baselineAt = new Date(p.guidanceAt!.getTime() + between(rng, 0, lateBaseline ? 90 : 42) * DAY);
  if (baselineAt >= end) return [];

  const clamp = (x: number) => Math.min(instrument.max, Math.max(instrument.min, Math.round(x)));
  const level = instrument.dimensions.map(() => 2 + rng() * 4);
  const drift = DRIFT[p.outcome ?? 'open'];
  const release = instruments.release;
  let letGo = 1 + rng() * 3;
  const usesReleaseScale = rng() < 0.85;
  const releaseRow = (kind: string, at: Date) => {
    const score = Math.min(release.max, Math.max(release.min, Math.round(letGo)));
    letGo += drift * 1.3 + (rng() - 0.4) * 1.2;
    return [
      ctx.partnershipId,
      p.trajectoryId,
      p.id,
      release.id,
      release.key,
      release.version,
      kind,
      at,
      JSON.stringify({ [release.dimensions[0]]: score }),
      null,
      null,
      presence(rng),
      p.caseManagerId,
      at,
    ];
  };
  const row = (kind: string, at: Date) => {
    if (usesReleaseScale) out.push(releaseRow(kind, at));
    const scores = Object.fromEntries(instrument.dimensions.map((d, k) => [d, clamp(level[k])]));
    const own =
      rng() < 0.35
        ? Object.fromEntries(instrument.dimensions.map((d, k) => [d, clamp(level[k] + between(rng, -1, 2))]))
        : null;
    for (let k = 0; k < level.length; k++) level[k] += drift + (rng() - 0.5) * 1.6;
    return [
      ctx.partnershipId,
      p.trajectoryId,
      p.id,
      instrument.id,
      instrument.key,
      instrument.version,
      kind,
      at,
      JSON.stringify(scores),
      own && JSON.stringify(own),
      rng() < 0.1 ? pick(rng, NOTES) : null,
      presence(rng),
      p.caseManagerId,
      at,
    ];
  };

  const out: unknown[][] = [];
  out.push(row('baseline', baselineAt));
  let last = baselineAt;
  for (;;) {
    // A missed review leaves a quarter out; the next one is counted from the last one taken.
    const quarters = rng() < 0.12 ? 2 : 1;
    const next = new Date(addMonths(last, 3 * quarters).getTime() + between(rng, -7, 21) * DAY);
    if (next >= end) break;
    out.push(row('review', next));
    last = next;
  }
  if (p.closedAt && rng() < 0.75) {
    const exitAt = new Date(Math.min(p.closedAt.getTime() + between(rng, 0, 10) * DAY, until.getTime()));
    out.push(row('exit', exitAt));
  }
  return out;
}

const presence = (rng: Rng) => {
  const r = rng();
  return r < 0.85 ? true : r < 0.95 ? false : null;
};

import type { ClientBase } from 'pg';
import { ActorScopedClient } from './actor-scoped-client';
import { Column, insertUnnest } from './scale/bulk-insert';
import { DAY, PartnershipContext, TableCounts } from './scale/context';
import { between, mulberry32, uuid } from './scale/synthetic';

/** The demo's personas (partnership agreement: "profielen of persona's"), synthetic descriptions. */
export const DEMO_PERSONAS = [
  [
    'Jonge nieuwkomer',
    'Jonger dan 30, minder dan vijf jaar in België, leert Nederlands en wil snel aan het werk.',
  ],
  ['Alleenstaande ouder', 'Zorgt alleen voor jonge kinderen; kinderopvang en uren bepalen wat haalbaar is.'],
  [
    'Langdurig werkzoekende 50+',
    'Meer dan twee jaar zonder werk, veel ervaring, weinig vertrouwen in sollicitaties.',
  ],
  ['Jongere zonder diploma', 'Verliet school zonder diploma, zoekt een richting en een eerste werkervaring.'],
  [
    'Persoon met zorgnoden',
    'Gezondheid of psychisch welzijn vraagt eerst stabiliteit, dan stap voor stap activering.',
  ],
] as const;

/** Fixed persona ids: drawn from their own stream, so the rest of the demo stays as it was. */
export function demoPersonaIds(seed: number): string[] {
  const rng = mulberry32(seed + 16);
  return DEMO_PERSONAS.map(() => uuid(rng));
}

/** Four in five trajectories carry a persona, spread evenly; the rest show up as "no persona". */
export const demoPersonaOf = (ids: readonly string[], i: number) =>
  i % 5 === 4 ? null : ids[i % ids.length];

const PERSONA_COLUMNS: readonly Column[] = [
  ['id', 'uuid'],
  ['partnership_id', 'uuid'],
  ['name', 'text'],
  ['description', 'text'],
];
const SIGNAL_COLUMNS: readonly Column[] = [
  ['partnership_id', 'uuid'],
  ['category', 'text'],
  ['text', 'text'],
  ['author_id', 'uuid'],
  ['author_organisation_id', 'uuid'],
  ['created_at', 'timestamptz'],
];
const VALUE_QUESTION_COLUMNS: readonly Column[] = [
  ['partnership_id', 'uuid'],
  ['case_meeting_id', 'uuid'],
  ['item_id', 'uuid'],
  ['trajectory_id', 'uuid'],
  ['participant_id', 'uuid'],
  ['team_id', 'uuid'],
  ['meeting_at', 'timestamptz'],
  ['value_question', 'text'],
  ['waste', 'text'],
  ['recorded_by', 'uuid'],
  ['recorded_by_organisation_id', 'uuid'],
];

const SIGNALS = [
  [
    'housing',
    'Wie een leefloon krijgt, vindt in de wijk geen huurwoning onder 700 euro; de wachtlijst sociale huur is vier jaar.',
  ],
  [
    'debt',
    'Schuldbemiddeling heeft een wachtlijst van drie maanden; intussen lopen de kosten van deurwaarders op.',
  ],
  [
    'language',
    'De NT2-lessen overdag zitten vol tot september; avondlessen passen niet voor wie kinderen heeft.',
  ],
  ['mobility', 'Geen openbaar vervoer naar de haven voor de vroege shift om 6 uur.'],
  ['childcare', 'Occasionele kinderopvang is er niet op de dag van een sollicitatiegesprek.'],
  [
    'regulation',
    'Wie een opleiding start, verliest soms een deel van de uitkering: mensen durven niet te beginnen.',
  ],
  ['other', 'Een digitale afspraak bij diensten vraagt een smartphone en data die niet iedereen heeft.'],
  ['housing', 'Dakloze deelnemers hebben geen postadres, en missen zo oproepen van diensten.'],
  ['mobility', 'Een fietsherstelling kost meer dan het budget van een week.'],
  ['regulation', 'Een attest van arbeidsbeperking duurt maanden; zonder attest geen aangepast werk.'],
] as const;
const VALUE_QUESTIONS = [
  ['Ik wil dat mijn kinderen zien dat ik werk.', 'Drie keer hetzelfde intakeformulier bij drie diensten.'],
  ['Ik wil zelf kunnen beslissen over mijn geld.', 'Wachten op een attest dat al bij een andere dienst lag.'],
  ['Ik wil ergens bij horen.', null],
  ['Ik wil niet telkens mijn verhaal opnieuw doen.', 'Twee coaches die los van elkaar hetzelfde vroegen.'],
  [null, 'Een afspraak op een uur dat de kinderopvang dicht is.'],
  ['Ik wil iets doen waar ik goed in ben.', 'Een opleiding voorgesteld die al eens was afgebroken.'],
] as const;

/**
 * Personas first (trajectories refer to them), then, after the case meetings: signals of structural
 * barriers spread over the last half year, and value questions on a few agenda items of the last
 * two quarters, each written as its author (the ActorScopedClient's rules) and read as them.
 */
export async function seedPersonas(
  client: ClientBase,
  tenant: string,
  ids: readonly string[],
): Promise<number> {
  return insertUnnest(
    client,
    'personas',
    PERSONA_COLUMNS,
    DEMO_PERSONAS.map(([name, description], k) => [ids[k], tenant, name, description]),
  );
}

export async function seedSignalsAndValueQuestions(
  client: ClientBase,
  writer: Pick<ActorScopedClient, 'as'>,
  ctx: PartnershipContext,
): Promise<TableCounts> {
  const { rng, until, partnershipId: tenant } = ctx;
  const coaches = ctx.staff.filter((s) => s.roles.includes('coach'));
  const signals = SIGNALS.map(([category, text], k) => {
    const author = coaches[(k * 5) % coaches.length];
    const at = new Date(until.getTime() - (k * 17 + 2) * DAY + between(rng, 9 * 60, 16 * 60) * 60_000);
    return [tenant, category, text, author.id, author.organisationId, at];
  });

  const since = new Date(until.getTime() - 200 * DAY);
  const valueQuestions: unknown[][] = [];
  for (const coach of coaches) {
    await writer.as({ org: coach.organisationId, user: coach.id });
    const { rows } = await client.query<{
      id: string;
      case_meeting_id: string;
      trajectory_id: string;
      participant_id: string;
      team_id: string;
      scheduled_at: Date;
    }>(
      `select i.id, i.case_meeting_id, i.trajectory_id, i.participant_id, m.team_id, m.scheduled_at
         from case_meeting_items i join case_meetings m on m.id = i.case_meeting_id
        where i.author_id = $1 and m.scheduled_at >= $2 and m.scheduled_at <= $3
        order by m.scheduled_at, i.id`,
      [coach.id, since, until],
    );
    rows
      .filter((_r, k) => k % 4 === 0)
      .slice(0, 3)
      .forEach((r) => {
        const [question, waste] = VALUE_QUESTIONS[valueQuestions.length % VALUE_QUESTIONS.length];
        valueQuestions.push([
          tenant,
          r.case_meeting_id,
          r.id,
          r.trajectory_id,
          r.participant_id,
          r.team_id,
          r.scheduled_at,
          question,
          waste,
          coach.id,
          coach.organisationId,
        ]);
      });
  }
  await writer.as({});
  return {
    signals: await insertUnnest(client, 'signals', SIGNAL_COLUMNS, signals),
    case_meeting_value_questions: await insertUnnest(
      client,
      'case_meeting_value_questions',
      VALUE_QUESTION_COLUMNS,
      valueQuestions,
    ),
  };
}

import { ApiProperty, ApiPropertyOptions, getSchemaPath } from '@nestjs/swagger';
import { COUNT } from '../../common/http/api-responses';
import { CONTACT_KINDS, CONTACT_PLACES } from '../../contacts/contact-kinds';
import { REFERRAL_CHANNELS } from '../../participants/participant.constants';
import { REFERRAL_TARGETS } from '../../referrals/referral.constants';
import { OUTCOMES } from '../../trajectories/trajectory-state';

/** A share to four decimals, null when there is nothing to share. */
const SHARE = { type: 'number', nullable: true, minimum: 0, example: 0.125 } as const;
/** Days or a ratio, rounded; null when nothing was measured. */
const MEASURE = { type: 'number', nullable: true, minimum: 0 } as const;
const NUMBER = { type: 'number', minimum: 0 } as const;

/** An object with exactly these keys, each with the same schema. */
const keyed = (keys: readonly string[], schema: object, description?: string) =>
  ({
    type: 'object',
    properties: Object.fromEntries(keys.map((k) => [k, schema])),
    required: [...keys],
    additionalProperties: false,
    ...(description ? { description } : {}),
  }) as ApiPropertyOptions;
const ref = (model: { name: string }) => ({ $ref: getSchemaPath(model.name) });

export class QuarterPeriodResponse {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
}

export class InflowResponse {
  @ApiProperty(keyed(REFERRAL_CHANNELS, COUNT, 'Trajectories started per referral channel'))
  byReferralChannel!: Record<string, number>;
  @ApiProperty(COUNT) trajectoriesStarted!: number;
}

export class ReachResponse {
  @ApiProperty() definition!: string;
  @ApiProperty(COUNT) reached!: number;
  @ApiProperty(COUNT) intensive!: number;
  @ApiProperty(COUNT) esfEntrants!: number;
}

export class WorkYearResponse {
  @ApiProperty(COUNT) reached!: number;
  @ApiProperty(COUNT) toWork!: number;
  @ApiProperty(SHARE) shareOfReached!: number | null;
}

export class WorkSharesResponse {
  @ApiProperty(COUNT) reached!: number;
  @ApiProperty(COUNT) toWork!: number;
  @ApiProperty(SHARE) shareOfReached!: number | null;
  @ApiProperty({ type: WorkYearResponse, description: 'From 1 January to the quarter end' })
  projectYear!: WorkYearResponse;
}

export class WorkByOrganisationResponse extends WorkSharesResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organisationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class PersonaYearResponse extends WorkYearResponse {
  @ApiProperty(COUNT) exits!: number;
}

export class WorkByPersonaResponse {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null: trajectories without a persona',
  })
  personaId!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty(COUNT) reached!: number;
  @ApiProperty(COUNT) toWork!: number;
  @ApiProperty(SHARE) shareOfReached!: number | null;
  @ApiProperty(COUNT) exits!: number;
  @ApiProperty({ type: PersonaYearResponse }) projectYear!: PersonaYearResponse;
}

export class WorkTargetRangeResponse {
  @ApiProperty({ ...NUMBER, maximum: 1, example: 0.1 }) min!: number;
  @ApiProperty({ ...NUMBER, maximum: 1, example: 0.15 }) max!: number;
}

export class ToWorkResponse {
  @ApiProperty() definition!: string;
  @ApiProperty(COUNT) exits!: number;
  @ApiProperty(COUNT) reached!: number;
  @ApiProperty(SHARE) shareOfReached!: number | null;
  @ApiProperty(SHARE) shareOfExits!: number | null;
  @ApiProperty({ type: WorkYearResponse }) projectYear!: WorkYearResponse;
  @ApiProperty({ type: WorkTargetRangeResponse }) target!: WorkTargetRangeResponse;
  @ApiProperty({ enum: ['no_reach', 'below', 'within', 'above'] }) status!: string;
  @ApiProperty({ type: [WorkByOrganisationResponse] }) byOrganisation!: WorkByOrganisationResponse[];
  @ApiProperty(keyed(REFERRAL_CHANNELS, ref(WorkSharesResponse), 'Per referral channel (toeleider)'))
  byReferralChannel!: Record<string, WorkSharesResponse>;
  @ApiProperty({ type: [WorkByPersonaResponse] }) byPersona!: WorkByPersonaResponse[];
}

export class ExitsResponse {
  @ApiProperty() definition!: string;
  @ApiProperty(keyed(OUTCOMES, COUNT, 'Trajectories closed per outcome')) byOutcome!: Record<string, number>;
  @ApiProperty(COUNT) total!: number;
  @ApiProperty({ type: ToWorkResponse }) toWork!: ToWorkResponse;
}

export class DurationResponse {
  @ApiProperty() definition!: string;
  @ApiProperty(COUNT) closedTrajectories!: number;
  @ApiProperty(MEASURE) medianDays!: number | null;
  @ApiProperty(MEASURE) p90Days!: number | null;
}

export class ContactKindFiguresResponse {
  @ApiProperty(COUNT) contacts!: number;
  @ApiProperty(COUNT) minutes!: number;
  @ApiProperty(MEASURE) contactsPerTrajectory!: number | null;
  @ApiProperty(MEASURE) minutesPerTrajectory!: number | null;
}

export class ContactIntensityReportResponse {
  @ApiProperty() definition!: string;
  @ApiProperty(COUNT) activeTrajectoriesDuringQuarter!: number;
  @ApiProperty(keyed(CONTACT_KINDS, ref(ContactKindFiguresResponse), 'Per contact kind'))
  byKind!: Record<string, ContactKindFiguresResponse>;
}

export class CoachCaseloadResponse {
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ ...NUMBER, maximum: 1 }) fte!: number;
  @ApiProperty(COUNT) activeTrajectories!: number;
  @ApiProperty(MEASURE) perFte!: number | null;
  @ApiProperty() overNorm!: boolean;
  @ApiProperty() flagged!: boolean;
}

export class OrganisationCaseloadResponse {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty(NUMBER) fte!: number;
  @ApiProperty(COUNT) activeTrajectories!: number;
  @ApiProperty(MEASURE) perFte!: number | null;
}

export class CaseloadResponse {
  @ApiProperty() definition!: string;
  @ApiProperty(COUNT) normPerFte!: number;
  @ApiProperty(COUNT) flagAbovePerFte!: number;
  @ApiProperty({ type: [CoachCaseloadResponse] }) perCoach!: CoachCaseloadResponse[];
  @ApiProperty({ type: [OrganisationCaseloadResponse] }) perOrganisation!: OrganisationCaseloadResponse[];
}

export class DaysSpreadResponse {
  @ApiProperty(MEASURE) medianDays!: number | null;
  @ApiProperty(MEASURE) p90Days!: number | null;
}

export class TurnaroundTargetResponse {
  @ApiProperty(COUNT) decided!: number;
  @ApiProperty(COUNT) accepted!: number;
  @ApiProperty(COUNT) rejected!: number;
  @ApiProperty({ type: DaysSpreadResponse }) toDecision!: DaysSpreadResponse;
  @ApiProperty(COUNT) completed!: number;
  @ApiProperty({ type: DaysSpreadResponse }) toCompletion!: DaysSpreadResponse;
}

export class ReferralTurnaroundResponse {
  @ApiProperty() definition!: string;
  @ApiProperty(keyed(REFERRAL_TARGETS, ref(TurnaroundTargetResponse), 'Per target'))
  byTarget!: Record<string, TurnaroundTargetResponse>;
}

export class CoverageInstrumentResponse {
  @ApiProperty({ example: 'empowerment' }) key!: string;
  @ApiProperty(COUNT) version!: number;
}

export class BaselineCoverageResponse {
  @ApiProperty() definition!: string;
  @ApiProperty(COUNT) trajectories!: number;
  @ApiProperty(COUNT) withBaseline!: number;
  @ApiProperty(SHARE) share!: number | null;
}

export class ReviewCoverageResponse {
  @ApiProperty() definition!: string;
  @ApiProperty(COUNT) intervalMonths!: number;
  @ApiProperty(COUNT) due!: number;
  @ApiProperty(COUNT) onTime!: number;
  @ApiProperty(COUNT) late!: number;
  @ApiProperty(COUNT) outstanding!: number;
  @ApiProperty(SHARE) share!: number | null;
}

export class ComponentChangeResponse {
  @ApiProperty(COUNT) n!: number;
  @ApiProperty({ type: 'number', nullable: true }) meanChange!: number | null;
}

export class DistanceTravelledResponse {
  @ApiProperty() definition!: string;
  @ApiProperty(COUNT) trajectories!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: ref(ComponentChangeResponse),
    description: "Per component (dimension key) of the instrument's version",
  })
  byComponent!: Record<string, ComponentChangeResponse>;
}

export class EmpowermentCoverageResponse {
  @ApiProperty({ type: CoverageInstrumentResponse }) instrument!: CoverageInstrumentResponse;
  @ApiProperty(COUNT) activeTrajectories!: number;
  @ApiProperty({ type: BaselineCoverageResponse }) baseline!: BaselineCoverageResponse;
  @ApiProperty({ type: ReviewCoverageResponse }) reviews!: ReviewCoverageResponse;
  @ApiProperty({ type: DistanceTravelledResponse }) distanceTravelled!: DistanceTravelledResponse;
}

export class ParticipantFeedbackSectionResponse {
  @ApiProperty() definition!: string;
  @ApiProperty(COUNT) responses!: number;
  @ApiProperty({ type: 'number', nullable: true, minimum: 1, maximum: 5 }) meanSatisfaction!: number | null;
  @ApiProperty(keyed(['1', '2', '3', '4', '5'], COUNT, 'How many gave each score'))
  distribution!: Record<string, number>;
  @ApiProperty({
    type: String,
    isArray: true,
    nullable: true,
    description: 'Without names; null below the minimum number of responses',
  })
  texts!: string[] | null;
}

export class SustainableWorkResponse {
  @ApiProperty() definition!: string;
  @ApiProperty(COUNT) exitsToWork!: number;
  @ApiProperty(COUNT) withPlacement!: number;
  @ApiProperty(COUNT) withoutPlacement!: number;
  @ApiProperty(COUNT) sustainable!: number;
  @ApiProperty(SHARE) shareOfExitsToWork!: number | null;
}

export class InterpreterUseResponse {
  @ApiProperty(COUNT) contacts!: number;
  @ApiProperty({ type: 'object', additionalProperties: COUNT, description: 'Per language (ISO 639 code)' })
  byLanguage!: Record<string, number>;
}

export class ContactPlacesResponse {
  @ApiProperty() definition!: string;
  @ApiProperty(keyed([...CONTACT_PLACES, 'unknown'], COUNT, 'Contacts per place')) byPlace!: Record<
    string,
    number
  >;
  @ApiProperty({ type: InterpreterUseResponse }) interpreter!: InterpreterUseResponse;
}

/** The quarterly follow-up (JSON; quarterly.xlsx gives the same figures as a workbook). */
export class QuarterlyReportResponse {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 2000, maximum: 2100 }) year!: number;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: 4 }) quarter!: number;
  @ApiProperty({ type: QuarterPeriodResponse }) period!: QuarterPeriodResponse;
  @ApiProperty({ type: InflowResponse }) inflow!: InflowResponse;
  @ApiProperty({ type: ReachResponse }) reach!: ReachResponse;
  @ApiProperty(COUNT) activeTrajectoriesAtQuarterEnd!: number;
  @ApiProperty({ type: ExitsResponse }) exits!: ExitsResponse;
  @ApiProperty({ type: DurationResponse }) duration!: DurationResponse;
  @ApiProperty({ type: ContactIntensityReportResponse }) contactIntensity!: ContactIntensityReportResponse;
  @ApiProperty({ type: CaseloadResponse }) caseload!: CaseloadResponse;
  @ApiProperty({ type: ReferralTurnaroundResponse }) referralTurnaround!: ReferralTurnaroundResponse;
  @ApiProperty({ type: EmpowermentCoverageResponse }) empowermentCoverage!: EmpowermentCoverageResponse;
  @ApiProperty({ type: ParticipantFeedbackSectionResponse })
  participantFeedback!: ParticipantFeedbackSectionResponse;
  @ApiProperty({ type: SustainableWorkResponse }) sustainableWork!: SustainableWorkResponse;
  @ApiProperty({ type: ContactPlacesResponse }) contactPlaces!: ContactPlacesResponse;
}

/** The classes only named by $ref inside keyed maps: the controller registers them as extra models. */
export const QUARTERLY_EXTRA_MODELS = [
  WorkSharesResponse,
  ContactKindFiguresResponse,
  TurnaroundTargetResponse,
  ComponentChangeResponse,
];

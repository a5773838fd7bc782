import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AccessLogEntryResponse } from './subject-rights.response';

/** Shorthands: the export is wide, and most of its fields are text, ids or moments that may be empty. */
const S = { type: String, nullable: true } as const;
const ID = { type: String, format: 'uuid' } as const;
const NID = { ...ID, nullable: true } as const;
const AT = { type: String, format: 'date-time' } as const;
const NAT = { ...AT, nullable: true } as const;
const DAY = { type: String, format: 'date' } as const;
const NDAY = { ...DAY, nullable: true } as const;
const FLAG = { type: Boolean, nullable: true } as const;
const INT = { type: 'integer', format: 'int32', minimum: -2147483648, maximum: 2147483647 } as const;
const SCORES = {
  type: 'object',
  additionalProperties: { type: 'number' },
  description: 'Score per dimension key, as stored',
} as const;

export class ExportAddressResponse {
  @ApiProperty(S) street!: string | null;
  @ApiProperty(S) postalCode!: string | null;
  @ApiProperty(S) city!: string | null;
  @ApiProperty(S) wijk!: string | null;
}

export class ExportIdentityResponse {
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty(DAY) birthDate!: string;
  @ApiProperty({ example: 'female' }) gender!: string;
  @ApiProperty({ ...S, description: 'Decrypted' }) insz!: string | null;
  @ApiProperty(S) phone!: string | null;
  @ApiProperty(S) email!: string | null;
  @ApiProperty({ type: ExportAddressResponse }) address!: ExportAddressResponse;
  @ApiProperty(S) nationality!: string | null;
  @ApiProperty(S) contactLanguage!: string | null;
}

export class ExportProfileResponse {
  @ApiProperty(DAY) entryDate!: string;
  @ApiProperty(S) labourStatus!: string | null;
  @ApiProperty(FLAG) longTermUnemployed!: boolean | null;
  @ApiProperty(S) educationLevel!: string | null;
  @ApiProperty(FLAG) singleAdultHouseholdWithChildren!: boolean | null;
  @ApiProperty(FLAG) thirdCountryNational!: boolean | null;
  @ApiProperty(FLAG) foreignBackground!: boolean | null;
  @ApiProperty(FLAG) homelessOrHousingExclusion!: boolean | null;
  @ApiProperty(FLAG) ruralArea!: boolean | null;
  @ApiPropertyOptional({ ...S, description: 'Only with a special_categories basis, or for the DPO' })
  disability?: string | null;
  @ApiPropertyOptional({ ...S, description: 'Only with a special_categories basis, or for the DPO' })
  minority?: string | null;
  @ApiProperty() referralChannel!: string;
  @ApiProperty(S) referrer!: string | null;
  @ApiProperty(S) vdabTrajectoryStatus!: string | null;
}

export class ExportTransitionResponse {
  @ApiProperty(S) from!: string | null;
  @ApiProperty() to!: string;
  @ApiProperty(NAT) at!: string | null;
  @ApiProperty(S) outcome!: string | null;
  @ApiProperty(S) note!: string | null;
}

export class ExportPeriodResponse {
  @ApiProperty(S) organisation!: string | null;
  @ApiProperty(NAT) from!: string | null;
  @ApiProperty(NAT) to!: string | null;
}

export class ExportCaseManagerResponse extends ExportPeriodResponse {
  @ApiProperty(S) note!: string | null;
}

export class ExportTrajectoryResponse {
  @ApiProperty(ID) id!: string;
  @ApiProperty() status!: string;
  @ApiProperty(S) ownerOrganisation!: string | null;
  @ApiProperty(S) referralChannel!: string | null;
  @ApiProperty(S) referrer!: string | null;
  @ApiProperty(NAT) startedAt!: string | null;
  @ApiProperty(NAT) intakeAt!: string | null;
  @ApiProperty(NAT) guidanceStartedAt!: string | null;
  @ApiProperty(NAT) aftercareAt!: string | null;
  @ApiProperty(NAT) closedAt!: string | null;
  @ApiProperty(S) outcome!: string | null;
  @ApiProperty(S) outcomeKind!: string | null;
  @ApiProperty(NID) previousTrajectoryId!: string | null;
  @ApiProperty({ type: [ExportTransitionResponse] }) transitions!: ExportTransitionResponse[];
  @ApiProperty({ type: [ExportCaseManagerResponse] }) caseManagers!: ExportCaseManagerResponse[];
  @ApiProperty({ type: [ExportPeriodResponse] }) coCoaches!: ExportPeriodResponse[];
}

/** A goal's step as stored. */
export class ExportGoalStepResponse {
  @ApiProperty() title!: string;
  @ApiProperty() done!: boolean;
  @ApiPropertyOptional(NAT) doneAt?: string | null;
}

export class ExportGoalResponse {
  @ApiProperty(ID) id!: string;
  @ApiProperty(ID) trajectoryId!: string;
  @ApiProperty(S) lifeDomain!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty(NDAY) targetDate!: string | null;
  @ApiProperty() status!: string;
  @ApiProperty(NAT) statusChangedAt!: string | null;
  @ApiProperty({ type: [ExportGoalStepResponse] }) steps!: ExportGoalStepResponse[];
}

export class ExportLifeDomainResponse {
  @ApiProperty(ID) trajectoryId!: string;
  @ApiProperty() domain!: string;
  @ApiProperty(INT) severity!: number;
  @ApiProperty(S) note!: string | null;
  @ApiProperty(NAT) updatedAt!: string | null;
}

export class ExportContactResponse {
  @ApiProperty(ID) id!: string;
  @ApiProperty(ID) trajectoryId!: string;
  @ApiProperty(AT) at!: string;
  @ApiProperty() kind!: string;
  @ApiProperty(INT) durationMinutes!: number;
  @ApiProperty(S) organisation!: string | null;
  @ApiProperty() confidential!: boolean;
  @ApiProperty(S) summary!: string | null;
  @ApiProperty(S) place!: string | null;
  @ApiProperty(S) location!: string | null;
  @ApiProperty() interpreter!: boolean;
  @ApiProperty(S) interpreterLanguage!: string | null;
}

export class ExportFollowUpResponse {
  @ApiProperty(ID) id!: string;
  @ApiProperty(ID) trajectoryId!: string;
  @ApiProperty(DAY) at!: string;
  @ApiProperty() situation!: string;
  @ApiProperty(FLAG) improvedSituation!: boolean | null;
  @ApiProperty(S) note!: string | null;
  @ApiProperty(S) recordedByOrganisation!: string | null;
  @ApiProperty(NAT) recordedAt!: string | null;
}

export class ExportPlacementResponse {
  @ApiProperty(ID) id!: string;
  @ApiProperty(ID) trajectoryId!: string;
  @ApiProperty() kind!: string;
  @ApiProperty(S) employer!: string | null;
  @ApiProperty(DAY) startDate!: string;
  @ApiProperty(NDAY) endDate!: string | null;
  @ApiProperty({ type: 'number', nullable: true, minimum: 0 }) hoursPerWeek!: number | null;
  @ApiProperty(S) contractType!: string | null;
  @ApiProperty() exit!: boolean;
  @ApiProperty(NAT) recordedAt!: string | null;
}

export class ExportInstrumentResponse {
  @ApiProperty() key!: string;
  @ApiProperty(INT) version!: number;
}

export class ExportAssessmentResponse {
  @ApiProperty(ID) id!: string;
  @ApiProperty(ID) trajectoryId!: string;
  @ApiProperty({ type: ExportInstrumentResponse }) instrument!: ExportInstrumentResponse;
  @ApiProperty() kind!: string;
  @ApiProperty({ enum: ['participant', 'coach', 'agreed'] }) perspective!: string;
  @ApiProperty(AT) takenAt!: string;
  @ApiProperty(SCORES) scores!: Record<string, number>;
  @ApiProperty({ ...SCORES, nullable: true }) participantScores!: Record<string, number> | null;
  @ApiProperty(FLAG) participantPresent!: boolean | null;
  @ApiProperty(S) note!: string | null;
  @ApiProperty(S) assessedByOrganisation!: string | null;
  @ApiProperty(NAT) recordedAt!: string | null;
}

export class ExportFeedbackResponse {
  @ApiProperty(ID) id!: string;
  @ApiProperty(ID) trajectoryId!: string;
  @ApiProperty(NAT) givenAt!: string | null;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: 5 }) satisfaction!: number;
  @ApiProperty(S) comment!: string | null;
  @ApiProperty() atClosing!: boolean;
  @ApiProperty(S) recordedByOrganisation!: string | null;
  @ApiProperty(NAT) recordedAt!: string | null;
}

export class ExportReferralTransitionResponse {
  @ApiProperty(S) from!: string | null;
  @ApiProperty() to!: string;
  @ApiProperty(NAT) at!: string | null;
  @ApiProperty(S) organisation!: string | null;
  @ApiProperty(S) reason!: string | null;
  @ApiProperty(S) note!: string | null;
}

export class ExportReferralResponse {
  @ApiProperty(ID) id!: string;
  @ApiProperty() direction!: string;
  @ApiProperty() target!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() state!: string;
  @ApiProperty(S) senderOrganisation!: string | null;
  @ApiProperty(S) targetOrganisation!: string | null;
  @ApiProperty(S) note!: string | null;
  @ApiProperty(NAT) submittedAt!: string | null;
  @ApiProperty(NAT) dueAt!: string | null;
  @ApiProperty(NAT) closedAt!: string | null;
  @ApiProperty({ type: [ExportReferralTransitionResponse] }) transitions!: ExportReferralTransitionResponse[];
}

export class ExportConsentResponse {
  @ApiProperty(ID) id!: string;
  @ApiProperty() scope!: string;
  @ApiProperty() basis!: string;
  @ApiProperty(S) reference!: string | null;
  @ApiProperty(NAT) givenAt!: string | null;
  @ApiProperty(S) evidence!: string | null;
  @ApiProperty(NAT) withdrawnAt!: string | null;
}

export class ExportValueQuestionResponse {
  @ApiProperty(ID) id!: string;
  @ApiProperty(ID) trajectoryId!: string;
  @ApiProperty(NAT) caseMeetingAt!: string | null;
  @ApiProperty(S) valueQuestion!: string | null;
  @ApiProperty(S) waste!: string | null;
  @ApiProperty(S) recordedByOrganisation!: string | null;
  @ApiProperty(NAT) updatedAt!: string | null;
}

export class ExportGrantResponse {
  @ApiProperty(S) organisation!: string | null;
  @ApiProperty() scope!: string;
  @ApiProperty() reason!: string;
  @ApiProperty(NAT) validFrom!: string | null;
  @ApiProperty(NAT) validUntil!: string | null;
  @ApiProperty(NAT) endedAt!: string | null;
}

/** Everything held about one participant (GDPR art. 15 and 20). Staff appear by organisation, never by name. */
export class SubjectExportResponse {
  @ApiProperty(AT) exportedAt!: string;
  @ApiProperty(ID) participantId!: string;
  @ApiProperty({ type: ExportIdentityResponse }) identity!: ExportIdentityResponse;
  @ApiProperty({ type: ExportProfileResponse }) profile!: ExportProfileResponse;
  @ApiProperty(NAT) pseudonymisedAt!: string | null;
  @ApiProperty({ type: [ExportTrajectoryResponse] }) trajectories!: ExportTrajectoryResponse[];
  @ApiProperty({ type: [ExportGoalResponse] }) goals!: ExportGoalResponse[];
  @ApiProperty({ type: [ExportLifeDomainResponse] }) lifeDomains!: ExportLifeDomainResponse[];
  @ApiProperty({ type: [ExportContactResponse] }) contacts!: ExportContactResponse[];
  @ApiProperty({ type: [ExportFollowUpResponse] }) followUps!: ExportFollowUpResponse[];
  @ApiProperty({ type: [ExportPlacementResponse] }) placements!: ExportPlacementResponse[];
  @ApiProperty({ type: [ExportAssessmentResponse] }) assessments!: ExportAssessmentResponse[];
  @ApiProperty({ type: [ExportFeedbackResponse] }) feedback!: ExportFeedbackResponse[];
  @ApiProperty({ type: [ExportReferralResponse] }) referrals!: ExportReferralResponse[];
  @ApiProperty({ type: [ExportConsentResponse] }) consents!: ExportConsentResponse[];
  @ApiProperty({ type: [ExportValueQuestionResponse] }) valueQuestions!: ExportValueQuestionResponse[];
  @ApiProperty({ type: [ExportGrantResponse] }) accessGrants!: ExportGrantResponse[];
  @ApiProperty({ type: [AccessLogEntryResponse] }) accessLog!: AccessLogEntryResponse[];
}

import type { InszProtector } from '../../participants/insz-protector';
import type { Rng } from './synthetic';

export const DAY = 86400000;

/** Rows written per table. */
export type TableCounts = Record<string, number>;

/** One seeded participant and the dates of their (single) trajectory, for the generators that follow. */
export interface SeededParticipant {
  id: string;
  trajectoryId: string | null;
  caseManagerId: string;
  organisationId: string;
  teamId: string | null;
  channel: string;
  /** The trajectory's start (aanmelding), null without a trajectory. */
  startedAt: Date | null;
  intakeAt: Date | null;
  guidanceAt: Date | null;
  aftercareAt: Date | null;
  closedAt: Date | null;
  status: string | null;
  outcome: string | null;
}

export interface SeededStaff {
  id: string;
  organisationId: string;
  roles: string[];
  teamId: string | null;
}

export interface SeededOrganisation {
  id: string;
  name: string;
  kind: string;
  slug: string;
}

/** Everything one partnership's generators share; they draw from `rng` in a fixed order, so the seed fixes the data. */
export interface PartnershipContext {
  rng: Rng;
  partnershipId: string;
  until: Date;
  /** Where the history starts; six years before `until` when absent (the scale seed). */
  since?: Date;
  participants: SeededParticipant[];
  staff: SeededStaff[];
  organisations: SeededOrganisation[];
  teams: { id: string; name: string }[];
  /** INSZ numbers handed out in this run, so a person not yet a participant gets an unused one. */
  insz: { protector: InszProtector; used: Set<string> };
}

/** Open at `at`: started by then and not yet closed. */
export const openAt = (p: SeededParticipant, at: Date) =>
  !!p.startedAt && p.startedAt <= at && (!p.closedAt || p.closedAt > at);

/** A consent row in CONSENT_COLUMNS order: given on paper and recorded by the coach. */
export const consentRow = (
  partnershipId: string,
  participantId: string,
  scope: string,
  givenAt: Date,
  recordedBy: string,
): unknown[] => [partnershipId, participantId, scope, 'consent', givenAt, 'Getekend formulier', recordedBy];

/** A grant row in GRANT_COLUMNS order, to an organisation or to one staff member. */
export const grantRow = (
  partnershipId: string,
  participantId: string,
  to: { organisationId: string } | { staffId: string },
  scope: string,
  reason: string,
  sourceId: string,
  validFrom: Date,
  validUntil: Date | null,
): unknown[] => [
  partnershipId,
  participantId,
  'organisationId' in to ? to.organisationId : null,
  'staffId' in to ? to.staffId : null,
  scope,
  reason,
  sourceId,
  validFrom,
  validUntil,
];

/** How participants come in, as weights for `weighted` (DOMAIN.md's referral channels). */
export const REFERRAL_CHANNEL_WEIGHTS = {
  vdab: 25,
  ocmw: 25,
  outreach: 20,
  self: 10,
  participant: 5,
  partner: 12,
  other: 3,
};

/**
 * A contact row in CONTACT_COLUMNS order, written by the staff member who had it and not drawn from another
 * record. The fields are read in the order given, so a caller's draws from its rng keep their order.
 */
export const contactRow = (c: {
  partnershipId: string;
  trajectoryId: string;
  participantId: string;
  at: Date;
  kind: string;
  minutes: number;
  staffId: string;
  organisationId: string;
  summary: string;
  confidential: boolean;
}): unknown[] => [
  c.partnershipId,
  c.trajectoryId,
  c.participantId,
  c.at,
  c.kind,
  c.minutes,
  c.staffId,
  c.staffId,
  c.organisationId,
  c.summary,
  c.confidential,
  null,
  null,
];

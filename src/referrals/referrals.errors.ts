import { badRequest, conflict, DomainError, notFound } from '../common/errors/domain-error';
import { ConsentScope } from '../privacy/consent-checks';
import { ReferralState } from './referral-state';

export const referralNotFound = () => notFound('Referral');

export const invalidReferralTransition = (
  from: ReferralState,
  to: ReferralState,
  allowed: readonly ReferralState[],
) =>
  conflict('REFERRAL_INVALID_TRANSITION', `A referral in ${from} cannot move to ${to}.`, {
    currentState: from,
    allowedNextStates: allowed,
  });

export const referralWrongSide = () =>
  new DomainError(
    403,
    'REFERRAL_WRONG_SIDE',
    'Only the receiving organisation handles a referral, and only the sending organisation cancels it.',
  );

export const rejectionReasonRequired = () =>
  badRequest('REFERRAL_REASON_REQUIRED', 'Rejecting a referral requires a reason.', [
    { field: 'reason', message: 'required to reject' },
  ]);

/** The exchange this referral needs has no live legal basis for this participant. */
export const consentRequired = (scope: ConsentScope) =>
  conflict(
    'CONSENT_REQUIRED',
    `This needs a recorded ${scope} consent (or another legal basis) for the participant.`,
    { consentScope: scope },
  );

export const directionTargetMismatch = () =>
  badRequest(
    'REFERRAL_TARGET_INVALID',
    'An inbound referral goes to the partnership; an outbound one goes to vdab or ocmw.',
    [{ field: 'target', message: 'does not fit the direction' }],
  );

export const inboundSenderNotAllowed = () =>
  new DomainError(403, 'REFERRAL_SENDER_NOT_ALLOWED', 'Only VDAB or OCMW send inbound referrals.');

export const targetOrganisationInvalid = (message: string) =>
  badRequest('REFERRAL_TARGET_ORGANISATION_INVALID', message, [{ field: 'targetOrganisationId', message }]);

export const subjectRequired = (message: string) =>
  badRequest('REFERRAL_SUBJECT_INVALID', message, [{ field: 'participantId', message }]);

export const spocInvalid = () =>
  badRequest(
    'REFERRAL_SPOC_INVALID',
    'The assigned SPOC must be an active spoc_vdab or spoc_ocmw of the VDAB or OCMW organisation on this referral.',
    [{ field: 'assignedSpocId', message: 'not a SPOC of that organisation' }],
  );

export const dueInPast = () =>
  badRequest('DATE_IN_PAST', 'dueAt cannot be in the past.', [{ field: 'dueAt', message: 'in the past' }]);

export const checkInFuture = () =>
  badRequest('DATE_IN_FUTURE', 'checkedAt cannot be in the future.', [
    { field: 'checkedAt', message: 'in the future' },
  ]);

export const referralClosed = () =>
  conflict('REFERRAL_CLOSED', 'The referral is closed; only an open referral can be reassigned.');

export const notTheHandlingSpoc = () =>
  new DomainError(
    403,
    'REFERRAL_NOT_SPOC',
    'Only a SPOC of the VDAB or OCMW organisation that handles the referral may reassign it.',
  );

export const effectiveBeforeTrajectory = () =>
  badRequest('EFFECTIVE_BEFORE_START', 'effectiveAt is before the trajectory of the participant started.', [
    { field: 'effectiveAt', message: 'before the trajectory started' },
  ]);

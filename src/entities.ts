import { AccessGrantEntity } from './access/access-grant.entity';
import { AssessmentEntity } from './assessments/assessment.entity';
import { ContactEntity, ContactRevisionEntity } from './contacts/contact.entity';
import { FeedbackEntity } from './feedback/feedback.entity';
import { GoalEntity } from './goals/goal.entity';
import { LifeDomainEntity } from './life-domains/life-domain.entity';
import {
  CaseMeetingActionEntity,
  CaseMeetingAttendeeEntity,
  CaseMeetingEntity,
  CaseMeetingItemEntity,
} from './case-meetings/case-meeting.entity';
import { ParticipantEntity } from './participants/participant.entity';
import { FollowUpEntity } from './reports/follow-ups/follow-up.entity';
import {
  CaseManagerAssignmentEntity,
  CoCoachEntity,
  TrajectoryEntity,
  TrajectoryTransitionEntity,
} from './trajectories/trajectory.entity';
import { PersonaEntity, SignalEntity, ValueQuestionEntity } from './learning/learning.entity';
import { InstrumentEntity } from './empowerment/instrument.entity';
import { GroupSessionAttendanceEntity, GroupSessionEntity } from './group-sessions/group-session.entity';
import { OrganisationEntity } from './organisations/organisation.entity';
import { PartnershipEntity } from './partnerships/partnership.entity';
import { ReferralEntity, ReferralTransitionEntity } from './referrals/referral.entity';
import { ConsentEntity } from './privacy/consent.entity';
import { StaffEntity } from './staff/staff.entity';
import { TeamEntity } from './teams/team.entity';
import { EmployerEntity } from './employers/employer.entity';
import { PlacementEntity } from './placements/placement.entity';

/** Every TypeORM entity, listed explicitly so the runtime and the migration CLI agree. */
export const ENTITIES = [
  PartnershipEntity,
  OrganisationEntity,
  TeamEntity,
  StaffEntity,
  AccessGrantEntity,
  ParticipantEntity,
  TrajectoryEntity,
  TrajectoryTransitionEntity,
  CaseManagerAssignmentEntity,
  CoCoachEntity,
  InstrumentEntity,
  AssessmentEntity,
  FeedbackEntity,
  LifeDomainEntity,
  GoalEntity,
  ContactEntity,
  ContactRevisionEntity,
  ReferralEntity,
  ReferralTransitionEntity,
  CaseMeetingEntity,
  CaseMeetingAttendeeEntity,
  CaseMeetingItemEntity,
  CaseMeetingActionEntity,
  GroupSessionEntity,
  GroupSessionAttendanceEntity,
  ConsentEntity,
  FollowUpEntity,
  EmployerEntity,
  PlacementEntity,
  PersonaEntity,
  SignalEntity,
  ValueQuestionEntity,
];

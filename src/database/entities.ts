import { AccessGrantEntity } from '../access/access-grant.entity';
import { ParticipantEntity } from '../participants/participant.entity';
import { FollowUpEntity } from '../reports/follow-ups/follow-up.entity';
import {
  CaseManagerAssignmentEntity,
  CoCoachEntity,
  TrajectoryEntity,
  TrajectoryTransitionEntity,
} from '../trajectories/trajectory.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { PartnershipEntity } from '../partnerships/partnership.entity';
import { StaffEntity } from '../staff/staff.entity';
import { TeamEntity } from '../teams/team.entity';

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
  FollowUpEntity,
];

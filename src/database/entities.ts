import { InstrumentEntity } from '../empowerment/instrument.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { PartnershipEntity } from '../partnerships/partnership.entity';
import { StaffEntity } from '../staff/staff.entity';
import { TeamEntity } from '../teams/team.entity';

/** Every TypeORM entity, listed explicitly so the runtime and the migration CLI agree. */
export const ENTITIES = [PartnershipEntity, OrganisationEntity, TeamEntity, StaffEntity, InstrumentEntity];

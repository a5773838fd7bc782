import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Role } from '../access/role';
import { hashPassword } from '../auth/password';
import { OrganisationKind } from '../organisations/organisation.constants';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { PartnershipEntity } from '../partnerships/partnership.entity';
import { StaffEntity } from '../staff/staff.entity';
import { TeamEntity } from '../teams/team.entity';
import { DatabaseContext } from '../database/database-context.service';

export interface OrganisationSeed {
  name: string;
  kboNumber: string | null;
  kind: OrganisationKind;
  professionalSecrecy?: boolean;
}

/**
 * Writes a partnership and its members through the app role with the new tenant's context set:
 * seeds pass the same RLS policies as requests do.
 */
export class TenantBuilder {
  private constructor(
    readonly partnershipId: string,
    private readonly m: EntityManager,
  ) {}

  static async create<T>(
    db: DatabaseContext,
    name: string,
    build: (b: TenantBuilder) => Promise<T>,
  ): Promise<T> {
    const id = randomUUID();
    return db.runInTenant(id, async (m) => {
      await m.getRepository(PartnershipEntity).insert({ id, name });
      return build(new TenantBuilder(id, m));
    });
  }

  /** The seed's transaction (app role, this tenant), for seeds that write more than the builder offers. */
  get manager(): EntityManager {
    return this.m;
  }

  async organisation(seed: OrganisationSeed): Promise<OrganisationEntity> {
    const repo = this.m.getRepository(OrganisationEntity);
    return repo.save(
      repo.create({
        ...seed,
        professionalSecrecy: seed.professionalSecrecy ?? false,
        partnershipId: this.partnershipId,
        active: true,
        version: 1,
      }),
    );
  }

  async team(name: string, location: string, wijken: string[]): Promise<TeamEntity> {
    const repo = this.m.getRepository(TeamEntity);
    return repo.save(
      repo.create({ name, location, wijken, partnershipId: this.partnershipId, active: true, version: 1 }),
    );
  }

  async staff(s: {
    email: string;
    name: string;
    organisationId: string;
    teamId?: string | null;
    roles: Role[];
    fte?: number;
    password?: string;
    passwordHash?: string;
  }): Promise<StaffEntity> {
    const repo = this.m.getRepository(StaffEntity);
    return repo.save(
      repo.create({
        email: s.email.toLowerCase(),
        name: s.name,
        organisationId: s.organisationId,
        teamId: s.teamId ?? null,
        roles: s.roles,
        fte: s.fte ?? 1,
        active: true,
        passwordHash: s.passwordHash ?? (await hashPassword(s.password ?? '')),
        partnershipId: this.partnershipId,
        version: 1,
      }),
    );
  }
}

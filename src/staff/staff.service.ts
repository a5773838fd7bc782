import { Injectable } from '@nestjs/common';
import { Actor, hasRole } from '../access/actor';
import { Role } from '../access/role';
import { DatabaseContext } from '../database/database-context.service';
import { DomainError } from '../common/errors/domain-error';
import { Page, pageOf } from '../common/http/pagination';
import { OrganisationsService } from '../organisations/organisations.service';
import { AuditService } from '../privacy/audit.service';
import { TeamsService } from '../teams/teams.service';
import {
  CreatedStaffResponse,
  CreateStaffDto,
  CredentialTokenResponse,
  StaffQuery,
  StaffResponse,
  toStaffResponse,
  UpdateStaffDto,
} from './dto/staff.dto';
import { StaffCredentialsService } from './staff-credentials.service';
import { StaffEntity } from './staff.entity';
import { StaffRepository } from './staff.repository';
import {
  adminFirstOrgAdminOnly,
  organisationHasStaff,
  ownAccountRoles,
  roleNotGrantable,
  staffEmailTaken,
  staffMoveForbidden,
  staffNotManaged,
  unknownOrganisation,
  unknownTeam,
} from './staff.errors';
import { loadByIds } from '../common/persistence/load-by-ids';

/** The partnership-wide role: granted only at bootstrap and in seeds, never through the API. */
const PARTNERSHIP_ADMIN: Role = 'admin';

/**
 * Who manages whom: an org_admin manages the staff of its own organisation, and only those; the
 * partnership admin creates the first org_admin of an organisation that has no active staff, and
 * nothing else. Every change is audited.
 */
@Injectable()
export class StaffService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly staff: StaffRepository,
    private readonly credentials: StaffCredentialsService,
    private readonly organisations: OrganisationsService,
    private readonly teams: TeamsService,
    private readonly audit: AuditService,
  ) {}

  async list(query: StaffQuery): Promise<Page<StaffResponse>> {
    const [rows, total] = await this.staff.list(query);
    return pageOf(rows, total, query, toStaffResponse);
  }

  async get(id: string): Promise<StaffResponse> {
    return toStaffResponse(await this.staff.getOrFail(id));
  }

  async create(dto: CreateStaffDto): Promise<CreatedStaffResponse> {
    const actor = this.db.actor;
    await this.assertReferences(dto);
    await this.assertMayCreate(actor, dto);
    await this.assertEmailFree(dto.email);
    const saved = await this.staff.insert({
      partnershipId: actor.partnershipId,
      organisationId: dto.organisationId,
      teamId: dto.teamId ?? null,
      email: dto.email,
      name: dto.name,
      roles: dto.roles,
      fte: dto.fte ?? 1,
      active: dto.active ?? true,
      passwordHash: null,
      version: 1,
    });
    const activation = await this.credentials.issue(saved.id, 'activation');
    await this.audit.record({
      action: 'create',
      resourceType: 'staff',
      resourceId: saved.id,
      details: {
        organisationId: saved.organisationId,
        roles: saved.roles,
        activationExpiresAt: activation.expiresAt,
      },
    });
    return { ...toStaffResponse(saved), activation };
  }

  async update(id: string, version: number, dto: UpdateStaffDto): Promise<StaffResponse> {
    const actor = this.db.actor;
    const current = await this.managed(actor, id);
    if (dto.organisationId !== undefined && dto.organisationId !== current.organisationId)
      throw staffMoveForbidden();
    await this.assertReferences(dto);
    if (dto.roles) this.assertRoleChange(actor, current, dto.roles);
    if (dto.active === false && current.id === actor.staffId) throw ownAccountRoles();
    if (dto.email) await this.assertEmailFree(dto.email, id);
    const updated = await this.staff.updateVersioned(id, version, { ...dto });
    // A deactivation through PATCH ends the account's tokens like POST /staff/{id}/deactivate does.
    if (current.active && !updated.active) await this.credentials.endTokens(id);
    const rolesChanged = dto.roles !== undefined && !sameRoles(dto.roles, current.roles);
    await this.audit.record({
      action: 'update',
      resourceType: 'staff',
      resourceId: id,
      reason: rolesChanged ? 'roles changed' : current.active !== updated.active ? 'active changed' : null,
      details: {
        fields: Object.keys(dto).sort(),
        ...(rolesChanged ? { rolesBefore: current.roles, rolesAfter: updated.roles } : {}),
        ...(current.active !== updated.active ? { active: updated.active } : {}),
      },
    });
    return toStaffResponse(updated);
  }

  async deactivate(id: string): Promise<StaffResponse> {
    const actor = this.db.actor;
    const staff = await this.managed(actor, id);
    if (staff.id === actor.staffId) throw ownAccountRoles();
    const updated = await this.staff.updateVersioned(id, staff.version, { active: false });
    await this.credentials.endTokens(id);
    await this.audit.record({
      action: 'update',
      resourceType: 'staff',
      resourceId: id,
      reason: 'deactivated',
      details: { active: false },
    });
    return toStaffResponse(updated);
  }

  /** A one-hour reset token for the account's owner; the account's bearer tokens stop at once. */
  async passwordReset(id: string): Promise<CredentialTokenResponse> {
    const actor = this.db.actor;
    await this.managed(actor, id);
    const reset = await this.credentials.issue(id, 'reset');
    await this.credentials.endTokens(id);
    await this.audit.record({
      action: 'create',
      resourceType: 'staff_password_reset',
      resourceId: id,
      reason: 'password reset issued',
      details: { expiresAt: reset.expiresAt },
    });
    return reset;
  }

  /**
   * The staff member, if the caller is an org_admin of the same organisation; 403 otherwise. An account
   * holding the partnership admin role is managed by nobody else through the API: resetting or
   * switching it off would hand the partnership's administration to an organisation.
   */
  private async managed(actor: Actor, id: string): Promise<StaffEntity> {
    const staff = await this.staff.getOrFail(id);
    if (!hasRole(actor, 'org_admin') || staff.organisationId !== actor.organisationId)
      throw staffNotManaged();
    if (staff.roles.includes(PARTNERSHIP_ADMIN) && staff.id !== actor.staffId) throw staffNotManaged();
    return staff;
  }

  private async assertMayCreate(actor: Actor, dto: CreateStaffDto): Promise<void> {
    if (hasRole(actor, 'org_admin') && dto.organisationId === actor.organisationId) {
      if (dto.roles.includes(PARTNERSHIP_ADMIN)) throw roleNotGrantable(PARTNERSHIP_ADMIN);
      return;
    }
    if (!hasRole(actor, PARTNERSHIP_ADMIN)) throw staffNotManaged();
    if (dto.roles.length !== 1 || dto.roles[0] !== 'org_admin') throw adminFirstOrgAdminOnly();
    if (await this.staff.hasActiveStaff(dto.organisationId)) throw organisationHasStaff();
  }

  /** An org_admin may grant every role of its organisation except the partnership admin, and not to itself. */
  private assertRoleChange(actor: Actor, current: StaffEntity, roles: Role[]): void {
    if (sameRoles(roles, current.roles)) return;
    if (current.id === actor.staffId) throw ownAccountRoles();
    if (roles.includes(PARTNERSHIP_ADMIN) !== current.roles.includes(PARTNERSHIP_ADMIN))
      throw roleNotGrantable(PARTNERSHIP_ADMIN);
  }

  /** Through the owning modules' reads: a row the caller cannot see (RLS) is as unknown as a missing one. */
  private async assertReferences(dto: { organisationId?: string; teamId?: string | null }): Promise<void> {
    if (dto.organisationId)
      await this.organisations.get(dto.organisationId).catch(orUnknown(unknownOrganisation));
    if (dto.teamId) await this.teams.get(dto.teamId).catch(orUnknown(unknownTeam));
  }

  /** Emails are unique across every partnership, because login happens before a tenant is known. */
  private async assertEmailFree(email: string, exceptId?: string): Promise<void> {
    const ids = await this.staff.idsWithEmail(email);
    if (ids.some((id) => id !== exceptId)) throw staffEmailTaken();
  }

  // For contacts, group sessions and case meetings: staff members by id (only the active ones if asked), one query.
  findByIds(ids: string[], filter: { active?: true } = {}): Promise<StaffEntity[]> {
    return loadByIds(ids, (unique) => this.staff.findByIds(unique, filter.active === true));
  }

  // For trajectories and referrals: a staff member of the caller's partnership (active or not), or null.
  find(id: string): Promise<StaffEntity | null> {
    return this.staff.find(id);
  }
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) =>
  a.length === b.length && a.every((r) => b.includes(r));

/** A 404 from the owning module's read becomes this module's own error; anything else passes. */
const orUnknown =
  (error: () => DomainError) =>
  (err: unknown): never => {
    throw err instanceof DomainError && err.status === 404 ? error() : err;
  };

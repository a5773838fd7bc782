import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { participantNotFound } from '../access/access.errors';
import { Scope } from '../access/scope';
import { offsetOf, Page } from '../common/http/pagination';
import { staleVersion } from '../common/http/if-match.decorator';
import { localDate } from '../common/validation/dates';
import { InszInfo, inszMatchesBirthDate, parseInsz } from '../common/validation/insz';
import { nameKey, normaliseName, searchName } from '../common/validation/names';
import { PgErrorCode, pgErrorCode } from '../common/persistence/pg-error-codes';
import { DatabaseContext } from '../database/database-context.service';
import { AuditService } from '../privacy/audit.service';
import { ConsentChecks } from '../privacy/consent-checks';
import { TeamsService } from '../teams/teams.service';
import {
  CreateParticipantDto,
  EntryProfileDto,
  ParticipantQuery,
  UpdateParticipantDto,
} from './dto/participant-input.dto';
import { ParticipantResponse, toParticipantResponse } from './dto/participant.response';
import { InszProtector } from './insz-protector';
import { ParticipantEntity } from './participant.entity';
import {
  CurrentTrajectory,
  DuplicateRow,
  ParticipantsRepository,
  VdabCheck,
} from './participants.repository';
import { futureDate } from '../common/validation/past-or-now';
import {
  correctionReasonRequired,
  inszBirthDateMismatch,
  inszInvalid,
  participantDuplicate,
  participantPossibleDuplicate,
  specialCategoryBasisRequired,
  unknownWijk,
} from './participants.errors';
import { loadByIds } from '../common/persistence/load-by-ids';

const PROFILE_FIELDS: (keyof EntryProfileDto)[] = [
  'entryDate',
  'labourStatus',
  'longTermUnemployed',
  'educationLevel',
  'singleAdultHouseholdWithChildren',
  'thirdCountryNational',
  'foreignBackground',
  'homelessOrHousingExclusion',
  'ruralArea',
  'disability',
  'minority',
];

/**
 * Art. 9 answers that reveal something about the person. 'declined' says nothing about health or
 * origin, so it needs no basis (a participant may always decline); 'yes' and 'no' do.
 */
const SPECIAL_FIELDS = ['disability', 'minority'] as const;
const revealing = (dto: EntryProfileDto) =>
  SPECIAL_FIELDS.filter((f) => dto[f] !== undefined && dto[f] !== 'declined');

interface IdentityInput {
  firstName: string;
  lastName: string;
  phone?: string | null;
  email?: string | null;
  contactLanguage?: string | null;
  nationality?: string | null;
  address?: {
    street?: string | null;
    postalCode?: string | null;
    city?: string | null;
    wijk?: string | null;
  };
}

/** A participant as other modules read it (through this service, never the table). */
export type Participant = ParticipantEntity;

@Injectable()
export class ParticipantsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly participants: ParticipantsRepository,
    private readonly teams: TeamsService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly consents: ConsentChecks,
    private readonly insz: InszProtector,
  ) {}

  async create(dto: CreateParticipantDto): Promise<ParticipantResponse> {
    const actor = this.db.actor;
    const today = localDate(this.db.now);
    const insz = this.checkIdentity(dto.birthDate, dto.insz, today);
    if (dto.entryDate && dto.entryDate > today) throw futureDate('entryDate');
    // A new record has no consent yet: record the answer after the special_categories basis.
    const special = revealing(dto);
    if (special.length) throw specialCategoryBasisRequired(special);
    if (dto.address?.wijk) await this.assertKnownWijk(dto.address.wijk);
    const inszHash = insz ? this.insz.hash(insz.normalised) : null;
    await this.assertNoDuplicate(
      inszHash,
      nameKey(dto.firstName, dto.lastName),
      dto.birthDate,
      null,
      dto.confirmedNotDuplicate ?? false,
    );

    const values: Partial<ParticipantEntity> = {
      id: await this.participants.newId(),
      partnershipId: actor.partnershipId,
      ownerOrganisationId: actor.organisationId,
      ...this.identityColumns(dto),
      birthDate: dto.birthDate,
      gender: dto.gender,
      inszHash,
      inszEncrypted: insz ? this.insz.encrypt(insz.normalised) : null,
      ...this.profileColumns(dto),
      entryDate: dto.entryDate ?? today,
      referralChannel: dto.referralChannel,
      referrer: dto.referrer ?? null,
      createdBy: actor.staffId,
      version: 1,
    };
    // The owner grant comes first: the row is only visible (and RETURNING-readable) through it.
    await this.access.grant({
      participantId: values.id!,
      organisationId: actor.organisationId,
      scope: 'full',
      reason: 'owner',
      sourceId: values.id,
    });
    let saved: ParticipantEntity;
    try {
      saved = await this.participants.create(values);
    } catch (err) {
      if (pgErrorCode(err) === PgErrorCode.uniqueViolation)
        throw participantDuplicate({ organisation: null });
      throw err;
    }
    await this.audit.record({
      action: 'create',
      resourceType: 'participant',
      resourceId: saved.id,
      participantId: saved.id,
      scope: 'full',
    });
    return this.view(saved, 'full');
  }

  async get(id: string): Promise<ParticipantResponse> {
    const scope = await this.access.requireScope(id, 'summary');
    const p = await this.participants.find(id);
    if (!p) throw participantNotFound();
    await this.audit.record({
      action: 'read',
      resourceType: 'participant',
      resourceId: id,
      participantId: id,
      scope,
    });
    return this.view(p, scope);
  }

  async list(query: ParticipantQuery): Promise<Page<ParticipantResponse>> {
    // RLS already limits rows to participants the caller holds a grant on; filters narrow further.
    const [rows, total] = await this.participants.search({
      searchLike: query.q ? `%${normaliseName(query.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined,
      status: query.status,
      caseManagerId: query.caseManagerId,
      teamId: query.teamId,
      wijk: query.wijk,
      offset: offsetOf(query),
      limit: query.limit,
    });
    const scopes = await this.access.scopesFor(rows.map((r) => r.id));
    const visible = rows.filter((r) => scopes.has(r.id));
    await this.audit.record(
      ...visible.map((r) => ({
        action: 'list' as const,
        resourceType: 'participant',
        resourceId: r.id,
        participantId: r.id,
        scope: scopes.get(r.id)!,
      })),
    );
    const full = visible.filter((r) => scopes.get(r.id) === 'full').map((r) => r.id);
    const special = await this.consents.withConsent(full, 'special_categories');
    const items = visible.map((r) =>
      toParticipantResponse(r, { scope: scopes.get(r.id)!, specialCategories: special.has(r.id) }),
    );
    return { items, total, page: query.page, limit: query.limit };
  }

  async update(id: string, version: number, dto: UpdateParticipantDto): Promise<ParticipantResponse> {
    await this.access.requireScope(id, 'full');
    const current = await this.participants.find(id);
    if (!current) throw participantNotFound();
    if (current.version !== version) throw staleVersion();
    const today = localDate(this.db.now);
    const birthDate = dto.birthDate ?? current.birthDate;
    const insz = dto.insz !== undefined ? this.checkIdentity(birthDate, dto.insz, today) : undefined;
    if (dto.insz === undefined && dto.birthDate) {
      const stored = this.insz.decrypt(current.inszEncrypted);
      if (stored) this.checkIdentity(birthDate, stored, today);
    }
    if (dto.entryDate && dto.entryDate > today) throw futureDate('entryDate');
    const special = revealing(dto).filter((f) => dto[f] !== current[f]);
    if (special.length && !(await this.consents.has(id, 'special_categories')))
      throw specialCategoryBasisRequired(special);
    if (dto.address?.wijk) await this.assertKnownWijk(dto.address.wijk);

    const patch: Partial<ParticipantEntity> = {
      ...this.identityColumns({
        ...current,
        ...dto,
        address: { ...this.addressOf(current), ...dto.address },
      }),
    };
    if (dto.birthDate) patch.birthDate = dto.birthDate;
    if (dto.gender) patch.gender = dto.gender;
    if (dto.referralChannel) patch.referralChannel = dto.referralChannel;
    if (dto.referrer !== undefined) patch.referrer = dto.referrer;
    if (insz) {
      patch.inszHash = this.insz.hash(insz.normalised);
      patch.inszEncrypted = this.insz.encrypt(insz.normalised);
    }
    const profileChanged = PROFILE_FIELDS.filter((f) => dto[f] !== undefined && dto[f] !== current[f]);
    if (profileChanged.length && !dto.correctionReason) throw correctionReasonRequired();
    Object.assign(patch, this.profileColumns(dto, current));
    if (patch.nameKey !== current.nameKey || patch.birthDate !== undefined || patch.inszHash) {
      await this.assertNoDuplicate(
        patch.inszHash ?? null,
        patch.nameKey ?? current.nameKey,
        patch.birthDate ?? current.birthDate,
        id,
        true,
      );
    }

    const changes = this.diff(current, patch);
    const updated = await this.participants.updateVersioned(id, version, patch);
    // Rectification keeps the old values in the audit log (GDPR art. 16), never in the row.
    await this.audit.record({
      action: 'update',
      resourceType: 'participant',
      resourceId: id,
      participantId: id,
      scope: 'full',
      reason: profileChanged.length ? dto.correctionReason : null,
      details: { changes, profileCorrection: profileChanged.length > 0 },
    });
    return this.view(updated, 'full');
  }

  /** Maps a row for a caller at a scope; full scope decrypts the INSZ and checks the art. 9 basis. */
  async view(p: ParticipantEntity, scope: Scope): Promise<ParticipantResponse> {
    if (scope !== 'full') return toParticipantResponse(p, { scope, specialCategories: false });
    const specialCategories = await this.consents.has(p.id, 'special_categories');
    return toParticipantResponse(p, { scope, specialCategories, insz: this.insz.decrypt(p.inszEncrypted) });
  }

  /** For other modules: a participant the caller's RLS shows, or null. No service-wall check: the caller does it. */
  find(id: string): Promise<Participant | null> {
    return this.participants.find(id);
  }

  /** For other modules: the participants among `ids` that RLS shows, in no particular order. */
  async findByIds(ids: readonly string[]): Promise<Participant[]> {
    return loadByIds(ids, (unique) => this.participants.findByIds(unique));
  }

  /** For other modules: names (summary-level) of the participants among `ids` that RLS shows. */
  async namesOf(ids: readonly string[]): Promise<Map<string, { firstName: string; lastName: string }>> {
    const rows = await loadByIds(ids, (unique) => this.participants.namesOf(unique));
    return new Map(rows.map((p) => [p.id, { firstName: p.firstName, lastName: p.lastName }]));
  }

  /** For other modules: whether RLS shows the participant to the caller at all. */
  isVisible(id: string): Promise<boolean> {
    return this.participants.exists(id);
  }

  /**
   * For referrals: the owning organisation, or null when the participant is not visible. Only an id comes
   * back, so a caller may ask it as the partnership-wide reader (DatabaseContext.asTenantReader).
   */
  ownerOrganisationOf(id: string): Promise<string | null> {
    return this.participants.ownerOf(id);
  }

  /** For trajectories: the participant row carries its current trajectory's status, case manager and team. */
  syncCurrentTrajectory(participantId: string, current: CurrentTrajectory): Promise<void> {
    return this.participants.setCurrentTrajectory(participantId, current);
  }

  /** For trajectories: ownership follows the case manager (grants and audit are the caller's). */
  setOwnerOrganisation(participantId: string, organisationId: string): Promise<void> {
    return this.participants.setOwner(participantId, organisationId);
  }

  /** For the VDAB check: records its result; 404 when the participant is not visible. */
  async recordVdabCheck(participantId: string, check: VdabCheck): Promise<void> {
    if (!(await this.participants.setVdabCheck(participantId, check))) throw participantNotFound();
  }

  private checkIdentity(
    birthDate: string,
    rawInsz: string | undefined | null,
    today: string,
  ): InszInfo | null {
    if (birthDate > today) throw futureDate('birthDate');
    if (!rawInsz) return null;
    const info = parseInsz(rawInsz);
    if (!info) throw inszInvalid();
    if (!inszMatchesBirthDate(info, birthDate)) throw inszBirthDateMismatch();
    return info;
  }

  private async assertNoDuplicate(
    inszHash: string | null,
    key: string,
    birthDate: string,
    exceptId: string | null,
    nameConfirmed: boolean,
  ) {
    const rows = await this.participants.findDuplicates(inszHash, key, birthDate, exceptId);
    if (rows.length === 0) return;
    const scopes = await this.access.scopesFor(rows.map((r) => r.id));
    const describe = (r: DuplicateRow) => ({
      id: scopes.has(r.id) ? r.id : undefined,
      organisation: r.organisation_name,
    });
    const byInsz = rows.find((r) => r.match === 'insz');
    if (byInsz) throw participantDuplicate(describe(byInsz));
    if (!nameConfirmed) throw participantPossibleDuplicate(rows.map(describe));
  }

  private async assertKnownWijk(wijk: string): Promise<void> {
    if (!(await this.teams.isKnownWijk(wijk))) throw unknownWijk(wijk);
  }

  private addressOf(p: ParticipantEntity) {
    return { street: p.street, postalCode: p.postalCode, city: p.city, wijk: p.wijk };
  }

  private identityColumns(dto: IdentityInput) {
    return {
      firstName: dto.firstName,
      lastName: dto.lastName,
      searchName: searchName(dto.firstName, dto.lastName),
      nameKey: nameKey(dto.firstName, dto.lastName),
      phone: dto.phone ?? null,
      email: dto.email?.toLowerCase() ?? null,
      street: dto.address?.street ?? null,
      postalCode: dto.address?.postalCode ?? null,
      city: dto.address?.city ?? null,
      wijk: dto.address?.wijk ?? null,
      contactLanguage: dto.contactLanguage ?? null,
      nationality: dto.nationality ?? null,
    };
  }

  private profileColumns(dto: EntryProfileDto, current?: ParticipantEntity): Partial<ParticipantEntity> {
    const out: Partial<ParticipantEntity> = {};
    for (const f of PROFILE_FIELDS) {
      const value = dto[f];
      if (value !== undefined) (out as Record<string, unknown>)[f] = value;
      else if (!current && f !== 'entryDate') (out as Record<string, unknown>)[f] = null;
    }
    return out;
  }

  private diff(
    current: ParticipantEntity,
    patch: Partial<ParticipantEntity>,
  ): Record<string, { from: unknown; to: unknown }> {
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [k, to] of Object.entries(patch)) {
      if (k === 'searchName' || k === 'nameKey' || k === 'inszEncrypted') continue;
      const from = (current as unknown as Record<string, unknown>)[k];
      if (from !== to)
        changes[k] = k === 'inszHash' ? { from: from ? 'set' : null, to: 'changed' } : { from, to };
    }
    return changes;
  }

  /** For contacts: whether the participant exists in the tenant, whoever holds the case (the DPO's confidential index). */
  existsInTenant(id: string): Promise<boolean> {
    return this.participants.existsInTenant(id);
  }

  /** For group sessions and case meetings: names and phone of the participants among `ids` that RLS shows. */
  namesByIds(ids: string[]): Promise<Pick<Participant, 'id' | 'firstName' | 'lastName' | 'phone'>[]> {
    return loadByIds(ids, (unique) => this.participants.namesAndPhonesOf(unique));
  }

  /** For group sessions: the participant's current trajectory and its status, if the caller may see them. */
  currentTrajectoryOf(
    id: string,
  ): Promise<Pick<Participant, 'id' | 'currentTrajectoryId' | 'currentStatus'> | null> {
    return this.participants.currentTrajectoryOf(id);
  }

  /**
   * For learning: whether a participant the caller can see (RLS) is named in a normalised text (see
   * signal-text.ts), first and last name in either order, as participants.name_key holds them.
   */
  isNamedIn(search: string): Promise<boolean> {
    return this.participants.isNamedIn(search);
  }
}

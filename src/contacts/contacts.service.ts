import { Injectable } from '@nestjs/common';
import { participantNotFound } from '../access/access.errors';
import { offsetOf, pageOf } from '../common/http/pagination';
import { staleVersion } from '../common/http/if-match.decorator';
import { pastOrNow } from '../common/validation/past-or-now';
import { DatabaseContext } from '../database/database-context.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { ParticipantsService } from '../participants/participants.service';
import { AuditService } from '../privacy/audit.service';
import { StaffService } from '../staff/staff.service';
import { TrajectoriesService } from '../trajectories/trajectories.service';
import { PLACE_OF_KIND } from './contact-kinds';
import { ContactEntity } from './contact.entity';
import { ContactsRepository, DerivedContact, DerivedContactSource } from './contacts.repository';
import {
  contactAfterClosure,
  contactNotFound,
  interpreterLanguageRequired,
  interpreterLanguageWithoutInterpreter,
  notTheAuthor,
  periodInvalid,
  staffNotActive,
} from './contacts.errors';
import { ContactQuery, CreateContactDto, UpdateContactDto } from './dto/contact.dto';
import { toConfidentialContactResponse, toContactResponse, toIntensity } from './dto/contact.response';

/** The fields an author may change; a revision keeps them as they were. */
const EDITABLE = [
  'at',
  'kind',
  'durationMinutes',
  'staffId',
  'summary',
  'confidential',
  'place',
  'location',
  'interpreter',
  'interpreterLanguage',
] as const;

/** An interpreter language goes with an interpreter, and only then. */
function checkInterpreter(interpreter: boolean, language: string | null) {
  if (interpreter && !language) throw interpreterLanguageRequired();
  if (!interpreter && language) throw interpreterLanguageWithoutInterpreter();
}

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

@Injectable()
export class ContactsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly contacts: ContactsRepository,
    private readonly trajectories: TrajectoriesService,
    private readonly staff: StaffService,
    private readonly organisations: OrganisationsService,
    private readonly participants: ParticipantsService,
    private readonly audit: AuditService,
  ) {}

  async create(trajectoryId: string, dto: CreateContactDto) {
    const actor = this.db.actor;
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    const at = pastOrNow(dto.at, this.db.now, 'at');
    this.checkOpenAt(trajectory, at);
    const interpreter = dto.interpreter ?? false;
    checkInterpreter(interpreter, dto.interpreterLanguage ?? null);
    const staffId = dto.staffId ? await this.activeStaff(dto.staffId) : actor.staffId;
    // Professional secrecy is the organisation's default: a CAW note is confidential unless said otherwise.
    const confidential = dto.confidential ?? (await this.professionalSecrecy(actor.organisationId));
    const contact = await this.contacts.create({
      partnershipId: trajectory.partnershipId,
      trajectoryId,
      participantId: trajectory.participantId,
      at,
      kind: dto.kind,
      durationMinutes: dto.durationMinutes,
      staffId,
      authorId: actor.staffId,
      authorOrganisationId: actor.organisationId,
      summary: dto.summary || null,
      place: dto.place ?? PLACE_OF_KIND[dto.kind] ?? null,
      location: dto.location || null,
      interpreter,
      interpreterLanguage: dto.interpreterLanguage ?? null,
      confidential,
      version: 1,
    });
    await this.audit.record({
      action: 'create',
      resourceType: 'contact',
      resourceId: contact.id,
      participantId: trajectory.participantId,
      scope,
      details: { trajectoryId, kind: contact.kind, place: contact.place, confidential },
    });
    return toContactResponse(contact);
  }

  /** The visible contacts in the filter, a page of them, and the intensity over the whole filter, counted in SQL. */
  async list(trajectoryId: string, query: ContactQuery) {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    if (query.from && query.to && query.from > query.to) throw periodInvalid();
    const { intensity, rows } = await this.contacts.page(
      trajectoryId,
      { from: query.from, to: query.to, kind: query.kind },
      offsetOf(query),
      query.limit,
    );
    intensity.sort((a, b) => (a.month ?? '').localeCompare(b.month ?? ''));
    const summary = toIntensity(intensity);
    await this.audit.record({
      action: 'list',
      resourceType: 'contact',
      resourceId: trajectoryId,
      participantId: trajectory.participantId,
      scope,
      details: { from: query.from ?? null, to: query.to ?? null, kind: query.kind ?? null },
    });
    return { ...pageOf(rows, summary.totals.contacts, query, toContactResponse), intensity: summary };
  }

  async get(trajectoryId: string, contactId: string) {
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    const contact = await this.find(trajectoryId, contactId);
    await this.audit.record({
      action: 'read',
      resourceType: 'contact',
      resourceId: contactId,
      participantId: trajectory.participantId,
      scope,
    });
    return toContactResponse(contact);
  }

  /** Only the author edits; the version before the edit is kept as a revision. */
  async update(trajectoryId: string, contactId: string, version: number, dto: UpdateContactDto) {
    const actor = this.db.actor;
    const { trajectory, scope } = await this.trajectories.load(trajectoryId, 'case');
    const before = await this.find(trajectoryId, contactId);
    if (before.authorId !== actor.staffId) throw notTheAuthor();
    if (before.version !== version) throw staleVersion();
    const patch: Partial<ContactEntity> = {};
    if (dto.at !== undefined) {
      patch.at = pastOrNow(dto.at, this.db.now, 'at');
      this.checkOpenAt(trajectory, patch.at);
    }
    if (dto.kind !== undefined) patch.kind = dto.kind;
    if (dto.durationMinutes !== undefined) patch.durationMinutes = dto.durationMinutes;
    if (dto.staffId !== undefined) patch.staffId = await this.activeStaff(dto.staffId);
    if (dto.summary !== undefined) patch.summary = dto.summary || null;
    if (dto.confidential !== undefined) patch.confidential = dto.confidential;
    if (dto.place !== undefined) patch.place = dto.place;
    if (dto.location !== undefined) patch.location = dto.location || null;
    if (dto.interpreter !== undefined) patch.interpreter = dto.interpreter;
    if (dto.interpreterLanguage !== undefined) patch.interpreterLanguage = dto.interpreterLanguage;
    // No interpreter any more: the language goes with it unless the same request names one.
    if (dto.interpreter === false && dto.interpreterLanguage === undefined) patch.interpreterLanguage = null;
    checkInterpreter(
      patch.interpreter ?? before.interpreter,
      patch.interpreterLanguage !== undefined ? patch.interpreterLanguage : before.interpreterLanguage,
    );
    const fields = EDITABLE.filter((f) => patch[f] !== undefined && !same(patch[f], before[f]));
    if (fields.length === 0) return toContactResponse(before);

    const updated = await this.contacts.update(contactId, version, patch);
    await this.contacts.insertRevision({
      partnershipId: before.partnershipId,
      contactId,
      participantId: before.participantId,
      authorOrganisationId: before.authorOrganisationId,
      confidential: before.confidential,
      version: before.version,
      snapshot: {
        at: before.at.toISOString(),
        kind: before.kind,
        durationMinutes: before.durationMinutes,
        staffId: before.staffId,
        summary: before.summary,
        place: before.place,
        location: before.location,
        interpreter: before.interpreter,
        interpreterLanguage: before.interpreterLanguage,
        confidential: before.confidential,
        updatedAt: before.updatedAt.toISOString(),
      },
      editedBy: actor.staffId,
      editedAt: this.db.now,
    });
    // Field names only: the content stays in the revision, under the same secrecy as the contact.
    await this.audit.record({
      action: 'update',
      resourceType: 'contact',
      resourceId: contactId,
      participantId: trajectory.participantId,
      scope,
      details: { trajectoryId, version: updated.version, fields },
    });
    return toContactResponse(updated);
  }

  /**
   * For the DPO: which confidential notes exist on a participant, partnership-wide, without content.
   * Professional secrecy keeps the rows from the DPO, so a security-definer function answers.
   */
  async confidentialIndex(participantId: string) {
    if (!(await this.participants.existsInTenant(participantId))) throw participantNotFound();
    const rows = await this.contacts.confidentialIndex(participantId);
    await this.audit.record({
      action: 'read',
      resourceType: 'contact.confidential_index',
      resourceId: participantId,
      participantId,
      reason: 'dpo_oversight',
      details: { count: rows.length },
    });
    return { participantId, items: rows.map(toConfidentialContactResponse), total: rows.length };
  }

  private async find(trajectoryId: string, contactId: string): Promise<ContactEntity> {
    const contact = await this.contacts.findInTrajectory(trajectoryId, contactId);
    if (!contact) throw contactNotFound();
    return contact;
  }

  private async activeStaff(staffId: string): Promise<string> {
    const [staff] = await this.staff.findByIds([staffId], { active: true });
    if (!staff) throw staffNotActive();
    return staff.id;
  }

  private async professionalSecrecy(organisationId: string): Promise<boolean> {
    const [organisation] = await this.organisations.findByIds([organisationId]);
    // The actor's own organisation: missing only if the data is broken, which is a 500.
    if (!organisation) throw new Error(`organisation ${organisationId} of the actor not found`);
    return organisation.professionalSecrecy;
  }

  /** A closed trajectory still takes a late registration of a contact from before it closed. */
  private checkOpenAt(t: { closedAt: Date | null }, at: Date) {
    if (t.closedAt && at > t.closedAt) throw contactAfterClosure();
  }

  /**
   * A contact moment another feature derives (attending a group session, being discussed at a case
   * meeting), with the id the caller chose. The caller has done the access checks and the audit.
   */
  async recordDerived(contact: DerivedContact): Promise<string> {
    await this.contacts.insertDerived(contact);
    return contact.id;
  }

  /** The derived contact moment says what its source says. */
  updateDerivedSummary(contactId: string, source: DerivedContactSource, summary: string | null) {
    return this.contacts.updateDerivedSummary(contactId, source, summary);
  }

  /** Removes a derived contact moment with its revisions, when its source is taken back. */
  removeDerived(contactId: string, source: DerivedContactSource) {
    return this.contacts.deleteDerived(contactId, source);
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { updateVersioned } from '../common/persistence/versioned';
import { DatabaseContext } from '../database/database-context.service';
import { ContactKind } from './contact-kinds';
import { ContactEntity, ContactRevisionEntity } from './contact.entity';
import { ConfidentialContactRow, IntensityRow } from './dto/contact.response';

const ID = F.trajectoryId;
const ID2 = F.contactId;
const AT = new Date('2026-01-15T10:00:00Z');

const MONTH = `to_char(c.at at time zone 'Europe/Brussels', 'YYYY-MM')`;

/** A contact list's filter: Brussels days, inclusive, and a kind. */
export interface ContactFilter {
  from?: string;
  to?: string;
  kind?: ContactKind;
}

/** Where a derived contact moment comes from; its row is removed or rewritten only through that source. */
export type DerivedContactSource = 'group_session' | 'case_meeting_item';

/** A contact moment another feature records on the participant's behalf (never confidential). */
export interface DerivedContact {
  id: string;
  partnershipId: string;
  trajectoryId: string;
  participantId: string;
  at: Date;
  kind: ContactKind;
  durationMinutes: number;
  staffId: string;
  authorId: string;
  authorOrganisationId: string;
  summary: string | null;
  sourceType: DerivedContactSource;
  sourceId: string;
}

@Injectable()
export class ContactsRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get m(): EntityManager {
    return this.db.manager;
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        trajectoryId: F.trajectoryId,
        participantId: F.participantId,
        at: AT,
        kind: 'office',
        durationMinutes: 30,
        staffId: F.coachId,
        authorId: F.coachId,
        authorOrganisationId: F.organisationId,
        summary: null,
        place: 'office',
        location: null,
        interpreter: false,
        interpreterLanguage: null,
        confidential: false,
        version: 1,
      },
    ],
  })
  create(values: Partial<ContactEntity>): Promise<ContactEntity> {
    const repo = this.m.getRepository(ContactEntity);
    return repo.save(repo.create(values));
  }

  /** The intensity (per Brussels month, and the total) over the whole filter, and one page of it, newest first. */
  @GenerateSql({ params: [ID, { from: '2026-01-01', to: '2026-01-31', kind: 'office' }, 0, 50] })
  async page(trajectoryId: string, filter: ContactFilter, offset: number, limit: number) {
    const qb = this.m
      .getRepository(ContactEntity)
      .createQueryBuilder('c')
      .where('c.trajectory_id = :trajectoryId', {
        trajectoryId,
      });
    if (filter.from)
      qb.andWhere(`c.at >= cast(:from as date)::timestamp at time zone 'Europe/Brussels'`, {
        from: filter.from,
      });
    if (filter.to)
      qb.andWhere(`c.at < (cast(:to as date) + 1)::timestamp at time zone 'Europe/Brussels'`, {
        to: filter.to,
      });
    if (filter.kind) qb.andWhere('c.kind = :kind', { kind: filter.kind });

    const intensity: IntensityRow[] = await qb
      .clone()
      .select(MONTH, 'month')
      .addSelect('count(*)::int', 'contacts')
      .addSelect('coalesce(sum(c.duration_minutes), 0)::int', 'minutes')
      .groupBy(`grouping sets ((${MONTH}), ())`)
      .getRawMany();
    const rows = await qb
      .orderBy('c.at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .skip(offset)
      .take(limit)
      .getMany();
    return { intensity, rows };
  }

  @GenerateSql({ params: [ID, ID2] })
  findInTrajectory(trajectoryId: string, contactId: string): Promise<ContactEntity | null> {
    return this.m.getRepository(ContactEntity).findOneBy({ id: contactId, trajectoryId });
  }

  @GenerateSql({ params: [ID2, 1, { summary: 'x' }] })
  update(contactId: string, version: number, patch: Partial<ContactEntity>): Promise<ContactEntity> {
    return updateVersioned(this.m, ContactEntity, contactId, version, patch, 'Contact');
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        contactId: F.contactId,
        participantId: F.participantId,
        authorOrganisationId: F.organisationId,
        confidential: false,
        version: 1,
        snapshot: {},
        editedBy: F.coachId,
        editedAt: AT,
      },
    ],
  })
  async insertRevision(values: Omit<ContactRevisionEntity, 'id'>): Promise<void> {
    await this.m.getRepository(ContactRevisionEntity).insert(values);
  }

  /** Professional secrecy keeps the rows from the DPO, so a security-definer function answers, without content. */
  @GenerateSql({ params: [F.participantId] })
  confidentialIndex(participantId: string): Promise<ConfidentialContactRow[]> {
    return this.m.query(
      `select id, at, author_id, author_organisation_id, kind from app_confidential_contacts($1)`,
      [participantId],
    );
  }

  /** Written without RETURNING: the author may record it without case access to read it back. */
  @GenerateSql({
    params: [
      {
        id: '00000000-0000-4000-8000-00000000f001',
        partnershipId: F.partnershipId,
        trajectoryId: F.trajectoryId,
        participantId: F.participantId,
        at: AT,
        kind: 'group_session',
        durationMinutes: 60,
        staffId: F.coachId,
        authorId: F.coachId,
        authorOrganisationId: F.organisationId,
        summary: 'x',
        sourceType: 'group_session',
        sourceId: F.groupSessionId,
      },
    ],
  })
  async insertDerived(c: DerivedContact): Promise<void> {
    await this.m.query(
      `insert into contacts (id, partnership_id, trajectory_id, participant_id, at, kind, duration_minutes, staff_id,
                             author_id, author_organisation_id, summary, confidential, source_type, source_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, false, $12, $13)`,
      [
        c.id,
        c.partnershipId,
        c.trajectoryId,
        c.participantId,
        c.at,
        c.kind,
        c.durationMinutes,
        c.staffId,
        c.authorId,
        c.authorOrganisationId,
        c.summary,
        c.sourceType,
        c.sourceId,
      ],
    );
  }

  @GenerateSql({ params: [ID2, 'case_meeting_item', 'x'] })
  async updateDerivedSummary(
    contactId: string,
    source: DerivedContactSource,
    summary: string | null,
  ): Promise<void> {
    await this.m.query(
      `update contacts set summary = $3, version = version + 1, updated_at = now()
        where id = $1 and source_type = $2`,
      [contactId, source, summary],
    );
  }

  /** Its revisions go first: they reference the contact. */
  @GenerateSql({ params: [ID2, 'case_meeting_item'] })
  async deleteDerived(contactId: string, source: DerivedContactSource): Promise<void> {
    await this.m.query(`delete from contact_revisions where contact_id = $1`, [contactId]);
    await this.m.query(`delete from contacts where id = $1 and source_type = $2`, [contactId, source]);
  }
}

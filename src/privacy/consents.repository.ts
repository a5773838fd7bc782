import { Injectable } from '@nestjs/common';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';
import { ConsentScope } from './consent.constants';
import { ConsentEntity } from './consent.entity';

const PARTICIPANT_ID = F.participantId;
const CONSENT_ID = F.consentId;

/** Consents and other legal bases (case-scope rows: RLS as for the participant's case file). */
@Injectable()
export class ConsentsRepository {
  constructor(private readonly db: DatabaseContext) {}

  private get repo() {
    return this.db.manager.getRepository(ConsentEntity);
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        participantId: F.participantId,
        scope: 'partnership_sharing',
        basis: 'consent',
        reference: null,
        givenAt: new Date('2026-01-15T09:00:00Z'),
        evidence: 'signed form',
        recordedBy: F.coachId,
        withdrawnAt: null,
        withdrawnBy: null,
      },
    ],
  })
  insert(values: Partial<ConsentEntity>): Promise<ConsentEntity> {
    return this.repo.save(this.repo.create(values));
  }

  /** A participant's consents, oldest first. */
  @GenerateSql({ params: [PARTICIPANT_ID] })
  ofParticipant(participantId: string): Promise<ConsentEntity[]> {
    return this.repo.find({ where: { participantId }, order: { givenAt: 'ASC', id: 'ASC' } });
  }

  @GenerateSql({ params: [CONSENT_ID, PARTICIPANT_ID] })
  async findOfParticipant(id: string, participantId: string): Promise<ConsentEntity | undefined> {
    return (await this.repo.findOneBy({ id, participantId })) ?? undefined;
  }

  /** Withdraws the consent unless it already was (by a concurrent request too): false then. */
  @GenerateSql({
    params: [CONSENT_ID, new Date('2026-01-15T09:00:00Z'), F.coachId],
  })
  async withdraw(id: string, at: Date, by: string): Promise<boolean> {
    const result = await this.db.manager
      .createQueryBuilder()
      .update(ConsentEntity)
      .set({ withdrawnAt: at, withdrawnBy: by })
      .where('id = :id and withdrawn_at is null', { id })
      .execute();
    return !!result.affected;
  }

  /** Whether the participant has a live consent of this scope (RLS applies: no definer function). */
  @GenerateSql({ params: [PARTICIPANT_ID, 'case_meeting'] })
  async hasLive(participantId: string, scope: ConsentScope): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(
      `select 1 from consents where participant_id = $1 and scope = $2 and withdrawn_at is null and given_at <= app_now() limit 1`,
      [participantId, scope],
    );
    return rows.length > 0;
  }

  /** The subset of participants with a live consent of this scope, in one query. */
  @GenerateSql({ params: [[PARTICIPANT_ID], 'case_meeting'] })
  async withLive(participantIds: readonly string[], scope: ConsentScope): Promise<string[]> {
    const rows: { participant_id: string }[] = await this.db.manager.query(
      `select distinct participant_id from consents
        where participant_id = any($1::uuid[]) and scope = $2 and withdrawn_at is null and given_at <= app_now()`,
      [participantIds, scope],
    );
    return rows.map((r) => r.participant_id);
  }

  /** The live consent scopes of a participant (the referrals' inbound check asks as the partnership-wide reader). */
  @GenerateSql({ params: [PARTICIPANT_ID] })
  async liveScopes(participantId: string): Promise<ConsentScope[]> {
    const rows: { scope: ConsentScope }[] = await this.db.manager.query(
      `select distinct c.scope from consents c
        where c.participant_id = $1 and c.withdrawn_at is null and c.given_at <= app_now()`,
      [participantId],
    );
    return rows.map((r) => r.scope);
  }
}

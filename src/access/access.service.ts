import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '../database/database-context.service';
import { AccessGrantEntity } from './access-grant.entity';
import { participantNotFound, scopeTooNarrow } from './access.errors';
import { GrantReason, includesScope, Scope, widest } from './scope';

export interface NewGrant {
  participantId: string;
  organisationId?: string;
  staffId?: string;
  scope: Scope;
  reason: GrantReason;
  sourceId?: string | null;
  validFrom?: Date;
  validUntil?: Date | null;
}

export interface GrantFilter {
  reason: GrantReason;
  participantId?: string;
  sourceId?: string;
  organisationId?: string;
  staffId?: string;
}

/**
 * The service wall. It reads the same access_grants rows the RLS policies read, so both walls
 * agree; RLS stays as the backstop when a service forgets to ask.
 */
@Injectable()
export class AccessService {
  constructor(private readonly db: DatabaseContext) {}

  /** The widest live scope the caller holds on each of the participants; absent ids are invisible. */
  async scopesFor(participantIds: readonly string[]): Promise<Map<string, Scope>> {
    const result = new Map<string, Scope>();
    if (participantIds.length === 0) return result;
    const rows: { participant_id: string; scope: Scope }[] = await this.db.manager.query(
      `select participant_id, scope from access_grants g
        where g.participant_id = any($1::uuid[]) and g.partnership_id = app_tenant()
          and (g.organisation_id = app_org() or g.staff_id = app_user())
          and g.ended_at is null and g.valid_from <= app_now() and (g.valid_until is null or g.valid_until > app_now())`,
      [participantIds],
    );
    for (const r of rows) result.set(r.participant_id, widest(result.get(r.participant_id), r.scope));
    return result;
  }

  /** Returns the caller's scope on the participant, or 404 when there is none, or 403 when it is too narrow. */
  async requireScope(participantId: string, needed: Scope): Promise<Scope> {
    const scope = (await this.scopesFor([participantId])).get(participantId);
    if (!scope) throw participantNotFound();
    if (!includesScope(scope, needed)) throw scopeTooNarrow(needed);
    return scope;
  }

  async grant(g: NewGrant): Promise<void> {
    await this.db.manager.getRepository(AccessGrantEntity).insert({
      partnershipId: this.db.actor.partnershipId,
      participantId: g.participantId,
      organisationId: g.organisationId ?? null,
      staffId: g.staffId ?? null,
      scope: g.scope,
      reason: g.reason,
      sourceId: g.sourceId ?? null,
      validFrom: g.validFrom ?? this.db.now,
      validUntil: g.validUntil ?? null,
    });
  }

  /** Ends live grants that match; returns how many ended. Ending is a write, never a delete, so history stays. */
  async end(filter: GrantFilter): Promise<number> {
    const qb = this.db.manager
      .createQueryBuilder()
      .update(AccessGrantEntity)
      .set({ endedAt: this.db.now })
      .where('reason = :reason and ended_at is null', { reason: filter.reason });
    if (filter.participantId) qb.andWhere('participant_id = :p', { p: filter.participantId });
    if (filter.sourceId) qb.andWhere('source_id = :s', { s: filter.sourceId });
    if (filter.organisationId) qb.andWhere('organisation_id = :o', { o: filter.organisationId });
    if (filter.staffId) qb.andWhere('staff_id = :st', { st: filter.staffId });
    const result = await qb.execute();
    return result.affected ?? 0;
  }
}

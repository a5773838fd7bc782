import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '../database/database-context.service';
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

  /**
   * Writes a grant through app_grant(), the only way jobteam_app can: the function checks the reason
   * (owner grant, consent, co-coach row, meeting dates ...) as the database owner and refuses (42501)
   * a grant whose reason does not hold. The services check the same first, with typed errors.
   */
  async grant(g: NewGrant): Promise<string> {
    const rows: { id: string }[] = await this.db.manager.query(
      'select app_grant($1, $2, $3, $4, $5, $6, $7, $8) as id',
      [
        g.participantId,
        g.organisationId ?? null,
        g.staffId ?? null,
        g.scope,
        g.reason,
        g.sourceId ?? null,
        g.validFrom ?? this.db.now,
        g.validUntil ?? null,
      ],
    );
    return rows[0].id;
  }

  /**
   * Ends live grants that match; returns how many ended. Ending is a write, never a delete, so history
   * stays. Through app_end_grants(): the owning organisation may end any grant on its participant,
   * anyone else only their own.
   */
  async end(filter: GrantFilter): Promise<number> {
    const rows: { n: number }[] = await this.db.manager.query(
      'select app_end_grants($1, $2, $3, $4, $5) as n',
      [
        filter.reason,
        filter.participantId ?? null,
        filter.sourceId ?? null,
        filter.organisationId ?? null,
        filter.staffId ?? null,
      ],
    );
    return Number(rows[0].n);
  }

  /** A closed referral's grants run on for the follow-up until `until` (at most 30 days), then lapse. */
  async closeReferralGrants(referralId: string, until: Date): Promise<number> {
    const rows: { n: number }[] = await this.db.manager.query(
      'select app_close_referral_grants($1, $2) as n',
      [referralId, until],
    );
    return Number(rows[0].n);
  }
}

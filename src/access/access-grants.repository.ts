import { Injectable } from '@nestjs/common';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';
import { GrantReason, Scope } from './scope';

const PARTICIPANT = F.participantId;
const SOURCE = F.closedReferralId;

/** A live grant of the caller (organisation or staff member) on the participant, as the RLS policies read it. */
const LIVE_GRANT_OF_CALLER = `g.partnership_id = app_tenant()
          and (g.organisation_id = app_org() or g.staff_id = app_user())
          and g.ended_at is null and g.valid_from <= app_now() and (g.valid_until is null or g.valid_until > app_now())`;

export interface GrantRow {
  participantId: string;
  organisationId: string | null;
  staffId: string | null;
  scope: Scope;
  reason: GrantReason;
  sourceId: string | null;
  validFrom: Date;
  validUntil: Date | null;
}

export interface EndGrantsRow {
  reason: GrantReason;
  participantId: string | null;
  sourceId: string | null;
  organisationId: string | null;
  staffId: string | null;
}

/**
 * access_grants: read with the same conditions the RLS policies use, written only through the
 * SECURITY DEFINER functions app_grant(), app_end_grants() and app_close_referral_grants().
 */
@Injectable()
export class AccessGrantsRepository {
  constructor(private readonly db: DatabaseContext) {}

  @GenerateSql({ params: [[PARTICIPANT]] })
  liveScopes(participantIds: readonly string[]): Promise<{ participant_id: string; scope: Scope }[]> {
    return this.db.manager.query(
      `select participant_id, scope from access_grants g
        where g.participant_id = any($1::uuid[]) and ${LIVE_GRANT_OF_CALLER}`,
      [participantIds],
    );
  }

  /** Whether the caller holds a live grant whose reason still holds (not a closed referral's lingering follow-up). */
  @GenerateSql({ params: [PARTICIPANT] })
  async hasLiveGrantBeyondFollowUp(participantId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(
      `select 1 from access_grants g
        where g.participant_id = $1 and ${LIVE_GRANT_OF_CALLER}
          and not (g.reason = 'referral' and g.valid_until is not null)
        limit 1`,
      [participantId],
    );
    return rows.length > 0;
  }

  @GenerateSql({
    params: [
      {
        participantId: F.participantId,
        organisationId: F.organisationId,
        staffId: null,
        scope: 'full',
        reason: 'owner',
        sourceId: PARTICIPANT,
        validFrom: new Date('2026-01-05T09:00:00Z'),
        validUntil: null,
      },
    ],
  })
  async grant(g: GrantRow): Promise<string> {
    const rows: { id: string }[] = await this.db.manager.query(
      'select app_grant($1, $2, $3, $4, $5, $6, $7, $8) as id',
      [
        g.participantId,
        g.organisationId,
        g.staffId,
        g.scope,
        g.reason,
        g.sourceId,
        g.validFrom,
        g.validUntil,
      ],
    );
    return rows[0].id;
  }

  @GenerateSql({
    params: [
      { reason: 'co_coach', participantId: null, sourceId: SOURCE, organisationId: null, staffId: null },
    ],
  })
  async end(f: EndGrantsRow): Promise<number> {
    const rows: { n: number }[] = await this.db.manager.query(
      'select app_end_grants($1, $2, $3, $4, $5) as n',
      [f.reason, f.participantId, f.sourceId, f.organisationId, f.staffId],
    );
    return Number(rows[0].n);
  }

  @GenerateSql({ params: [SOURCE, new Date('2026-02-04T09:00:00Z')] })
  async closeReferralGrants(referralId: string, until: Date): Promise<number> {
    const rows: { n: number }[] = await this.db.manager.query(
      'select app_close_referral_grants($1, $2) as n',
      [referralId, until],
    );
    return Number(rows[0].n);
  }
}

import { Injectable } from '@nestjs/common';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';
import { AuditEventRow } from './dto/audit-event.dto';

/** A chain head as app_audit_seal_all() leaves it (bigints as text). */
export interface AuditHeadRow {
  partnership_id: string;
  last_seq: string;
  last_hash: string;
  checkpoint_seq: string | null;
}

export interface SignedCheckpoint {
  partnershipId: string;
  seq: number;
  hash: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

/** The DPO's search filters, as columns of audit_events. */
export interface AuditEventFilter {
  participantId?: string;
  actorId?: string;
  organisationId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/**
 * The audit log (audit_events, its chain heads and checkpoints). The runtime role cannot write
 * audit_events itself: every write goes through a definer function that takes actor, tenant and time
 * from the request context.
 */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: DatabaseContext) {}

  /** Stores entries already split into clear and sealed parts (toStoredEntry), in the request's transaction. */
  @GenerateSql({
    params: [
      'req-00000001',
      [
        {
          action: 'read',
          resource_type: 'participant',
          resource_id: null,
          participant_id: null,
          scope: null,
          reason: null,
          details: null,
        },
      ],
    ],
  })
  async record(requestId: string, entries: readonly unknown[]): Promise<void> {
    await this.db.manager.query('select app_audit_record($1, $2::jsonb)', [
      requestId,
      JSON.stringify(entries),
    ]);
  }

  /** Chains what the current tenant has committed so far. */
  @GenerateSql()
  async sealTenant(): Promise<void> {
    await this.db.manager.query('select app_audit_seal(app_tenant())');
  }

  /**
   * Chains every partnership's committed events and returns the heads. Outside any tenant; a lock
   * held elsewhere (a long report, an operator) makes it give up after two seconds rather than wait.
   */
  @GenerateSql()
  async sealAll(): Promise<AuditHeadRow[]> {
    await this.db.manager.query(`set local lock_timeout = '2s'`);
    return this.db.manager.query('select * from app_audit_seal_all()');
  }

  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        seq: 1,
        hash: F.auditHash,
        signedAt: '2026-01-15T09:00:00.000Z',
        keyId: 'synthetic',
        signature: 'c3ludGhldGlj',
      },
    ],
  })
  async storeCheckpoint(c: SignedCheckpoint): Promise<void> {
    await this.db.manager.query('select app_audit_checkpoint($1, $2, $3, $4, $5, $6)', [
      c.partnershipId,
      c.seq,
      c.hash,
      c.signedAt,
      c.keyId,
      c.signature,
    ]);
  }

  /** One page of the tenant's events, newest first, with the actor's name and organisation and the total. */
  @GenerateSql(
    { name: 'all', params: [{}, 20, 0] },
    {
      name: 'filtered',
      params: [
        {
          participantId: F.participantId,
          actorId: F.coachId,
          organisationId: F.organisationId,
          action: 'read',
          from: '2026-01-01T00:00:00Z',
          to: '2026-02-01T00:00:00Z',
        },
        20,
        0,
      ],
    },
  )
  async search(
    filter: AuditEventFilter,
    limit: number,
    offset: number,
  ): Promise<{ rows: AuditEventRow[]; total: number }> {
    const where: string[] = ['e.partnership_id = app_tenant()'];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.participantId) add('e.participant_id = ?', filter.participantId);
    if (filter.actorId) add('e.actor_id = ?', filter.actorId);
    if (filter.organisationId) add('e.actor_organisation_id = ?', filter.organisationId);
    if (filter.action) add('e.action = ?', filter.action);
    if (filter.from) add('e.at >= ?::timestamptz', filter.from);
    if (filter.to) add('e.at < ?::timestamptz', filter.to);
    const condition = where.join(' and ');
    const [{ total }]: { total: number }[] = await this.db.manager.query(
      `select count(*)::int as total from audit_events e where ${condition}`,
      params,
    );
    const rows: AuditEventRow[] = await this.db.manager.query(
      `select e.id, e.at, e.actor_id, s.name as actor_name, e.actor_roles, e.actor_organisation_id,
              o.name as actor_organisation_name, e.action, e.resource_type, e.resource_id, e.participant_id,
              e.scope, e.request_id, e.chain_seq, e.hash,
              -- A sealed (free-text) reason in clear, or '[erased]' once its participant was pseudonymised.
              case when e.reason like 'sealed:%' then (select r.reason from app_audit_reveal(e.id) r)
                   else e.reason end as reason
         from audit_events e
         left join staff s on s.id = e.actor_id
         left join organisations o on o.id = e.actor_organisation_id
        where ${condition}
        order by e.at desc, e.id desc
        limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, limit, offset],
    );
    return { rows, total };
  }
}

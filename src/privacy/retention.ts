import { Client } from 'pg';
import {
  auditParticipantRetention,
  auditReferralRetention,
  eraseReferrals,
  inTenant,
  participantsPastRetention,
  pseudonymise,
  purgeIdempotencyKeys,
  referralsPastRetention,
  tenantIds,
} from './retention.queries';
import { withAdminClient } from './admin-client';

export interface RetentionAction {
  partnershipId: string;
  participantId: string;
  lastClosedAt: string;
  result: string;
  pseudonym: string | null;
}

/**
 * Pseudonymises every participant whose last trajectory closed more than `months` ago and who
 * has no open trajectory. The SQL function checks "no open trajectory" again under a row lock,
 * so a case reopened meanwhile is left alone. Each participant is its own transaction, audited.
 */
export async function runRetention(
  adminUrl: string,
  months: number,
  options: { dryRun?: boolean; now?: Date } = {},
): Promise<RetentionAction[]> {
  const now = (options.now ?? new Date()).toISOString();
  return withAdminClient(adminUrl, 'jobteam-retention', async (client) => {
    const due = await participantsPastRetention(client, now, months);
    const actions: RetentionAction[] = [];
    for (const d of due) {
      const action: RetentionAction = {
        partnershipId: d.partnership_id,
        participantId: d.id,
        lastClosedAt: d.last_closed.toISOString(),
        result: 'due',
        pseudonym: null,
      };
      if (!options.dryRun) Object.assign(action, await pseudonymiseOne(client, d.partnership_id, d.id, now));
      actions.push(action);
    }
    return actions;
  });
}

function pseudonymiseOne(client: Client, tenant: string, participantId: string, now: string) {
  return inTenant(client, tenant, now, async () => {
    const row = await pseudonymise(client, tenant, participantId);
    if (row.result === 'ok') await auditParticipantRetention(client, tenant, now, participantId);
    return row;
  });
}

export function formatRetentionAction(a: RetentionAction, dryRun: boolean): string {
  const what = dryRun ? 'would pseudonymise' : a.result === 'ok' ? 'pseudonymised' : `skipped (${a.result})`;
  return `${a.partnershipId} participant ${a.participantId}: last closed ${a.lastClosedAt}, ${what}${
    a.pseudonym ? ` as ${a.pseudonym}` : ''
  }`;
}

export interface ReferralRetentionAction {
  partnershipId: string;
  referralId: string;
  state: string;
  closedAt: string;
  result: 'due' | 'erased';
}

/**
 * An inbound referral that never became a participant (rejected, cancelled, or completed without
 * one) is not reached by pseudonymisation, which follows participants. Once it has been closed for
 * longer than the retention period, its person (name, birth date, gender, phone), encrypted INSZ,
 * note and the free text of its transitions are erased; what stays is the referral's skeleton
 * (kind, sides, dates, states), which the turnaround report counts. Open referrals are left to their
 * SPOC: they sit in the overdue inbox until someone decides them, and then this rule applies.
 */
export async function runReferralRetention(
  adminUrl: string,
  months: number,
  options: { dryRun?: boolean; now?: Date } = {},
): Promise<ReferralRetentionAction[]> {
  const now = (options.now ?? new Date()).toISOString();
  const actions: ReferralRetentionAction[] = [];
  return withAdminClient(adminUrl, 'jobteam-retention', async (client) => {
    for (const tenant of await tenantIds(client)) {
      const due = await inTenant(client, tenant, now, async () => {
        const due = await referralsPastRetention(client, months);
        const ids = due.map((d) => d.id);
        if (!options.dryRun && ids.length > 0) {
          await eraseReferrals(client, ids);
          await auditReferralRetention(client, tenant, now, ids);
        }
        return due;
      });
      for (const d of due)
        actions.push({
          partnershipId: tenant,
          referralId: d.id,
          state: d.state,
          closedAt: d.closed_at.toISOString(),
          result: options.dryRun ? 'due' : 'erased',
        });
    }
    return actions;
  });
}

/**
 * Idempotency keys are purged on every idempotent write; this catches a partnership where nobody has
 * written for a while, so no key outlives a retention run by more than 24 hours. Returns how many went.
 */
export async function purgeExpiredIdempotencyKeys(
  adminUrl: string,
  options: { now?: Date } = {},
): Promise<number> {
  const now = (options.now ?? new Date()).toISOString();
  return withAdminClient(adminUrl, 'jobteam-retention', async (client) => {
    let purged = 0;
    for (const tenant of await tenantIds(client))
      purged += await inTenant(client, tenant, now, () => purgeIdempotencyKeys(client));
    return purged;
  });
}

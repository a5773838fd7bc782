import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { auditSigningKey, AuditSigningKey, Checkpoint, signCheckpoint } from '../common/crypto/audit-signing';
import { ENV, SECRETS } from '../config/config.module';
import { Environment } from '../config/environment';
import { Secrets } from '../config/secrets';
import { Clock } from '../database/clock';
import { DatabaseContext } from '../database/database-context.service';
import { AuditRepository } from './audit.repository';

/**
 * Seals the audit chains continuously: every AUDIT_SEAL_INTERVAL_MS (at most a minute) and once
 * more at shutdown, then signs a checkpoint of each head that moved, with an Ed25519 key that the
 * database never holds. Rewriting history then needs that key; cutting the tail is seen by verify.
 */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditSealer.name);
  private readonly key: AuditSigningKey;
  private timer?: NodeJS.Timeout;
  private running: Promise<Checkpoint[]> | undefined;

  constructor(
    private readonly db: DatabaseContext,
    private readonly events: AuditRepository,
    private readonly clock: Clock,
    @Inject(ENV) private readonly env: Environment,
    @Inject(SECRETS) secrets: Secrets,
  ) {
    this.key = auditSigningKey(secrets.auditSigningKey);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sealQuietly(), this.env.AUDIT_SEAL_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sealQuietly();
  }

  /** Seals every chain and signs the heads that moved; returns the new checkpoints. One run at a time. */
  sealNow(): Promise<Checkpoint[]> {
    const run = (this.running ?? Promise.resolve([])).catch(() => []).then(() => this.seal());
    this.running = run;
    return run;
  }

  private async sealQuietly(): Promise<void> {
    try {
      await this.sealNow();
    } catch (err) {
      // Sealing retries on the next tick; an event waits unsealed meanwhile, it is never lost.
      this.logger.warn(`Audit sealing failed: ${(err as Error).message}`);
    }
  }

  private seal(): Promise<Checkpoint[]> {
    return this.db.runWithoutTenant(async () => {
      // A lock held elsewhere (a long report, an operator) must not hold up a shutdown: sealAll gives up after 2 s.
      const heads = await this.events.sealAll();
      const signedAt = this.clock.now().toISOString();
      const checkpoints: Checkpoint[] = [];
      for (const h of heads) {
        const seq = Number(h.last_seq);
        if (seq === 0 || (h.checkpoint_seq !== null && Number(h.checkpoint_seq) >= seq)) continue;
        const c = signCheckpoint(this.key, {
          partnershipId: h.partnership_id,
          seq,
          hash: h.last_hash,
          signedAt,
        });
        await this.events.storeCheckpoint(c);
        checkpoints.push(c);
      }
      return checkpoints;
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { ENV } from '../config/config.module';
import { Environment } from '../config/environment';
import { DomainError } from '../common/errors/domain-error';
import { Clock } from '../database/clock';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** The one normal form of a login email: the limiter keys on it and the account lookup searches for it. */
export const normaliseLoginEmail = (email: string) => email.trim().toLowerCase();

interface Window {
  count: number;
  resetAt: number;
}

interface AccountFailures {
  failures: number;
  lockedUntil: number;
  forgetAt: number;
}

const tooMany = (retryAfterMs: number) =>
  new DomainError(429, 'TOO_MANY_LOGIN_ATTEMPTS', 'Too many login attempts. Wait and try again.', [], {
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
  });

/**
 * Three limits, in memory (one instance serves one process; behind several instances a shared store
 * would be needed, noted in the README):
 * - per account, across all addresses: after LOGIN_ACCOUNT_FREE_FAILURES failed attempts each further
 *   failure locks the account's login for a back-off that doubles (LOGIN_BACKOFF_SECONDS up to
 *   LOGIN_BACKOFF_MAX_SECONDS); a successful login clears it, and failures are forgotten after an hour;
 * - per client address, attempts per minute (LOGIN_RATE_LIMIT): high enough for a whole office behind
 *   one address logging in at 9:00, low enough to keep password hashing from being used to flood the CPU;
 * - per client address, failed attempts per hour (LOGIN_ADDRESS_FAILURE_LIMIT): one address trying one
 *   password on many accounts.
 * Times come from the injected clock, so tests move time instead of waiting.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly attempts = new Map<string, Window>();
  private readonly addressFailures = new Map<string, Window>();
  private readonly accounts = new Map<string, AccountFailures>();

  constructor(
    @Inject(ENV) private readonly env: Environment,
    private readonly clock: Clock,
  ) {}

  /** Call before checking the password; throws 429 when the address or the account must wait. */
  check(ip: string, email: string): void {
    const now = this.clock.now().getTime();
    const account = this.accounts.get(normaliseLoginEmail(email));
    if (account && account.lockedUntil > now) throw tooMany(account.lockedUntil - now);
    const failures = this.addressFailures.get(ip);
    if (failures && failures.resetAt > now && failures.count >= this.env.LOGIN_ADDRESS_FAILURE_LIMIT)
      throw tooMany(failures.resetAt - now);
    const window = bump(this.attempts, ip, now, MINUTE_MS);
    if (window.count > this.env.LOGIN_RATE_LIMIT) throw tooMany(window.resetAt - now);
    if (this.attempts.size + this.accounts.size > 20_000) this.sweep(now);
  }

  failed(ip: string, email: string): void {
    const now = this.clock.now().getTime();
    bump(this.addressFailures, ip, now, HOUR_MS);
    const key = normaliseLoginEmail(email);
    const prior = this.accounts.get(key);
    const account = prior && prior.forgetAt > now ? prior : { failures: 0, lockedUntil: 0, forgetAt: 0 };
    account.failures += 1;
    account.forgetAt = now + HOUR_MS;
    const over = account.failures - this.env.LOGIN_ACCOUNT_FREE_FAILURES;
    if (over >= 0) {
      const backoffMs = Math.min(
        this.env.LOGIN_BACKOFF_SECONDS * 1000 * 2 ** Math.min(over, 30),
        this.env.LOGIN_BACKOFF_MAX_SECONDS * 1000,
      );
      account.lockedUntil = now + backoffMs;
    }
    this.accounts.set(key, account);
  }

  succeeded(email: string): void {
    this.accounts.delete(normaliseLoginEmail(email));
  }

  private sweep(now: number): void {
    for (const [key, w] of this.attempts) if (w.resetAt <= now) this.attempts.delete(key);
    for (const [key, w] of this.addressFailures) if (w.resetAt <= now) this.addressFailures.delete(key);
    for (const [key, a] of this.accounts)
      if (a.forgetAt <= now && a.lockedUntil <= now) this.accounts.delete(key);
  }
}

function bump(map: Map<string, Window>, key: string, now: number, windowMs: number): Window {
  const entry = map.get(key);
  if (!entry || entry.resetAt <= now) {
    const fresh = { count: 1, resetAt: now + windowMs };
    map.set(key, fresh);
    return fresh;
  }
  entry.count += 1;
  return entry;
}

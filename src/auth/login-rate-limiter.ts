import { Inject, Injectable } from '@nestjs/common';
import { ENV } from '../config/config.module';
import { Environment } from '../config/environment';
import { DomainError } from '../common/errors/domain-error';

const WINDOW_MS = 60_000;

/**
 * A fixed window per client address and per email, in memory. One instance serves one process;
 * behind several instances a shared store would be needed (noted in the README).
 */
@Injectable()
export class LoginRateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(@Inject(ENV) private readonly env: Environment) {}

  check(ip: string, email: string): void {
    const now = Date.now();
    for (const key of [`ip:${ip}`, `email:${email.toLowerCase()}`]) {
      const entry = this.hits.get(key);
      if (!entry || entry.resetAt <= now) {
        this.hits.set(key, { count: 1, resetAt: now + WINDOW_MS });
        continue;
      }
      entry.count += 1;
      if (entry.count > this.env.LOGIN_RATE_LIMIT) {
        throw new DomainError(
          429,
          'TOO_MANY_LOGIN_ATTEMPTS',
          'Too many login attempts. Wait a minute and try again.',
          [],
          {
            retryAfterSeconds: Math.ceil((entry.resetAt - now) / 1000),
          },
        );
      }
    }
    if (this.hits.size > 10_000) this.sweep(now);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
  }
}

import { Injectable } from '@nestjs/common';

/**
 * The time the application believes it is. Every request transaction passes it to Postgres as
 * app.now, so grants that expire (case meetings, referrals) can be tested by moving this clock.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Test harness only: shift the clock by the given number of milliseconds. */
  travel(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

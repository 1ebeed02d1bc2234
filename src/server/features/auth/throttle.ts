/**
 * Log-in backoff: after FREE_FAILURES failed attempts for a key (an email, or a client IP), each
 * further attempt must wait twice as long as the previous one, up to MAX_DELAY_MS. Failures
 * older than WINDOW_MS are forgotten, so a victim is never locked out for good. Kept in memory:
 * a restart or a second process gives an attacker at most a few more tries per window.
 */
const FREE_FAILURES = 5;
const MAX_DELAY_MS = 15 * 60_000;
const WINDOW_MS = 60 * 60_000;

interface Entry {
  failures: number;
  last: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds to wait before the next attempt for these keys; 0 means go ahead. */
  retryAfterMs(keys: string[]): number {
    const t = this.now();
    let wait = 0;
    for (const k of keys) {
      const e = this.entries.get(k);
      if (!e) continue;
      if (t - e.last > WINDOW_MS) {
        this.entries.delete(k);
        continue;
      }
      if (e.failures < FREE_FAILURES) continue;
      const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** (e.failures - FREE_FAILURES));
      wait = Math.max(wait, e.last + delay - t);
    }
    return Math.max(0, wait);
  }

  fail(keys: string[]): void {
    const t = this.now();
    for (const k of keys) {
      const e = this.entries.get(k);
      if (e && t - e.last <= WINDOW_MS) {
        e.failures++;
        e.last = t;
      } else {
        this.entries.set(k, { failures: 1, last: t });
      }
    }
    if (this.entries.size > 100_000) this.prune(t);
  }

  succeed(key: string): void {
    this.entries.delete(key);
  }

  private prune(t: number): void {
    for (const [k, e] of this.entries) if (t - e.last > WINDOW_MS) this.entries.delete(k);
  }
}

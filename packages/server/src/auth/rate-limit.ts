/**
 * Login back-off: after `freeFailures` failed attempts for a key (email or IP), each further attempt must wait
 * 1 s, 2 s, 4 s … capped at `maxDelayMs`. A success clears the key. Pure apart from the injected clock.
 */
export interface LoginLimiterOptions {
  freeFailures?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  now?: () => number;
}
interface State {
  failures: number;
  lastFailureAt: number;
}
export class LoginLimiter {
  private readonly state = new Map<string, State>();
  private readonly free: number;
  private readonly base: number;
  private readonly max: number;
  private readonly now: () => number;
  constructor(o: LoginLimiterOptions = {}) {
    this.free = o.freeFailures ?? 5;
    this.base = o.baseDelayMs ?? 1000;
    this.max = o.maxDelayMs ?? 15 * 60 * 1000;
    this.now = o.now ?? Date.now;
  }
  /** Milliseconds the key must still wait (0 = may try now). */
  retryAfterMs(key: string): number {
    const s = this.state.get(key);
    if (!s || s.failures < this.free) return 0;
    const delay = Math.min(this.max, this.base * 2 ** (s.failures - this.free));
    return Math.max(0, s.lastFailureAt + delay - this.now());
  }
  fail(key: string): void {
    const s = this.state.get(key) ?? { failures: 0, lastFailureAt: 0 };
    s.failures += 1;
    s.lastFailureAt = this.now();
    this.state.set(key, s);
    if (this.state.size > 100_000) this.state.delete(this.state.keys().next().value as string);
  }
  succeed(key: string): void {
    this.state.delete(key);
  }
}

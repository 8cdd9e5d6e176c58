/** The breaker's state: `open` refuses calls until its pause is over, `half_open` lets one through to try. */
export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerOptions {
  /** Failures in a row that open the circuit. */
  failures: number;
  /** How long an open circuit refuses calls, in ms. */
  pauseMs: number;
  clock: () => Date;
}

/**
 * Stops calling a provider that keeps failing (DESIGN §9): after `failures` failed calls in a
 * row, calls are refused for `pauseMs`; then one call is let through, and its outcome closes the
 * circuit or opens it for another pause. Time comes from the injected clock.
 */
export class CircuitBreaker {
  private failed = 0;
  private openUntil: number | null = null;
  private trial = false;

  constructor(private readonly options: CircuitBreakerOptions) {}

  /** Whether a call may go out now; in `half_open`, only the first caller gets true. */
  allow(): boolean {
    if (this.openUntil === null) return true;
    if (this.options.clock().getTime() < this.openUntil) return false;
    if (this.trial) return false;
    this.trial = true;
    return true;
  }

  succeeded(): void {
    this.failed = 0;
    this.openUntil = null;
    this.trial = false;
  }

  failedOnce(): void {
    this.failed++;
    if (this.trial || this.failed >= this.options.failures) {
      this.openUntil = this.options.clock().getTime() + this.options.pauseMs;
      this.trial = false;
    }
  }

  state(): { state: CircuitState; retryAt: Date | null } {
    if (this.openUntil === null) return { state: 'closed', retryAt: null };
    const now = this.options.clock().getTime();
    return { state: now < this.openUntil ? 'open' : 'half_open', retryAt: new Date(this.openUntil) };
  }
}

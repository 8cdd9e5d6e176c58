import type { TStreamSignal } from '@baton/contracts';
import type { EventBus } from '../adapters/bus/event-bus.js';

/**
 * The one clock of a test. Hand `clock.now` to whatever takes a `() => Date`: the app context,
 * `startTestServer`, and `createJobQueue`, which measures every job's delay on it, so jobs are
 * due by this clock and not by the machine's.
 */
export class FakeClock {
  private at: number;

  constructor(start: Date | number | string) {
    this.at = new Date(start).getTime();
    if (!Number.isFinite(this.at)) throw new Error(`FakeClock: not a time: ${String(start)}`);
  }

  /** The current instant, as a fresh Date each call. */
  readonly now = (): Date => new Date(this.at);

  /** Moves the clock to `at`, forwards or back. */
  set(at: Date | number | string): Date {
    const next = new Date(at).getTime();
    if (!Number.isFinite(next)) throw new Error(`FakeClock: not a time: ${String(at)}`);
    this.at = next;
    return this.now();
  }

  /** Moves the clock on by `ms` milliseconds; returns the new now. */
  advance(ms: number): Date {
    return this.set(this.at + ms);
  }
}

/**
 * The server's bus on one node, keeping what was published so a test can see that (and when)
 * nodes were told. Listeners are called synchronously, as the local bus does.
 */
export class InMemoryBus implements EventBus {
  /** Every sequence number published, in order. */
  readonly published: number[] = [];
  private readonly listeners = new Set<(seq: number) => void>();

  publish(seq: number): void {
    this.published.push(seq);
    for (const listener of [...this.listeners]) listener(seq);
  }

  subscribe(listener: (seq: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every signal passed on, in order. */
  readonly signals: TStreamSignal[] = [];
  private readonly signalListeners = new Set<(s: TStreamSignal) => void>();

  signal(s: TStreamSignal): void {
    this.signals.push(s);
    for (const listener of [...this.signalListeners]) listener(s);
  }

  onSignal(listener: (s: TStreamSignal) => void): () => void {
    this.signalListeners.add(listener);
    return () => this.signalListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.signalListeners.clear();
  }

  /** The last sequence number published, or 0 when nothing was. */
  get last(): number {
    return this.published.at(-1) ?? 0;
  }
}

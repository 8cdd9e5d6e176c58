import { randomUUID } from 'node:crypto';
import type { TStreamSignal } from '@baton/contracts';
import { describe, expect, it } from 'vitest';
import type { EventBus } from './event-bus.js';
import { createLocalBus, createRedisBus } from './event-bus.js';

const typing: TStreamSignal = { type: 'typing', conversationId: 'c-1', who: { kind: 'agent', name: 'Priya' } };

/** One node's bus per prefix on the test's Redis, in order, given to `use` and closed after it. */
async function withRedisBuses<const P extends readonly string[]>(prefixes: P, use: (buses: { [K in keyof P]: EventBus }) => Promise<void>): Promise<void> {
  const buses = await Promise.all(prefixes.map((prefix) => createRedisBus(process.env.REDIS_URL!, () => {}, prefix)));
  try {
    await use(buses as { [K in keyof P]: EventBus });
  } finally {
    await Promise.all(buses.map((b) => b.close()));
  }
}

describe('signals on the bus', () => {
  // Each test's channels are its own, so runs sharing the Redis never hear each other.
  const prefix = () => `test-${randomUUID()}`;

  it('one node: a signal reaches its listeners once, and an unsubscribed one no more', () => {
    const bus = createLocalBus();
    const heard: TStreamSignal[] = [];
    const off = bus.onSignal((s) => heard.push(s));
    bus.signal(typing);
    off();
    bus.signal(typing);
    expect(heard).toEqual([typing]);
  });

  it.runIf(process.env.REDIS_URL)('two nodes over Redis: the other node hears it, and the sender hears its own once', async () => {
    const shared = prefix();
    await withRedisBuses([shared, shared], async ([a, b]) => {
      const onA: TStreamSignal[] = [];
      const onB: TStreamSignal[] = [];
      a.onSignal((s) => onA.push(s));
      b.onSignal((s) => onB.push(s));
      const seen: TStreamSignal = { type: 'seen', conversationId: `c-${randomUUID()}`, seq: 7 };
      a.signal(seen);
      await expect.poll(() => onB).toEqual([seen]);
      // Give Redis time to echo A's own message back: it is skipped, not heard twice.
      b.signal(typing);
      await expect.poll(() => onA.length).toBe(2);
      expect(onA).toEqual([seen, typing]);
    });
  });

  it.runIf(process.env.REDIS_URL)('two nodes over Redis: a commit nudges the other node, and the sender once (its echo is skipped)', async () => {
    const shared = prefix();
    await withRedisBuses([shared, shared], async ([a, b]) => {
      const onA: number[] = [];
      const onB: number[] = [];
      a.subscribe((seq) => onA.push(seq));
      b.subscribe((seq) => onB.push(seq));
      a.publish(41);
      await expect.poll(() => onB).toEqual([41]);
      // B's nudge reaches A through Redis after A's own echo would have: A heard 41 only once.
      b.publish(42);
      await expect.poll(() => onA.length).toBe(2);
      expect(onA).toEqual([41, 42]);
      expect(onB).toEqual([41, 42]);
    });
  });

  it.runIf(process.env.REDIS_URL)('two installations on one Redis under different prefixes hear nothing of each other', async () => {
    const [one, two] = [prefix(), prefix()];
    await withRedisBuses([one, two, two], async ([a, b, c]) => {
      const onB: TStreamSignal[] = [];
      const seqsOnB: number[] = [];
      b.onSignal((s) => onB.push(s));
      b.subscribe((seq) => seqsOnB.push(seq));
      a.signal(typing);
      a.publish(41);
      // C shares B's prefix: once its message has reached B, A's (sent earlier) would have too.
      c.publish(42);
      await expect.poll(() => seqsOnB).toEqual([42]);
      expect(onB).toEqual([]);
    });
  });
});

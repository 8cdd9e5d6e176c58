import type { TStreamSignal } from '@baton/contracts';
import { describe, expect, it } from 'vitest';
import { createLocalBus, createRedisBus } from './event-bus.js';

const typing: TStreamSignal = { type: 'typing', conversationId: 'c-1', who: { kind: 'agent', name: 'Priya' } };

describe('signals on the bus', () => {
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
    const prefix = `test-${process.pid}-${Date.now()}`;
    const [a, b] = [await createRedisBus(process.env.REDIS_URL!, () => {}, prefix), await createRedisBus(process.env.REDIS_URL!, () => {}, prefix)];
    try {
      const onA: TStreamSignal[] = [];
      const onB: TStreamSignal[] = [];
      a.onSignal((s) => onA.push(s));
      b.onSignal((s) => onB.push(s));
      const seen: TStreamSignal = { type: 'seen', conversationId: `c-${Date.now()}`, seq: 7 };
      a.signal(seen);
      await expect.poll(() => onB).toEqual([seen]);
      // Give Redis time to echo A's own message back: it is skipped, not heard twice.
      b.signal(typing);
      await expect.poll(() => onA.length).toBe(2);
      expect(onA).toEqual([seen, typing]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it.runIf(process.env.REDIS_URL)('two nodes over Redis: a commit nudges the other node, and the sender once (its echo is skipped)', async () => {
    const prefix = `test-${process.pid}-${Date.now()}-nudge`;
    const [a, b] = [await createRedisBus(process.env.REDIS_URL!, () => {}, prefix), await createRedisBus(process.env.REDIS_URL!, () => {}, prefix)];
    try {
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
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it.runIf(process.env.REDIS_URL)('two installations on one Redis under different prefixes hear nothing of each other', async () => {
    const stamp = `${process.pid}-${Date.now()}`;
    const [a, b] = [await createRedisBus(process.env.REDIS_URL!, () => {}, `one-${stamp}`), await createRedisBus(process.env.REDIS_URL!, () => {}, `two-${stamp}`)];
    const c = await createRedisBus(process.env.REDIS_URL!, () => {}, `two-${stamp}`);
    try {
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
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });
});

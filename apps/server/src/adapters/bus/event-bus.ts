import { EventEmitter } from 'node:events';
import type { TStreamSignal } from '@baton/contracts';
import { Redis } from 'ioredis';

/**
 * Tells every server node that events up to a sequence number are committed. It carries only the
 * number: listeners read the events themselves from the database, in order, after the last one
 * they delivered, so a lost or duplicated nudge can never lose or duplicate an event.
 */
export interface EventBus {
  publish(seq: number): void;
  subscribe(listener: (seq: number) => void): () => void;
  /** Passes a signal (typing, read up to) to every node's open streams; it is never stored, and a lost one is only cosmetic. */
  signal(s: TStreamSignal): void;
  onSignal(listener: (s: TStreamSignal) => void): () => void;
  close(): Promise<void>;
}

/** One node: an in-process emitter. */
export function createLocalBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: (seq) => emitter.emit('seq', seq),
    subscribe: (listener) => {
      emitter.on('seq', listener);
      return () => emitter.off('seq', listener);
    },
    signal: (s) => emitter.emit('signal', s),
    onSignal: (listener) => {
      emitter.on('signal', listener);
      return () => emitter.off('signal', listener);
    },
    close: async () => {
      emitter.removeAllListeners();
    },
  };
}

/**
 * Several nodes: Redis pub/sub fans the nudges out; each node also hears its own at once. The
 * channels are `{prefix}:events` and `{prefix}:signals`, so installations sharing a Redis stay apart.
 */
export async function createRedisBus(url: string, log: (line: string) => void, prefix = 'baton'): Promise<EventBus> {
  const CHANNEL = `${prefix}:events`;
  const SIGNALS = `${prefix}:signals`;
  const local = createLocalBus();
  // Each commit publishes a nudge: those of one tick go out in one write (auto-pipelining).
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3, enableAutoPipelining: true });
  const sub = new Redis(url, { lazyConnect: true });
  for (const [name, client] of [['publisher', pub], ['subscriber', sub]] as const) {
    client.on('error', (err: Error) => log(`redis ${name}: ${err.message}`));
  }
  await pub.connect();
  await sub.connect();
  // Each node hears its own nudges and signals locally; the copy that comes back from Redis carries
  // its origin and is skipped (heard twice, every commit would wake each reader of the log twice).
  const origin = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  await sub.subscribe(CHANNEL, SIGNALS);
  sub.on('message', (channel: string, message: string) => {
    if (channel === SIGNALS) {
      const data = safeSignal(message);
      if (data && data.origin !== origin) local.signal(data.signal);
      return;
    }
    // `<seq> <origin>`; a bare number comes from a node of an earlier version.
    const [seqText, from] = message.split(' ');
    const seq = Number(seqText);
    if (Number.isFinite(seq) && from !== origin) local.publish(seq);
  });
  return {
    publish: (seq) => {
      local.publish(seq);
      pub.publish(CHANNEL, `${seq} ${origin}`).catch((err: Error) => log(`redis publish failed: ${err.message}`));
    },
    subscribe: (listener) => local.subscribe(listener),
    signal: (s) => {
      local.signal(s);
      pub.publish(SIGNALS, JSON.stringify({ origin, signal: s })).catch((err: Error) => log(`redis publish failed: ${err.message}`));
    },
    onSignal: (listener) => local.onSignal(listener),
    close: async () => {
      await local.close();
      sub.disconnect();
      pub.disconnect();
    },
  };
}

function safeSignal(message: string): { origin: string; signal: TStreamSignal } | null {
  try {
    const data = JSON.parse(message) as { origin?: unknown; signal?: TStreamSignal };
    return typeof data.origin === 'string' && data.signal && typeof data.signal.conversationId === 'string' ? { origin: data.origin, signal: data.signal } : null;
  } catch {
    return null;
  }
}

import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';

/**
 * Tells every server node that events up to a sequence number are committed. It carries only the
 * number: listeners read the events themselves from the database, in order, after the last one
 * they delivered, so a lost or duplicated nudge can never lose or duplicate an event.
 */
export interface EventBus {
  publish(seq: number): void;
  subscribe(listener: (seq: number) => void): () => void;
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
    close: async () => {
      emitter.removeAllListeners();
    },
  };
}

const CHANNEL = 'baton:events';

/** Several nodes: Redis pub/sub fans the nudges out; each node also hears its own at once. */
export async function createRedisBus(url: string, log: (line: string) => void): Promise<EventBus> {
  const local = createLocalBus();
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const sub = new Redis(url, { lazyConnect: true });
  for (const [name, client] of [['publisher', pub], ['subscriber', sub]] as const) {
    client.on('error', (err: Error) => log(`redis ${name}: ${err.message}`));
  }
  await pub.connect();
  await sub.connect();
  await sub.subscribe(CHANNEL);
  sub.on('message', (_channel: string, message: string) => {
    const seq = Number(message);
    if (Number.isFinite(seq)) local.publish(seq);
  });
  return {
    publish: (seq) => {
      local.publish(seq);
      pub.publish(CHANNEL, String(seq)).catch((err: Error) => log(`redis publish failed: ${err.message}`));
    },
    subscribe: (listener) => local.subscribe(listener),
    close: async () => {
      await local.close();
      sub.disconnect();
      pub.disconnect();
    },
  };
}

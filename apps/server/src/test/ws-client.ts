import WebSocket from 'ws';

export interface StreamEvent {
  seq: number;
  type: string;
  conversationId: string | null;
  handoffId: string | null;
  payload: Record<string, unknown>;
}

/**
 * A real WebSocket client on the stream, collecting events, with a wait-for helper. With
 * `autoPong: false` it leaves the server's protocol pings unanswered, as a connection cut
 * without a close would.
 */
export async function openStream(baseUrl: string, token: string, after?: number, opts: { autoPong?: boolean } = {}) {
  const url = `${baseUrl.replace(/^http/, 'ws')}/api/v1/stream?token=${encodeURIComponent(token)}${after !== undefined ? `&after=${after}` : ''}`;
  const ws = new WebSocket(url, { autoPong: opts.autoPong ?? true });
  const events: StreamEvent[] = [];
  const waiters: { pred: (e: StreamEvent) => boolean; resolve: (e: StreamEvent) => void }[] = [];
  let ready: (seq: number) => void;
  const readyP = new Promise<number>((r) => (ready = r));
  ws.on('message', (raw) => {
    const frame = JSON.parse(raw.toString());
    if (frame.type === 'ready') ready(frame.seq);
    if (frame.type !== 'event') return;
    events.push(frame.event);
    for (const w of [...waiters]) {
      if (w.pred(frame.event)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(frame.event);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  await readyP;
  return {
    ws,
    events,
    /** Resolves with the first event (seen or coming) that matches, or rejects after `ms`. */
    waitFor(pred: (e: StreamEvent) => boolean, ms = 3000): Promise<StreamEvent> {
      const seen = events.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const w = { pred, resolve };
        waiters.push(w);
        setTimeout(() => {
          const i = waiters.indexOf(w);
          if (i >= 0) {
            waiters.splice(i, 1);
            reject(new Error(`no matching event within ${ms} ms; got ${events.map((e) => e.type).join(', ')}`));
          }
        }, ms);
      });
    },
    close: () => new Promise<void>((r) => {
      ws.once('close', () => r());
      ws.close();
    }),
  };
}

import type { TCustomerEvent } from '@baton/contracts';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { HttpClient } from './http-client.js';
import { realServer } from './testing/real-server.js';
import type { SocketLike, StreamStatus } from './stream-client.js';
import { StreamClient, streamUrl } from './stream-client.js';

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('StreamClient against a real server', () => {
  const real = realServer();

  /** A client on `ws` sockets, recording each socket and URL and what the handlers saw. */
  function recorded(token: string) {
    const sockets: { url: string; ws: WebSocket }[] = [];
    const seen = { events: [] as TCustomerEvent[], ready: [] as { seq: number; resumed: boolean }[], status: [] as StreamStatus[], unauthorized: 0 };
    const Socket = function (url: string) {
      const ws = new WebSocket(url);
      sockets.push({ url, ws });
      return ws;
    } as unknown as new (url: string) => SocketLike;
    const client = new StreamClient<TCustomerEvent>(
      { url: (after) => streamUrl(real.base(), token, after), WebSocket: Socket, maxBackoffMs: 500 },
      {
        onEvent: (e) => seen.events.push(e),
        onReady: (r) => seen.ready.push(r),
        onStatus: (st) => seen.status.push(st),
        onUnauthorized: () => seen.unauthorized++,
      },
    );
    return { client, sockets, seen };
  }

  it('hands on typed events, and after a drop resumes from the last one seen, none twice', async () => {
    const api = new HttpClient({ baseUrl: real.base() });
    const c = await api.startConversation({ channel: 'web', language: 'en' });
    const creds = { id: c.id, token: c.token };
    const { client, sockets, seen } = recorded(c.token);
    client.start();
    try {
      await until('ready', () => seen.ready.length === 1);
      expect(seen.ready[0]!.resumed).toBe(false);
      expect(seen.status.slice(0, 2)).toEqual(['connecting', 'live']);
      const first = await api.postMessage(creds, 'Where is my order?', 'm-1');
      await until('the first message', () => seen.events.some((e) => e.type === 'message.created' && e.payload.message.id === first.message.id));
      const lastSeen = client.seq!;

      // The socket drops; a message is sent meanwhile; the client comes back after the last seq.
      sockets[0]!.ws.terminate();
      const second = await api.postMessage(creds, 'It was due on Monday', 'm-2');
      await until('the resumed stream', () => seen.ready.length === 2);
      expect(seen.ready[1]!.resumed).toBe(true);
      expect(seen.status).toContain('reconnecting');
      expect(new URL(sockets[1]!.url).searchParams.get('after')).toBe(String(lastSeen));
      await until('the message sent while away', () => seen.events.some((e) => e.type === 'message.created' && e.payload.message.id === second.message.id));
      const seqs = seen.events.map((e) => e.seq);
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    } finally {
      client.stop();
    }
  });

  it('stops and calls onUnauthorized when the server refuses the token', async () => {
    const { client, sockets, seen } = recorded('not-a-token');
    client.start();
    await until('the refusal', () => seen.unauthorized === 1);
    await new Promise((r) => setTimeout(r, 800));
    expect(sockets.length).toBe(1);
    expect(seen.ready).toEqual([]);
  });

  it('builds the socket URL from the API root, with the token and the resume point', () => {
    expect(streamUrl('https://support.example.com/api/v1/', 'tok', 41)).toBe('wss://support.example.com/api/v1/stream?token=tok&after=41');
    expect(streamUrl('http://localhost:3000/api/v1', 'tok', null)).toBe('ws://localhost:3000/api/v1/stream?token=tok');
  });
});

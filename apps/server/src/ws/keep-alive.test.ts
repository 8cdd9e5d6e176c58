import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import type { KeepAlive } from './keep-alive.js';
import { createKeepAlive } from './keep-alive.js';

/**
 * The keep-alive on real sockets (a `ws` server on port 0 and `ws` clients), its rounds driven by
 * hand: a client that answers pings stays, one that does not is cut on the second round.
 */
describe('keep-alive pings', () => {
  let server: WebSocketServer;
  let keepAlive: KeepAlive;
  let round: () => void = () => {};
  let everyMs = 0;
  let stopped = false;
  const accepted: WebSocket[] = [];
  const clients: WebSocket[] = [];

  beforeAll(async () => {
    keepAlive = createKeepAlive(20_000, (r, ms) => {
      round = r;
      everyMs = ms;
      return () => (stopped = true);
    });
    server = new WebSocketServer({ port: 0 });
    server.on('connection', (socket) => {
      accepted.push(socket);
      keepAlive.watch(socket);
    });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  });
  afterAll(async () => {
    keepAlive.close();
    for (const c of clients) c.terminate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const connect = async (autoPong: boolean) => {
    const before = accepted.length;
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`, { autoPong });
    clients.push(client);
    const closed = new Promise<number>((resolve) => client.once('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      client.once('open', () => resolve());
      client.once('error', reject);
    });
    await expect.poll(() => accepted.length).toBe(before + 1);
    return { client, socket: accepted[before]!, closed };
  };
  /** Resolves when the server side of a connection receives its next pong. */
  const pongs = (socket: WebSocket) => new Promise<void>((resolve) => socket.once('pong', () => resolve()));

  it('runs on one timer at the configured period', () => {
    expect(everyMs).toBe(20_000);
  });

  it('keeps a socket that answers, and cuts one that is silent on the round after its ping went unanswered', async () => {
    const live = await connect(true);
    const silent = await connect(false);
    expect(keepAlive.size()).toBe(2);

    const answered = pongs(live.socket);
    round(); // both pinged
    await answered;
    expect([live.socket.readyState, silent.socket.readyState]).toEqual([WebSocket.OPEN, WebSocket.OPEN]);

    const again = pongs(live.socket);
    round(); // the silent one never answered: cut; the live one pinged again
    await again;
    // Terminated without a close frame: the client sees an abnormal closure, as after a network cut.
    expect(await silent.closed).toBe(1006);
    expect(silent.socket.readyState).toBe(WebSocket.CLOSED);
    expect(live.socket.readyState).toBe(WebSocket.OPEN);
    expect(keepAlive.size()).toBe(1);

    const third = pongs(live.socket);
    round();
    await third;
    expect(live.client.readyState).toBe(WebSocket.OPEN);

    // A socket that closes by itself leaves the rounds.
    live.client.close();
    await live.closed;
    await expect.poll(() => live.socket.readyState).toBe(WebSocket.CLOSED);
    expect(keepAlive.size()).toBe(0);
    round();
  });

  it('stops its timer when closed', () => {
    keepAlive.close();
    expect(stopped).toBe(true);
  });
});

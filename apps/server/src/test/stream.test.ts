import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { listEventsAfter } from '../adapters/db/repositories/events.repository.js';
import type { Api } from './api.js';
import { ASK_FOR_HUMAN, api } from './api.js';
import { TEST_DATABASES } from './databases.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';
import type { StreamEvent } from './ws-client.js';
import { openStream } from './ws-client.js';

type Stream = Awaited<ReturnType<typeof openStream>>;

const messageOf = (e: StreamEvent) => e.payload.message as { id: string; text: string; private?: true; author: { kind: string } } | undefined;
const isMessage = (id: string) => (e: StreamEvent) => e.type === 'message.created' && messageOf(e)?.id === id;

/** How a socket that should be refused ends: its close code, and the error frame before it. */
function refusal(url: string): Promise<{ code: number; frames: unknown[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const frames: unknown[] = [];
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`the socket stayed open; frames: ${JSON.stringify(frames)}`));
    }, 3000);
    ws.on('message', (raw) => frames.push(JSON.parse(raw.toString())));
    ws.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, frames });
    });
    ws.on('error', () => {});
  });
}

// The realtime stream (DESIGN §10) with the real server on a random port and a real `ws` client.
describe.each(TEST_DATABASES)('the realtime stream on %s', (kind) => {
  let s: TestServer;
  let http: Api;
  let alex: string;
  const open: Stream[] = [];
  const stream = async (token: string, after?: number) => {
    const st = await openStream(s.url!, token, after);
    open.push(st);
    return st;
  };
  /** The number of the `message.created` event of a message, waiting (up to 10 s) until readers may see it. */
  const finalSeqOf = async (conversationId: string, messageId: string): Promise<number> => {
    for (let tries = 0; tries < 200; tries++) {
      const found = (await listEventsAfter(s.ctx.db, 0, { conversationId, limit: 1000 })).findLast((e) => e.type === 'message.created' && e.payload.message.id === messageId);
      if (found) return found.seq;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the event of message ${messageId} never became readable`);
  };

  beforeAll(async () => {
    s = await startTestServer(kind, { listen: true });
    http = api(s);
    alex = await s.login('alex');
  }, 60_000);
  afterAll(async () => {
    for (const st of open) st.ws.terminate();
    await s?.close();
  });

  it("a customer sees their own conversation's messages, never another's, nor private notes, nor handoff briefs", async () => {
    const mine = await http.start();
    const other = await http.start();
    const customer = await stream(mine.token);
    const agent = await stream(alex);

    // Another customer's conversation.
    const theirs = await http.say(other, 'do you take paypal?');
    expect(theirs.status).toBe(201);
    // A private note in mine.
    const note = await http.post(`/api/v1/conversations/${mine.id}/messages`, alex, { text: 'internal: check the fraud flag', private: true });
    expect(note.status).toBe(201);
    // My own conversation escalates: the brief goes to agents only.
    const esc = await http.say(mine, ASK_FOR_HUMAN);
    expect(esc.status).toBe(201);
    const notice = esc.body.replies[0];
    // A last message of mine, after all the rest: once it arrives, anything earlier would have too.
    const last = await http.say(mine, 'thanks, I will wait');

    await customer.waitFor(isMessage(last.body.message.id));
    // The agent got every one of them, so they were real events.
    await agent.waitFor(isMessage(last.body.message.id));
    expect(agent.events.some(isMessage(theirs.body.message.id))).toBe(true);
    expect(agent.events.some(isMessage(note.body.message.id))).toBe(true);
    const requested = agent.events.find((e) => e.type === 'handoff.requested' && e.conversationId === mine.id);
    expect((requested?.payload.handoff as { brief?: unknown })?.brief).toBeDefined();

    // The customer's side: only their public messages.
    const seen = customer.events;
    expect(seen.some(isMessage(esc.body.message.id))).toBe(true);
    expect(seen.some(isMessage(notice.id))).toBe(true);
    expect(seen.every((e) => e.conversationId === mine.id)).toBe(true);
    expect(seen.some(isMessage(theirs.body.message.id))).toBe(false);
    expect(seen.some((e) => messageOf(e)?.private || messageOf(e)?.text.includes('fraud flag'))).toBe(false);
    expect(seen.some((e) => e.type.startsWith('handoff.'))).toBe(false);
    expect(JSON.stringify(seen)).not.toContain('"brief"');
  });

  it('an agent is told of a handoff within 1 s of the escalating message', async () => {
    const agent = await stream(alex);
    const conv = await http.start();
    const sent = Date.now();
    const r = await http.say(conv, ASK_FOR_HUMAN);
    expect(r.status).toBe(201);
    const e = await agent.waitFor((x) => x.type === 'handoff.requested' && x.conversationId === conv.id, 1000);
    expect(Date.now() - sent).toBeLessThan(1000);
    expect(e.handoffId).toEqual(expect.any(String));
  });

  it('an agent that reconnects with after=<last seq seen> gets exactly the missed events, in order, without gaps or duplicates', async () => {
    const conv = await http.start();
    const first = await stream(alex);
    const hello = await http.say(conv, 'do you take paypal?');
    const reply = hello.body.replies[0];
    await first.waitFor(isMessage(reply.id));
    const seenBefore = first.events.map((e) => e.seq);
    const lastSeen = Math.max(...seenBefore);
    await first.close();

    // Events while away: two exchanges and a handoff.
    const missedMessages: string[] = [];
    for (const text of ['how do I reset my password?', ASK_FOR_HUMAN]) {
      const r = await http.say(conv, text);
      missedMessages.push(r.body.message.id, ...r.body.replies.map((m: { id: string }) => m.id));
    }
    // The last missed message's event, once it is final (readers see an event once every older
    // transaction, here or in another database of the cluster, has ended).
    const end = await finalSeqOf(conv.id, missedMessages.at(-1)!);
    expect(end).toBeGreaterThan(lastSeen);

    const resumed = await stream(alex, lastSeen);
    await resumed.waitFor((e) => e.seq === end);
    const seqs = resumed.events.map((e) => e.seq);
    // Every event the log holds after the last one seen, in order: numbers are not dense (each
    // transaction numbers its own block), so the log itself is the reference.
    const stored = (await listEventsAfter(s.ctx.db, lastSeen, { limit: 1000 })).map((e) => e.seq).filter((q) => q <= end);
    expect(stored.length).toBeGreaterThan(missedMessages.length);
    expect(seqs).toEqual(stored);
    expect(resumed.events.filter((e) => e.type === 'message.created').map((e) => messageOf(e)!.id)).toEqual(missedMessages);
    expect(resumed.events.some((e) => e.type === 'handoff.requested' && e.conversationId === conv.id)).toBe(true);
  });

  it('a customer that reconnects with after=<last seq seen> gets exactly their missed messages, in order, once', async () => {
    const conv = await http.start();
    const first = await stream(conv.token);
    const hello = await http.say(conv, 'do you take paypal?');
    await first.waitFor(isMessage(hello.body.replies[0].id));
    const lastSeen = Math.max(...first.events.map((e) => e.seq));
    await first.close();

    const missed: string[] = [];
    for (const text of ['how do I reset my password?', 'how long does delivery take?']) {
      const r = await http.say(conv, text);
      missed.push(r.body.message.id, ...r.body.replies.map((m: { id: string }) => m.id));
      // Noise from another conversation, which this customer must not get.
      await http.say(await http.start(), 'do you take paypal?');
    }
    const resumed = await stream(conv.token, lastSeen);
    await resumed.waitFor(isMessage(missed.at(-1)!));
    const ids = resumed.events.filter((e) => e.type === 'message.created').map((e) => messageOf(e)!.id);
    expect(ids).toEqual(missed);
    const seqs = resumed.events.map((e) => e.seq);
    expect(seqs.every((q) => q > lastSeen)).toBe(true);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(resumed.events.every((e) => e.conversationId === conv.id)).toBe(true);
  });

  it('a bad token closes the socket with code 4401', async () => {
    const base = `${s.url!.replace(/^http/, 'ws')}/api/v1/stream`;
    const bad = await refusal(`${base}?token=not-a-token`);
    expect(bad.code).toBe(4401);
    expect(bad.frames).toContainEqual(expect.objectContaining({ type: 'error', error: expect.objectContaining({ code: 'AUTH_ERR_INVALID_TOKEN' }) }));
    expect((await refusal(base)).code).toBe(4401);
  });

  it('a bad after= closes the socket with code 4400', async () => {
    const base = `${s.url!.replace(/^http/, 'ws')}/api/v1/stream`;
    expect((await refusal(`${base}?token=${encodeURIComponent(alex)}&after=yesterday`)).code).toBe(4400);
  });
});

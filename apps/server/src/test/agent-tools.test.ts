import { describe, expect, it } from 'vitest';
import type { Api } from './api.js';
import { api } from './api.js';
import { TEST_DATABASES } from './databases.js';
import { FakeClock } from './fakes.js';
import { useTestServer } from './test-server.js';

// Wednesday 18 November 2026, 10:00 UTC; the demo teams keep no hours, so every slot is open.
const START = Date.parse('2026-11-18T10:00:00Z');

describe.each(TEST_DATABASES)('the agent tools on %s: callbacks as work, canned replies, search, history', (kind) => {
  const clock = new FakeClock(START);
  const server = useTestServer(kind, { workers: false, clock: clock.now, env: { BATON_CALLBACK_MAX_ATTEMPTS: '3', BATON_CALLBACK_RETRY_MINUTES: '30' } });
  let http: Api;
  const tokens: Record<string, string> = {};
  const who = async (name: string) => (tokens[name] ??= await server().login(name));

  /** A customer escalates and books a callback (or an email reply); returns the conversation and its handoff. */
  async function booked(kind: 'callback' | 'email', customer: Record<string, string>) {
    http = api(server());
    const conv = await http.escalated(await who('alex'), { customer });
    const options = (await http.get(`/api/v1/conversations/${conv.id}/callback-options`, conv.token)).body;
    const body = kind === 'callback' ? { kind, at: options.slots[0].at, phone: '+44 20 7946 0958' } : { kind };
    const r = await http.post(`/api/v1/conversations/${conv.id}/callback`, conv.token, body);
    expect(r.status).toBe(201);
    return { conv, at: options.slots[0].at as string };
  }

  const outcome = (handoffId: string, token: string, o: string) => http.post(`/api/v1/handoffs/${handoffId}/callback-outcome`, token, { outcome: o });

  it('lists a booked callback with its phone, and works it: no answer twice re-books it, the third closes it as unreachable', async () => {
    const { conv, at } = await booked('callback', { name: 'Tom Baker', email: 'tom.baker@example.com' });
    const alex = await who('alex');

    const listed = (await http.get('/api/v1/handoffs?status=callback', alex)).body.handoffs.find((h: { id: string }) => h.id === conv.handoffId);
    expect(listed.callback).toMatchObject({ kind: 'callback', at, phone: '+44 20 7946 0958', status: 'scheduled', attempts: 0 });
    expect(listed.callback.email).toBeUndefined();
    const work = await http.get('/api/v1/callbacks', alex);
    expect(work.body.maxAttempts).toBe(3);
    expect(work.body.handoffs.map((h: { id: string }) => h.id)).toContain(conv.handoffId);
    // Another team's agent neither sees it in their list nor may work it.
    const priya = await who('priya');
    expect((await http.get('/api/v1/callbacks', priya)).body.handoffs.map((h: { id: string }) => h.id)).not.toContain(conv.handoffId);
    const refused = await outcome(conv.handoffId, priya, 'call_now');
    expect([refused.status, refused.body.error.code]).toEqual([403, 'AUTH_ERR_OTHER_TEAM']);
    const bad = await outcome(conv.handoffId, alex, 'maybe');
    expect([bad.status, bad.body.error.field]).toEqual([400, 'outcome']);

    for (const attempt of [1, 2]) {
      clock.advance(60_000);
      const r = await outcome(conv.handoffId, alex, 'no_answer');
      expect(r.status).toBe(200);
      expect(r.body.handoff.status).toBe('callback');
      expect(r.body.handoff.agentId).toBeNull();
      expect(r.body.handoff.callback).toMatchObject({ status: 'scheduled', attempts: attempt, at: new Date(clock.now().getTime() + 30 * 60_000).toISOString() });
    }
    const said = await http.messages(conv.id, conv.token);
    expect(said.filter((m) => m.action === 'callback_no_answer').map((m) => m.text)).toHaveLength(2);
    expect(said.at(-1)!.text).toMatch(/^We called you but couldn't reach you\. We'll try again at .+\. Your case number is C-\d+\.$/);

    const last = await outcome(conv.handoffId, alex, 'no_answer');
    expect(last.status).toBe(200);
    expect(last.body.handoff.status).toBe('resolved');
    expect(last.body.handoff.resolution).toMatchObject({ category: 'callback_unreachable', outcome: 'not_solved' });
    expect(last.body.handoff.callback).toMatchObject({ status: 'unreachable', attempts: 3 });
    expect((await http.messages(conv.id, conv.token)).at(-1)!.text).toContain('We tried to call you 3 times');
    expect((await http.get('/api/v1/callbacks', alex)).body.handoffs.map((h: { id: string }) => h.id)).not.toContain(conv.handoffId);
    // Nothing is left to work: a late click is told so, and nothing changes.
    expect((await outcome(conv.handoffId, alex, 'done')).body.error.code).toBe('CALLBACK_ERR_NOT_FOUND');
  });

  it('works an email reply: "no answer" is refused, call now takes it once (a double click is harmless, a second agent is refused), done leaves it to resolve', async () => {
    const { conv } = await booked('email', { name: 'Uma Patel', email: 'uma.patel@example.com' });
    const alex = await who('alex');
    const h = (await http.get('/api/v1/callbacks', alex)).body.handoffs.find((x: { id: string }) => x.id === conv.handoffId);
    expect(h.callback).toMatchObject({ kind: 'email', email: 'uma.patel@example.com' });
    expect(h.callback.phone).toBeUndefined();

    const noAnswer = await outcome(conv.handoffId, alex, 'no_answer');
    expect([noAnswer.status, noAnswer.body.error.code]).toEqual([409, 'CALLBACK_ERR_NOT_A_CALL']);
    const taken = await outcome(conv.handoffId, alex, 'call_now');
    expect(taken.body.handoff).toMatchObject({ status: 'assigned', agentId: taken.body.handoff.agentId, callback: { status: 'calling' } });
    expect((await outcome(conv.handoffId, alex, 'call_now')).status).toBe(200);
    const second = await outcome(conv.handoffId, await who('jordan'), 'call_now');
    expect([second.status, second.body.error.code]).toEqual([409, 'HANDOFF_ERR_ALREADY_ACCEPTED']);
    expect((await http.get(`/api/v1/conversations/${conv.id}`, conv.token)).body.conversation.status).toBe('assigned');

    const done = await outcome(conv.handoffId, alex, 'done');
    expect(done.body.handoff).toMatchObject({ status: 'assigned', callback: { status: 'done' } });
    expect((await http.get('/api/v1/callbacks', alex)).body.handoffs.map((x: { id: string }) => x.id)).not.toContain(conv.handoffId);
    expect((await http.post(`/api/v1/handoffs/${conv.handoffId}/resolve`, alex, { category: 'orders', outcome: 'solved', verdict: 'needed' })).status).toBe(200);
  });

  it('keeps canned replies: admins write them per team or for all, agents see theirs, shortcuts are unique per scope', async () => {
    http = api(server());
    const casey = await who('casey');
    const add = (body: unknown, token = casey) => http.post('/api/v1/canned-replies', token, body);
    const global = await add({ shortcut: 'thanks', title: 'Thank you', body: 'Thanks {{customer.name}}, your case is {{case}}. {{agent.name}}' });
    expect(global.status).toBe(201);
    expect(global.body.cannedReply).toMatchObject({ shortcut: 'thanks', teamId: null });
    expect((await add({ shortcut: 'refund', title: 'Refund', body: 'Your refund is on its way.', teamId: 'Billing' })).status).toBe(201);

    const taken = await add({ shortcut: 'THANKS', title: 'Again', body: 'x' });
    expect([taken.status, taken.body.error.code, taken.body.error.field]).toEqual([409, 'CANNED_ERR_SHORTCUT_TAKEN', 'shortcut']);
    const spaced = await add({ shortcut: 'two words', title: 'x', body: 'x' });
    expect([spaced.status, spaced.body.error.field]).toEqual([400, 'shortcut']);
    const noTeam = await add({ shortcut: 'other', title: 'x', body: 'x', teamId: 'Nowhere' });
    expect([noTeam.body.error.code, noTeam.body.error.field]).toEqual(['TEAM_ERR_NOT_FOUND', 'teamId']);
    expect((await add({ shortcut: 'mine', title: 'x', body: 'x' }, await who('alex'))).status).toBe(403);

    const shortcuts = async (name: string, q = '') => (await http.get(`/api/v1/canned-replies${q}`, await who(name))).body.cannedReplies.map((r: { shortcut: string }) => r.shortcut);
    expect(await shortcuts('alex')).toEqual(['thanks']);
    expect(await shortcuts('priya')).toEqual(['refund', 'thanks']);
    expect(await shortcuts('priya', '?q=REF')).toEqual(['refund']);

    const id = global.body.cannedReply.id;
    const edited = await http.call('PATCH', `/api/v1/canned-replies/${id}`, { token: casey, body: { title: 'Thanks' } });
    expect(edited.body.cannedReply).toMatchObject({ title: 'Thanks', shortcut: 'thanks' });
    expect((await http.call('DELETE', `/api/v1/canned-replies/${id}`, { token: casey })).status).toBe(204);
    expect((await http.call('DELETE', `/api/v1/canned-replies/${id}`, { token: casey })).body.error.code).toBe('CANNED_ERR_NOT_FOUND');
    expect(await shortcuts('alex')).toEqual([]);
  });

  it('searches conversations by case number, email and message text, within the agent\'s teams, a page at a time; and shows a customer\'s history', async () => {
    http = api(server());
    const alex = await who('alex');
    const first = await http.escalated(alex, { customer: { name: 'Vera Quill', email: 'vera.quill@example.com' } });
    await http.say(first, 'my parcel zebrafish-42 never arrived');
    expect((await http.post(`/api/v1/handoffs/${first.handoffId}/accept`, alex)).status).toBe(200);
    expect((await http.post(`/api/v1/handoffs/${first.handoffId}/resolve`, alex, { category: 'orders', outcome: 'workaround', verdict: 'needed' })).status).toBe(200);
    const second = await http.escalated(alex, { customer: { name: 'Vera Quill', email: 'Vera.Quill@example.com' } });

    const find = async (q: string, token = alex) => (await http.get(`/api/v1/search?q=${encodeURIComponent(q)}`, token)).body;
    expect((await find('zebrafish-42')).conversations.map((c: { id: string }) => c.id)).toEqual([first.id]);
    expect((await find(first.caseNumber)).conversations[0]).toMatchObject({ id: first.id, handoffId: first.handoffId, resolution: { outcome: 'workaround' } });
    const byEmail = await find('vera.quill@');
    expect(byEmail.conversations.map((c: { id: string }) => c.id).sort()).toEqual([first.id, second.id].sort());
    // Another team's agent does not find the Support team's cases; a supervisor does.
    expect((await find('zebrafish-42', await who('priya'))).conversations).toEqual([]);
    expect((await find('zebrafish-42', await who('jordan'))).conversations).toHaveLength(1);
    // Pages: one at a time, the second page ends the list.
    const page1 = (await http.get('/api/v1/search?q=vera.quill&limit=1', alex)).body;
    expect(page1.nextOffset).toBe(1);
    const page2 = (await http.get('/api/v1/search?q=vera.quill&limit=1&offset=1', alex)).body;
    expect([page2.conversations.length, page2.nextOffset, page2.conversations[0].id !== page1.conversations[0].id]).toEqual([1, null, true]);
    // "%" is a character to find, not a wildcard.
    expect((await find('%%')).conversations).toEqual([]);
    const short = await http.get('/api/v1/search?q=a', alex);
    expect([short.status, short.body.error.field]).toEqual([400, 'q']);

    // A workaround counts as solved: this file resolved an unreachable callback (not solved), an email reply (solved) and this one.
    const m = (await http.get('/api/v1/metrics/handoffs', alex)).body;
    expect([m.resolved, m.solved]).toEqual([3, 2]);

    const history = (await http.get(`/api/v1/handoffs/${second.handoffId}/history`, alex)).body.conversations;
    expect(history.map((c: { id: string }) => c.id)).toEqual([first.id]);
    expect(history[0]).toMatchObject({ caseNumber: first.caseNumber, resolution: { category: 'orders', outcome: 'workaround' } });
    expect((await http.get(`/api/v1/handoffs/${second.handoffId}/history`, await who('priya'))).status).toBe(403);
  });
});

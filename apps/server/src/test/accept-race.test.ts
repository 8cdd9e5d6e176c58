import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from './api.js';
import { ASK_FOR_HUMAN, api } from './api.js';
import { TEST_DATABASES } from './databases.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

const ROUNDS = 50;

// Two agents click "accept" on the same handoff at the same moment: exactly one wins, every time.
describe.each(TEST_DATABASES)('accepting a handoff under a race on %s', (kind) => {
  let s: TestServer;
  let http: Api;
  const agents: { name: string; token: string; id: string }[] = [];

  beforeAll(async () => {
    s = await startTestServer(kind);
    http = api(s);
    for (const name of ['alex', 'jordan']) {
      const token = await s.login(name);
      const me = await http.get('/api/v1/agents/me', token);
      agents.push({ name, token, id: me.body.agent.id });
      // Room for every round's win: capacity is held on accept, and this test is about the race.
      expect((await http.call('PATCH', '/api/v1/agents/me', { token, body: { capacity: ROUNDS } })).status).toBe(200);
    }
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  it(`exactly one of two simultaneous accepts wins, in each of ${ROUNDS} rounds, and the handoff is the winner's`, async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const conv = await http.start();
      const sent = await http.say(conv, ASK_FOR_HUMAN);
      expect(sent.status).toBe(201);
      const state = await http.get(`/api/v1/conversations/${conv.id}`, conv.token);
      expect(state.body.conversation.status).toBe('waiting');
      const handoffId: string = state.body.handoff.id;

      // Alternate who is first in line, so neither agent wins only by going first.
      const pair = round % 2 ? [agents[1]!, agents[0]!] : [agents[0]!, agents[1]!];
      const results = await Promise.all(pair.map((a) => http.post(`/api/v1/handoffs/${handoffId}/accept`, a.token)));

      const won = results.filter((r) => r.status === 200);
      const lost = results.filter((r) => r.status !== 200);
      expect({ round, wins: won.length, losers: lost.map((r) => [r.status, r.body?.error?.code]) }).toEqual({ round, wins: 1, losers: [[409, 'HANDOFF_ERR_ALREADY_ACCEPTED']] });
      const winner = pair[results.findIndex((r) => r.status === 200)]!;
      outcomes.push(winner.name);

      const h = await http.get(`/api/v1/handoffs/${handoffId}`, winner.token);
      expect(h.body.handoff).toMatchObject({ status: 'assigned', agentId: winner.id });
      const c = await http.get(`/api/v1/conversations/${conv.id}`, winner.token);
      expect(c.body.conversation).toMatchObject({ status: 'assigned', assignedAgentId: winner.id });
      // The customer is told once who joined, and it is the winner.
      const joined = (await http.messages(conv.id, conv.token)).filter((m) => m.action === 'agent_joined');
      expect(joined).toHaveLength(1);
      expect(joined[0]!.text).toContain(winner.name === 'alex' ? 'Alex' : 'Jordan');
    }
    expect(outcomes).toHaveLength(ROUNDS);
  }, 120_000);
});

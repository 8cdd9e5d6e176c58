import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

describe('editing a team', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('pglite');
  }, 60_000);
  afterAll(async () => {
    await s?.close();
  });

  it('changes skills, SLA and the default team, validates each field, and routing follows', async () => {
    const casey = await s.login('casey');
    const patch = (team: string, body: unknown) => s.app.inject({ method: 'PATCH', url: `/api/v1/teams/${team}`, headers: { authorization: `Bearer ${casey}` }, payload: body as object });
    const bad = await patch('Technical', { skills: [{ kind: 'category', value: 'orders', proficiency: 9 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('skills.0.proficiency');
    expect((await patch('Technical', {})).statusCode).toBe(400);

    const r = await patch('Technical', { skills: [{ kind: 'category', value: 'orders', proficiency: 5 }, { kind: 'language', value: 'en', proficiency: 5 }], sla: { critical: 2, high: 10, medium: 20, low: 60 }, isDefault: true });
    expect(r.statusCode).toBe(200);
    const teams = (await s.app.inject({ method: 'GET', url: '/api/v1/teams', headers: { authorization: `Bearer ${casey}` } })).json().teams as { name: string; isDefault: boolean; sla: { medium: number } }[];
    expect(teams.filter((t) => t.isDefault).map((t) => t.name)).toEqual(['Technical']);
    expect(teams.find((t) => t.name === 'Technical')!.sla.medium).toBe(20);

    // An order question handed over now goes to Technical, the best "orders" match.
    const conv = (await s.app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} })).json();
    await s.app.inject({ method: 'POST', url: `/api/v1/conversations/${conv.id}/messages`, headers: { authorization: `Bearer ${conv.token}` }, payload: { text: 'where is my order? I want to talk to a real person' } });
    const handoffs = (await s.app.inject({ method: 'GET', url: '/api/v1/handoffs?status=waiting', headers: { authorization: `Bearer ${casey}` } })).json().handoffs as { conversationId: string; team: string }[];
    expect(handoffs.find((h) => h.conversationId === conv.id)!.team).toBe('Technical');
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { callbackDueJob } from '../jobs/callback-due.job.js';
import { freshPostgres, TEST_DATABASES } from './databases.js';
import { FakeClock } from './fakes.js';
import type { TestServer } from './test-server.js';
import { startTestServer } from './test-server.js';

// Saturday 21 November 2026, 22:00 UTC: the Support team (London, weekdays 09:00-17:00) is closed.
const SATURDAY_NIGHT = Date.parse('2026-11-21T22:00:00Z');
const LONDON_WEEKDAYS = {
  timeZone: 'Europe/London',
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '17:00' }]])),
  holidays: ['2026-12-25'],
};

describe.each(TEST_DATABASES)('after hours and callbacks on %s', (kind) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('offers a callback after hours, books it in the customer\'s zone, survives a restart, and queues it on time', async () => {
    const clock = new FakeClock(SATURDAY_NIGHT);
    // One database kept across the restart: a folder for PGlite, a fresh database for PostgreSQL.
    const dir = mkdtempSync(join(tmpdir(), 'baton-hours-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const pg = kind === 'postgres' ? await freshPostgres() : null;
    if (pg) cleanups.push(pg.drop);
    // The customer reads the conversation again on Monday, 35 hours on, with the default idle time
    // of 24 hours: the callback booked for Monday keeps their token.
    const env: Record<string, string> = pg ? { DATABASE_URL: pg.url } : { BATON_DATA_DIR: dir };
    let s: TestServer = await startTestServer('pglite', { env, clock: clock.now });
    const logins = s.logins;
    const admin = await s.login('casey');
    const inject = (method: string, url: string, token?: string, payload?: unknown) =>
      s.app.inject({ method: method as 'GET', url, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}), ...(payload !== undefined ? { payload: payload as object } : {}) });

    // Business hours are set in the settings, validated: a bad zone is refused with its field.
    const bad = await inject('PATCH', '/api/v1/teams/Support', admin, { hours: { ...LONDON_WEEKDAYS, timeZone: 'Mars/Olympus' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toMatch(/^hours\.timeZone/);
    expect((await inject('PATCH', '/api/v1/teams/Support', admin, { hours: LONDON_WEEKDAYS })).statusCode).toBe(200);

    const conv = (await inject('POST', '/api/v1/conversations', undefined, { customer: { name: 'Sarah Jones', email: 'sarah.jones@example.com' } })).json();
    const sent = await inject('POST', `/api/v1/conversations/${conv.id}/messages`, conv.token, { text: 'I would like to speak to a person please' });
    const replies = sent.json().replies as { text: string; action: string }[];
    expect(replies.map((r) => r.action)).toEqual(['escalate', 'offer_callback']);
    expect(replies[0]!.text).toMatch(/closed right now \(opens again: Mon 23 Nov, 09:00/);
    expect(replies[0]!.text).toContain(conv.caseNumber);

    // The choices: slots within the team's hours, shown in the customer's own zone.
    const options = (await inject('GET', `/api/v1/conversations/${conv.id}/callback-options?timeZone=America/New_York`, conv.token)).json();
    expect(options.timeZone).toBe('America/New_York');
    expect(options.slots[0].at).toBe('2026-11-23T09:00:00.000Z');
    expect(options.slots[0].label).toMatch(/Mon 23 Nov, 04:00 \(America\/New_York\)/);
    expect(options.email).toBe('sarah.jones@example.com');

    // A time that was not offered is refused, naming the field.
    const wrong = await inject('POST', `/api/v1/conversations/${conv.id}/callback`, conv.token, { kind: 'callback', at: '2026-11-22T03:00:00Z', phone: '+1 212 555 0100', timeZone: 'America/New_York' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.field).toBe('at');

    const booked = await inject('POST', `/api/v1/conversations/${conv.id}/callback`, conv.token, { kind: 'callback', at: options.slots[1].at, phone: '+1 212 555 0100', timeZone: 'America/New_York' });
    expect(booked.statusCode).toBe(201);
    expect(booked.json().confirmation).toBe(`Your callback is booked for Mon 23 Nov, 04:30 (America/New_York). Whoever calls will have our whole conversation in front of them. Your case number is ${conv.caseNumber}.`);
    const callbackId = booked.json().callback.id;
    const state = async () => (await inject('GET', `/api/v1/conversations/${conv.id}`, conv.token)).json();
    expect((await state()).conversation.status).toBe('callback');

    // The server restarts before Monday: the booking and its durable timer are still there.
    await s.stop();
    s = await startTestServer('pglite', { env, clock: clock.now });
    cleanups.push(() => s.close());
    // The queue runs on the app's clock: the job waits exactly as long as the app's clock has to
    // Monday 09:30 London, whatever the real date is today.
    const { rows: jobs } = await sql<{ startAfter: Date; createdOn: Date; state: string }>`select start_after, created_on, state from pgboss.job where name = 'callback-due' and data->>'callbackId' = ${callbackId}`.execute(s.ctx.db);
    expect(jobs).toHaveLength(1);
    expect(new Date(jobs[0]!.startAfter).getTime() - new Date(jobs[0]!.createdOn).getTime()).toBe(Date.parse('2026-11-23T09:30:00Z') - SATURDAY_NIGHT);
    expect(jobs[0]!.state).toBe('created');
    expect((await state()).conversation.status).toBe('callback');

    // Monday 09:30 London: the job fires (run here as pg-boss would), and the case enters the queue with its brief.
    clock.set('2026-11-23T09:30:00Z');
    await callbackDueJob(s.ctx, { callbackId, phase: 'due' });
    await callbackDueJob(s.ctx, { callbackId, phase: 'due' }); // a repeated run changes nothing
    const agentLogin = logins.find((l) => l.email.startsWith('alex'))!;
    const agent = (await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: agentLogin.email, password: agentLogin.password } })).json().token;
    const waiting = (await inject('GET', '/api/v1/handoffs?status=waiting', agent)).json().handoffs;
    const mine = waiting.find((h: { conversationId: string }) => h.conversationId === conv.id);
    expect(mine.brief.caseNumber).toBe(conv.caseNumber);
    expect((await state()).conversation.status).toBe('waiting');

    // Nobody picks it up: supervisors are alerted and the customer is told.
    clock.advance(20 * 60_000);
    await callbackDueJob(s.ctx, { callbackId, phase: 'check' });
    const events = await s.ctx.db.selectFrom('events').select('type').where('handoffId', '=', mine.id).orderBy('seq').execute();
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['callback.scheduled', 'callback.due', 'callback.missed']));
    const messages = (await inject('GET', `/api/v1/conversations/${conv.id}/messages`, conv.token)).json().messages as { action?: string; text: string }[];
    expect(messages.at(-1)!.action).toBe('callback_missed');
    expect(messages.at(-1)!.text).toContain('04:30 (America/New_York)');
  }, 90_000);
});

import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseAttachmentStore } from '../adapters/attachments/database-attachment-store.js';
import type { Database } from '../adapters/db/database.js';
import { migrate } from '../adapters/db/migrations.js';
import { openPgliteDatabase } from '../adapters/db/pglite-database.js';
import { listAgents } from '../adapters/db/repositories/agents.repository.js';
import { listTeams } from '../adapters/db/repositories/teams.repository.js';
import { findOrder, getCustomerProfile, listCustomers } from '../adapters/db/repositories/customers.repository.js';
import type { JobQueue } from '../adapters/jobs/job-queue.js';
import { createMemoryLimitStore } from '../adapters/limits/limit-store.js';
import { login } from '../app/agent-auth.js';
import { createLimiter } from '../app/limiter.js';
import type { AppContext } from '../app/context.js';
import { loadConfig } from '../config.js';
import { FakeClock, InMemoryBus } from '../test/fakes.js';
import { seedDemo } from './seed-demo.js';

const NOW = new Date('2026-03-10T11:30:00Z');
const DAY = 86_400_000;

function unused(name: string): () => never {
  return () => {
    throw new Error(`the demo seed must not use ctx.${name}`);
  };
}

function buildContext(db: Database, jobCalls: unknown[]): AppContext {
  const jobs: JobQueue = {
    schedule: async (...args) => {
      jobCalls.push(args);
    },
    work: async () => {},
    stop: async () => {},
  };
  return {
    db,
    bus: new InMemoryBus(),
    jobs,
    // The lowest password cost keeps the test quick; the default (2^17) has its own test.
    config: loadConfig({ BATON_PASSWORD_COST: '14' }),
    limiter: createLimiter(createMemoryLimitStore(), loadConfig({}).limits, loadConfig({}).lockout),
    log: () => {},
    attachments: createDatabaseAttachmentStore(db),
    clock: new FakeClock(NOW).now,
    newId: () => randomUUID(),
    encoder: null,
    engine: unused('engine'),
    setEngine: unused('setEngine'),
    policyVersion: unused('policyVersion'),
    articles: unused('articles'),
  };
}

async function snapshot(db: Database): Promise<string> {
  const tables = ['teams', 'agents', 'agent_teams', 'customers', 'orders', 'tickets', 'events'];
  const out: Record<string, unknown> = {};
  for (const t of tables) out[t] = (await sql`select * from ${sql.table(t)} order by 1, 2`.execute(db)).rows;
  return JSON.stringify(out);
}

describe('seedDemo', () => {
  let db: Database;
  let ctx: AppContext;
  const jobCalls: unknown[] = [];
  const lines: string[] = [];
  let first: Awaited<ReturnType<typeof seedDemo>>;

  beforeAll(async () => {
    db = await openPgliteDatabase(null);
    await migrate(db, () => {}, { clock: new FakeClock(NOW).now });
    ctx = buildContext(db, jobCalls);
    first = await seedDemo(ctx, { now: NOW, log: (l) => lines.push(l) });
  }, 60_000);

  afterAll(async () => {
    await db?.close();
  });

  it('creates the three teams, Support the default, with the demo SLA and no hours', async () => {
    const teams = await listTeams(db);
    expect(teams.map((t) => t.name).sort()).toEqual(['Billing', 'Support', 'Technical']);
    for (const t of teams) {
      expect(t.sla).toEqual({ critical: 5, high: 15, medium: 30, low: 120 });
      expect(t.hours).toBeUndefined();
    }
    const support = teams.find((t) => t.name === 'Support')!;
    expect(support.isDefault).toBe(true);
    expect(teams.filter((t) => t.isDefault)).toHaveLength(1);
    const skill = (name: string, kind: string, value: string) =>
      teams.find((t) => t.name === name)?.skills.find((s) => s.kind === kind && s.value === value)?.proficiency ?? 0;
    for (const lang of ['en', 'es', 'fr', 'de']) expect(skill('Support', 'language', lang)).toBeGreaterThan(0);
    expect(skill('Support', 'language', 'en')).toBeGreaterThan(skill('Support', 'language', 'de'));
    expect(skill('Billing', 'category', 'billing')).toBeGreaterThan(0);
    expect(skill('Billing', 'category', 'security')).toBeGreaterThan(0);
    expect(skill('Technical', 'category', 'technical')).toBeGreaterThan(0);
  });

  it('creates the five agents with their roles, teams and presence, and returns their logins', async () => {
    const agents = await listAgents(db);
    const teams = new Map((await listTeams(db)).map((t) => [t.id, t.name]));
    const view = agents.map((a) => ({ email: a.email, name: a.name, role: a.role, presence: a.presence, teams: a.teamIds.map((id) => teams.get(id)).sort() }));
    expect(view).toEqual([
      { email: 'alex@northwind.example', name: 'Alex Morgan', role: 'agent', presence: 'online', teams: ['Support'] },
      { email: 'casey@northwind.example', name: 'Casey Admin', role: 'admin', presence: 'offline', teams: [] },
      { email: 'jordan@northwind.example', name: 'Jordan Reyes', role: 'supervisor', presence: 'online', teams: ['Billing', 'Support', 'Technical'] },
      { email: 'priya@northwind.example', name: 'Priya Shah', role: 'agent', presence: 'online', teams: ['Billing'] },
      { email: 'sam@northwind.example', name: 'Sam Lee', role: 'agent', presence: 'online', teams: ['Technical'] },
    ]);
    expect(first.logins.map((l) => l.email).sort()).toEqual(agents.map((a) => a.email));
    const passwords = first.logins.map((l) => l.password);
    expect(new Set(passwords).size).toBe(passwords.length);
    for (const p of passwords) expect(p).toMatch(/^[A-Za-z0-9_-]{12,}$/);
    expect(first.logins.find((l) => l.email === 'alex@northwind.example')).toMatchObject({ name: 'Alex Morgan', role: 'agent', team: 'Support' });
  });

  it('gives each agent a password that works with login, and only that one', async () => {
    for (const l of first.logins) {
      const session = await login(ctx, l.email, l.password, '127.0.0.1');
      expect(session.agent.email).toBe(l.email);
      expect(session.token.length).toBeGreaterThan(10);
    }
    await expect(login(ctx, 'alex@northwind.example', 'not-the-password', '127.0.0.1')).rejects.toMatchObject({ code: 'AUTH_ERR_BAD_CREDENTIALS' });
  });

  it("creates Sarah with order 4821, dated relative to now", async () => {
    const found = await findOrder(db, '#4821');
    expect(found?.customerId).toBe('cus-sarah');
    const o = found!.order;
    expect(o).toMatchObject({
      status: 'dispatched',
      carrier: 'Royal Mail',
      trackingNumber: 'RM482100019GB',
      total: { amount: 89.99, currency: 'GBP' },
      items: ['Cast iron casserole dish 24cm'],
    });
    expect(o.placedAt).toBe(new Date(NOW.getTime() - 30 * DAY).toISOString());
    expect(o.dispatchedAt).toBe(new Date(NOW.getTime() - 28 * DAY).toISOString());
    expect(o.lastScanAt).toBe(new Date(NOW.getTime() - 21 * DAY).toISOString());

    const sarah = await getCustomerProfile(db, 'cus-sarah');
    expect(sarah).toMatchObject({ name: 'Sarah Jones', email: 'sarah.jones@example.com', tier: 'standard', accountId: 'AC-1001', since: '2023-02-11' });
    expect(sarah!.orders!.map((x) => [x.id, x.status])).toEqual([
      ['4821', 'dispatched'],
      ['4377', 'delivered'],
    ]);
  });

  it('creates more customers: a VIP with orders and one with a ticket in the last 30 days', async () => {
    const customers = await listCustomers(db);
    expect(customers.length).toBeGreaterThanOrEqual(4);
    const profiles = await Promise.all(customers.map((c) => getCustomerProfile(db, c.id)));
    const vip = profiles.find((p) => p?.tier === 'vip');
    expect(vip?.name).toBe('Daniel Okafor');
    expect(vip?.orders?.length).toBeGreaterThan(0);
    const recent = profiles.filter((p) => p?.tickets?.some((t) => NOW.getTime() - Date.parse(t.createdAt) < 30 * DAY));
    expect(recent.length).toBeGreaterThanOrEqual(1);
    for (const p of profiles) for (const o of p?.orders ?? []) expect(Date.parse(o.placedAt!)).toBeLessThanOrEqual(NOW.getTime());
  });

  it('schedules no jobs', () => {
    expect(jobCalls).toEqual([]);
  });

  it('changes nothing on a second run, even a day later, and says how to add an agent', async () => {
    const before = await snapshot(db);
    lines.length = 0;
    const second = await seedDemo(ctx, { now: new Date(NOW.getTime() + DAY), log: (l) => lines.push(l) });
    expect(second.logins).toEqual([]);
    expect(await snapshot(db)).toBe(before);
    expect(lines.join('\n')).toMatch(/already there/);
    expect(lines.join('\n')).toMatch(/npx baton agent add/);
    // The first run's passwords still work.
    const alex = first.logins.find((l) => l.email === 'alex@northwind.example')!;
    await expect(login(ctx, alex.email, alex.password, '127.0.0.1')).resolves.toMatchObject({ agent: { email: alex.email } });
  });
});

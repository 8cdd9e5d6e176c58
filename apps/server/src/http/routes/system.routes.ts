import { ZMetricsQuerySchema } from '@baton/contracts';
import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import { getTeamByName } from '../../adapters/db/repositories/agents.repository.js';
import type { AppContext } from '../../app/context.js';
import { handoffMetrics } from '../../app/handoff-metrics.js';
import { durationHistograms } from '../../app/metrics/prometheus-histograms.js';
import { requireAgent } from '../auth.js';
import { openApiDocument } from '../openapi.js';
import { parse } from '../parse.js';
import { omitToken } from './conversations.routes.js';

export function systemRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/healthz', async (_req, reply) => {
    try {
      await ctx.db.query('select 1');
      return { status: 'ok', database: ctx.db.kind, policyVersion: ctx.policyVersion() };
    } catch (err) {
      reply.code(503);
      return { status: 'error', error: (err as Error).message };
    }
  });

  app.get('/openapi.json', async () => openApiDocument());

  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'baton_' });
  new client.Gauge({
    name: 'baton_conversations',
    help: 'Conversations by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await ctx.db.query<{ status: string; n: number }>('select status, count(*)::int as n from conversations group by status')) this.set({ status: r.status }, Number(r.n));
    },
  });
  new client.Gauge({
    name: 'baton_handoffs_waiting',
    help: 'Handoffs waiting for an agent, by priority',
    labelNames: ['priority'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await ctx.db.query<{ priority: string; n: number }>(`select priority, count(*)::int as n from handoffs where status = 'waiting' group by priority`)) this.set({ priority: r.priority }, Number(r.n));
    },
  });
  new client.Gauge({
    name: 'baton_handoffs_waiting_oldest_seconds',
    help: 'Age of the oldest handoff waiting for an agent, by priority',
    labelNames: ['priority'],
    registers: [registry],
    async collect() {
      this.reset();
      const now = ctx.clock();
      for (const r of await ctx.db.query<{ priority: string; oldest: Date | string }>(`select priority, min(created_at) as oldest from handoffs where status = 'waiting' group by priority`)) {
        this.set({ priority: r.priority }, Math.max(0, (now.getTime() - new Date(r.oldest).getTime()) / 1000));
      }
    },
  });
  // Counters read from the database: rows only ever grow, so the values only ever grow, and every
  // node reports the same totals (no per-process state to lose on restart).
  new client.Counter({
    name: 'baton_handoffs_total',
    help: 'Handoffs requested, by reason code (a handoff with two reasons counts under both)',
    labelNames: ['reason'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await ctx.db.query<{ reason: string; n: number }>(`select r->>'code' as reason, count(*)::int as n from handoffs h, jsonb_array_elements(h.reasons) r group by 1`)) {
        if (Number(r.n) > 0) this.inc({ reason: r.reason }, Number(r.n));
      }
    },
  });
  new client.Counter({
    name: 'baton_handoffs_resolved_total',
    help: 'Handoffs resolved, by outcome and the agent verdict',
    labelNames: ['outcome', 'verdict'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await ctx.db.query<{ outcome: string | null; verdict: string | null; n: number }>(
        `select resolution->>'outcome' as outcome, resolution->>'verdict' as verdict, count(*)::int as n from handoffs where status = 'resolved' group by 1, 2`,
      )) {
        if (Number(r.n) > 0) this.inc({ outcome: r.outcome ?? 'none', verdict: r.verdict ?? 'none' }, Number(r.n));
      }
    },
  });
  new client.Counter({
    name: 'baton_quality_flags_total',
    help: 'Redundant asks, customer repeats and repeat escalations detected',
    labelNames: ['kind'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await ctx.db.query<{ kind: string; n: number }>('select kind, count(*)::int as n from quality_flags group by kind')) {
        if (Number(r.n) > 0) this.inc({ kind: r.kind }, Number(r.n));
      }
    },
  });
  new client.Gauge({
    name: 'baton_agents_online',
    help: 'Agents online',
    registers: [registry],
    async collect() {
      const [r] = await ctx.db.query<{ n: number }>(`select count(*)::int as n from agents where presence = 'online'`);
      this.set(Number(r?.n ?? 0));
    },
  });
  new client.Gauge({
    name: 'baton_events_last_seq',
    help: 'The last event sequence number',
    registers: [registry],
    async collect() {
      const [r] = await ctx.db.query<{ seq: number }>('select seq from event_counter where id = 1');
      this.set(Number(r?.seq ?? 0));
    },
  });
  app.get('/metrics', async (_req, reply) => {
    reply.header('content-type', registry.contentType);
    return (await registry.metrics()) + (await durationHistograms(ctx.db));
  });

  app.get('/api/v1/metrics/handoffs', async (req) => {
    await requireAgent(ctx, req);
    const q = parse(ZMetricsQuerySchema, omitToken(req.query), 'query');
    const team = q.team ? await getTeamByName(ctx.db, q.team) : null;
    return handoffMetrics(ctx.db, {
      ...(q.from ? { from: new Date(q.from) } : {}),
      ...(q.to ? { to: new Date(q.to) } : {}),
      ...(team ? { teamId: team.id } : q.team ? { teamId: q.team } : {}),
      ...(q.channel ? { channel: q.channel } : {}),
    }, ctx.clock());
  });
}

import { ZMetricsQuerySchema } from '@baton/contracts';
import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import { getTeamByName } from '../../adapters/db/repositories/agents.repository.js';
import type { AppContext } from '../../app/context.js';
import { handoffMetrics } from '../../app/handoff-metrics.js';
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
    return registry.metrics();
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
    });
  });
}

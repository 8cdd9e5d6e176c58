import { createHash, timingSafeEqual } from 'node:crypto';
import { ZErrorSchema, ZHealthOkSchema } from '@baton/contracts';
import type { FastifyPluginAsync } from 'fastify';
import client from 'prom-client';
import { lastEventSeq } from '../../adapters/db/repositories/events.repository.js';
import { agentsOnline, conversationsByStatus, handoffsByReason, pingDatabase, qualityFlagsByKind, resolvedByOutcome, waitingHandoffsByPriority } from '../../adapters/db/repositories/metrics.repository.js';
import { countDeadLetters } from '../../adapters/db/repositories/dead-letters.repository.js';
import { BOT_FAILURE_KINDS } from '../../adapters/bot/bot-client.js';
import type { AppContext } from '../../app/context.js';
import { DomainError } from '../../errors.js';
import { LIMITS } from '../../limits.js';
import { bearer } from '../auth.js';
import { durationHistograms } from '../../app/metrics/prometheus-histograms.js';
import { llmSeries } from '../../app/metrics/llm-series.js';

/** Outside `/api/v1`: liveness and the OpenAPI document, open to all; Prometheus, behind a token. */
export const systemRoutes: FastifyPluginAsync<{
  ctx: AppContext;
  /** True once the node is shutting down (readiness fails, liveness does not). */
  stopping: () => boolean;
  openApi: () => Record<string, unknown>;
  /** Receives the metrics renderer, for the separate metrics port (main.ts). */
  serveMetrics?: (render: () => Promise<string>, contentType: string) => void;
}> = async (app, { ctx, stopping, openApi, serveMetrics }) => {
  // Ok or not ok, nothing more: the reason (a database error naming hosts and users) goes to the log.
  const databaseAnswers = async (check: string) => {
    try {
      await pingDatabase(ctx.db);
    } catch (err) {
      ctx.log('error', `${check}: the database does not answer`, { error: (err as Error).message });
      throw new DomainError('HEALTH_ERR_UNAVAILABLE', 'not ok');
    }
    return { status: 'ok' as const, policyVersion: ctx.policyVersion() };
  };
  app.get('/healthz', { schema: { summary: 'Liveness and database check: 200 {status:"ok"}, or 503 HEALTH_ERR_UNAVAILABLE', response: { 200: ZHealthOkSchema, 503: ZErrorSchema } } }, async () => databaseAnswers('health check'));

  // Readiness, for a load balancer: not ready while shutting down (in-flight work drains
  // meanwhile) or without the database; liveness (/healthz) stays ok while the node drains.
  app.get('/readyz', { schema: { summary: 'Readiness: 200 {status:"ok"}; 503 SERVER_ERR_STOPPING while the node drains, HEALTH_ERR_UNAVAILABLE without its database', response: { 200: ZHealthOkSchema, 503: ZErrorSchema } } }, async () => {
    if (stopping()) throw new DomainError('SERVER_ERR_STOPPING', 'this node is shutting down');
    return databaseAnswers('readiness check');
  });

  app.get('/openapi.json', async () => openApi());

  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'baton_' });
  // Per node, since the start: every limit shows, at 0 until it first refuses someone.
  new client.Counter({
    name: 'baton_rate_limited_total',
    help: 'Requests, connections and logins refused by a limit on this node, by limit (BATON_LIMIT_*; login.lockout for lockouts)',
    labelNames: ['limit'],
    registers: [registry],
    collect() {
      this.reset();
      const refused = ctx.limiter.rejections();
      for (const name of [...Object.keys(LIMITS), 'login.lockout']) this.inc({ limit: name }, refused.get(name) ?? 0);
    },
  });
  // Per node, since the start: the bot's failures, each answered by the embedded engine or a handoff.
  new client.Counter({
    name: 'baton_bot_failures_total',
    help: 'Calls to the external bot (BATON_BOT_URL) that failed on this node, by kind: unreachable, timeout, http_status, invalid_reply, refused',
    labelNames: ['kind'],
    registers: [registry],
    collect() {
      this.reset();
      if (!ctx.bot) return;
      const failed = ctx.bot.failures();
      for (const kind of BOT_FAILURE_KINDS) this.inc({ kind }, failed.get(kind) ?? 0);
    },
  });
  new client.Gauge({
    name: 'baton_conversations',
    help: 'Conversations by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await conversationsByStatus(ctx.db)) this.set({ status: r.status }, r.n);
    },
  });
  new client.Gauge({
    name: 'baton_handoffs_waiting',
    help: 'Handoffs waiting for an agent, by priority',
    labelNames: ['priority'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await waitingHandoffsByPriority(ctx.db)) this.set({ priority: r.priority }, r.n);
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
      for (const r of await waitingHandoffsByPriority(ctx.db)) {
        this.set({ priority: r.priority }, Math.max(0, (now.getTime() - r.oldest.getTime()) / 1000));
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
      for (const r of await handoffsByReason(ctx.db)) {
        if (r.n > 0) this.inc({ reason: r.reason }, r.n);
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
      for (const r of await resolvedByOutcome(ctx.db)) {
        if (r.n > 0) this.inc({ outcome: r.outcome ?? 'none', verdict: r.verdict ?? 'none' }, r.n);
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
      for (const r of await qualityFlagsByKind(ctx.db)) {
        if (r.n > 0) this.inc({ kind: r.kind }, r.n);
      }
    },
  });
  new client.Gauge({
    name: 'baton_agents_online',
    help: 'Agents online: set online, with the workspace open (within BATON_PRESENCE_GRACE_SECONDS)',
    registers: [registry],
    async collect() {
      this.set(await agentsOnline(ctx.db, new Date(ctx.clock().getTime() - ctx.config.presenceGraceSeconds * 1000)));
    },
  });
  new client.Gauge({
    name: 'baton_events_last_seq',
    help: 'The last event sequence number',
    registers: [registry],
    async collect() {
      this.set(await lastEventSeq(ctx.db));
    },
  });
  new client.Gauge({
    name: 'baton_listener_dead_letters',
    help: 'Events a listener failed to handle, by listener and status (retrying, dead, replayed); alert on dead > 0',
    labelNames: ['listener', 'status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await countDeadLetters(ctx.db)) this.set({ listener: r.listener, status: r.status }, r.n);
    },
  });
  const metrics = async () => (await registry.metrics()) + (await durationHistograms(ctx.db)) + (ctx.config.llm ? await llmSeries(ctx.db, ctx.config.llm.price) : '');
  // Not public: with BATON_METRICS_TOKEN, a bearer token; otherwise only on the separate metrics port.
  app.get('/metrics', { schema: { summary: 'Prometheus metrics (Authorization: Bearer BATON_METRICS_TOKEN)' } }, async (req, reply) => {
    if (!ctx.config.metricsToken) throw new DomainError('METRICS_ERR_OFF', 'metrics are not served on this port: set BATON_METRICS_TOKEN, or BATON_METRICS_PORT for a separate port');
    checkMetricsToken(bearer(req), ctx.config.metricsToken);
    reply.header('content-type', registry.contentType);
    return metrics();
  });
  serveMetrics?.(metrics, registry.contentType);
};

/** Constant-time check of the metrics bearer token (hashed first, so lengths never leak). */
function checkMetricsToken(given: string | null, token: string): void {
  if (!given) throw new DomainError('AUTH_ERR_MISSING_TOKEN', '/metrics needs Authorization: Bearer <BATON_METRICS_TOKEN>');
  const digest = (s: string) => createHash('sha256').update(s).digest();
  if (!timingSafeEqual(digest(given), digest(token))) throw new DomainError('AUTH_ERR_INVALID_TOKEN', 'the metrics token does not match');
}

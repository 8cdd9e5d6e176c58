import { ZHandoffMetricsSchema, ZIdParamsSchema, ZKbGapsReportSchema, ZLearningReportSchema, ZMetricsQuerySchema, ZRecurringEscalationsReportSchema, ZRedundancyCheckResponseSchema } from '@baton/contracts';
import { z } from 'zod';
import { getTeamByName } from '../../adapters/db/repositories/teams.repository.js';
import { handoffMetrics } from '../../app/handoff-metrics.js';
import { checkRedundancy } from '../../app/metrics/check-redundancy.js';
import { kbGapsMarkdown } from '../../app/reports/kb-gaps-markdown.js';
import { kbGapsReport } from '../../app/reports/kb-gaps-report.js';
import { learningReport } from '../../app/reports/learning-report.js';
import { recurringEscalationsReport } from '../../app/reports/recurring-escalations-report.js';
import { reportPeriod } from '../../app/reports/report-period.js';
import type { ApiPlugin, ZodTypeProvider } from '../zod-schemas.js';
import { maskForChannel } from '../../app/privacy/mask-for-channel.js';

/** The learning-loop reports' query: a period (default the last 30 days) and each report's knob. */
export const ZReportQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** kb-gaps: the confidence under which an answer counts as a gap, 0..1. */
  threshold: z.coerce.number().min(0).max(1).optional(),
  /** recurring-escalations: the smallest group reported. */
  minCount: z.coerce.number().int().min(1).max(1000).optional(),
});

/** `POST /conversations/:id/redundancy-check`: the composer's draft. */
export const ZRedundancyCheckSchema = z.strictObject({ text: z.string().min(1).max(10_000) });

/**
 * The learning loop (DESIGN §8), for supervisors: KB gaps (JSON, and Markdown drafts),
 * recurring escalations, and the reason / resolution / verdict tallies. Also the handoff metrics
 * and the composer's redundancy check, for any agent.
 */
export const reportRoutes: ApiPlugin = async (instance, { ctx }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const supervisor = { role: 'supervisor' } as const;
  const period = (q: z.output<typeof ZReportQuerySchema>) => reportPeriod(q, ctx.clock());
  // Reports quote customers (KB-gap examples) and leave as files: BATON_PII_MASK_EXPORT applies.
  const exported = async <T>(report: Promise<T>): Promise<T> => maskForChannel(ctx.config, 'export', await report);
  const threshold = (q: z.output<typeof ZReportQuerySchema>) => (q.threshold !== undefined ? { threshold: q.threshold } : {});

  app.get('/reports/kb-gaps', { config: supervisor, schema: { summary: 'KB gaps: unanswered questions clustered into draft articles', querystring: ZReportQuerySchema, response: { 200: ZKbGapsReportSchema } } }, async (req) =>
    exported(kbGapsReport(ctx.db, period(req.query), threshold(req.query))),
  );

  app.get('/reports/kb-gaps.md', { config: supervisor, schema: { summary: 'KB-gap draft articles as one Markdown bundle', querystring: ZReportQuerySchema } }, async (req, reply) => {
    const report = await exported(kbGapsReport(ctx.db, period(req.query), threshold(req.query)));
    reply.header('content-type', 'text/markdown; charset=utf-8');
    reply.header('content-disposition', 'inline; filename="kb-gaps.md"');
    return kbGapsMarkdown(report);
  });

  app.get('/reports/recurring-escalations', { config: supervisor, schema: { summary: 'Escalations recurring by reason and topic, with trend', querystring: ZReportQuerySchema, response: { 200: ZRecurringEscalationsReportSchema } } }, async (req) =>
    exported(recurringEscalationsReport(ctx.db, period(req.query), req.query.minCount !== undefined ? { minCount: req.query.minCount } : {})),
  );

  app.get('/reports/learning', { config: supervisor, schema: { summary: 'Reason codes, resolution categories and verdicts', querystring: ZReportQuerySchema, response: { 200: ZLearningReportSchema } } }, async (req) =>
    exported(learningReport(ctx.db, period(req.query))),
  );

  app.get('/metrics/handoffs', { schema: { summary: 'Handoff metrics', querystring: ZMetricsQuerySchema, response: { 200: ZHandoffMetricsSchema } } }, async (req) => {
    const q = req.query;
    const team = q.team ? await getTeamByName(ctx.db, q.team) : null;
    return handoffMetrics(ctx.db, {
      ...(q.from ? { from: new Date(q.from) } : {}),
      ...(q.to ? { to: new Date(q.to) } : {}),
      ...(team ? { teamId: team.id } : q.team ? { teamId: q.team } : {}),
      ...(q.channel ? { channel: q.channel } : {}),
    }, ctx.clock());
  });

  app.post('/conversations/:id/redundancy-check', {
    schema: { summary: 'Does a draft ask for what the brief already holds? (composer warning)', params: ZIdParamsSchema, body: ZRedundancyCheckSchema, response: { 200: ZRedundancyCheckResponseSchema } },
  }, async (req) => checkRedundancy(ctx, req.params.id, req.body.text));
};

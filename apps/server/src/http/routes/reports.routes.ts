import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { checkRedundancy } from '../../app/metrics/check-redundancy.js';
import { kbGapsMarkdown } from '../../app/reports/kb-gaps-markdown.js';
import { kbGapsReport } from '../../app/reports/kb-gaps-report.js';
import { learningReport } from '../../app/reports/learning-report.js';
import { recurringEscalationsReport } from '../../app/reports/recurring-escalations-report.js';
import { reportPeriod } from '../../app/reports/report-period.js';
import { requireAgent } from '../auth.js';
import { parse } from '../parse.js';
import { omitToken } from './conversations.routes.js';

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
 * recurring escalations, and the reason / resolution / verdict tallies. Also the composer's
 * redundancy check, for any agent.
 */
export function reportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const query = (q: unknown) => {
    const parsed = parse(ZReportQuerySchema, omitToken(q), 'query');
    return { parsed, period: reportPeriod(parsed, ctx.clock()) };
  };

  app.get('/api/v1/reports/kb-gaps', async (req) => {
    await requireAgent(ctx, req, 'supervisor');
    const { parsed, period } = query(req.query);
    return kbGapsReport(ctx.db, period, parsed.threshold !== undefined ? { threshold: parsed.threshold } : {});
  });

  app.get('/api/v1/reports/kb-gaps.md', async (req, reply) => {
    await requireAgent(ctx, req, 'supervisor');
    const { parsed, period } = query(req.query);
    const report = await kbGapsReport(ctx.db, period, parsed.threshold !== undefined ? { threshold: parsed.threshold } : {});
    reply.header('content-type', 'text/markdown; charset=utf-8');
    reply.header('content-disposition', 'inline; filename="kb-gaps.md"');
    return kbGapsMarkdown(report);
  });

  app.get('/api/v1/reports/recurring-escalations', async (req) => {
    await requireAgent(ctx, req, 'supervisor');
    const { parsed, period } = query(req.query);
    return recurringEscalationsReport(ctx.db, period, parsed.minCount !== undefined ? { minCount: parsed.minCount } : {});
  });

  app.get('/api/v1/reports/learning', async (req) => {
    await requireAgent(ctx, req, 'supervisor');
    return learningReport(ctx.db, query(req.query).period);
  });

  app.post<{ Params: { id: string } }>('/api/v1/conversations/:id/redundancy-check', async (req) => {
    await requireAgent(ctx, req);
    const body = parse(ZRedundancyCheckSchema, req.body, 'body');
    return checkRedundancy(ctx, req.params.id, body.text);
  });
}

import { ZPolicyPreviewSchema, ZPutPolicySchema } from '@baton/contracts';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app/context.js';
import { currentPolicy, policyHistory, updatePolicy } from '../../app/policy-settings.js';
import { previewPolicy } from '../../app/policy-preview.js';
import { requireAgent } from '../auth.js';
import { parse } from '../parse.js';

export function policyRoutes(app: FastifyInstance, ctx: AppContext, fileInput: () => unknown): void {
  app.get('/api/v1/policy', async (req) => {
    await requireAgent(ctx, req);
    const p = await currentPolicy(ctx.db, fileInput() as never);
    return { version: p.version, policy: p.policy, input: p.input };
  });

  app.get('/api/v1/policy/versions', async (req) => {
    await requireAgent(ctx, req, 'supervisor');
    const versions = await policyHistory(ctx.db);
    return { versions: versions.map((v) => ({ version: v.version, createdBy: v.createdBy, createdAt: v.createdAt.toISOString(), policy: v.value })) };
  });

  // "Preview this change": the stored conversations replayed through the current and the proposed policy.
  app.post('/api/v1/policy/preview', async (req) => {
    await requireAgent(ctx, req, 'supervisor');
    const body = parse(ZPolicyPreviewSchema, req.body, 'body');
    return previewPolicy(ctx, body.policy, { ...(body.from ? { from: new Date(body.from) } : {}), ...(body.to ? { to: new Date(body.to) } : {}), ...(body.limit ? { limit: body.limit } : {}) });
  });

  app.put('/api/v1/policy', async (req) => {
    const agent = await requireAgent(ctx, req, 'admin');
    const body = parse(ZPutPolicySchema, req.body, 'body');
    const r = await updatePolicy(ctx, agent.email, body.policy, body.version);
    return { version: r.version, policy: r.policy };
  });
}

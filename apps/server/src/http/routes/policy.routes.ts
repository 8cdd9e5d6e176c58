import { ZPolicyPreviewResponseSchema, ZPolicyPreviewSchema, ZPolicyResponseSchema, ZPolicyVersionsResponseSchema, ZPutPolicyResponseSchema, ZPutPolicySchema } from '@baton/contracts';
import { currentPolicy, policyHistory, policySource, updatePolicy } from '../../app/policy-settings.js';
import { previewPolicy } from '../../app/policy-preview.js';
import type { ApiPlugin, ZodTypeProvider } from '../zod-schemas.js';

/** The escalation policy: read by agents, previewed by supervisors, saved by admins. */
export const policyRoutes: ApiPlugin<{ fileInput: () => unknown }> = async (instance, { ctx, fileInput }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();

  app.get('/policy', { schema: { summary: 'The escalation policy in force, with its version', response: { 200: ZPolicyResponseSchema } } }, async () => {
    const p = await currentPolicy(ctx.db, fileInput() as never);
    return { version: p.version, policy: p.policy, input: p.input, source: policySource(p.version, ctx.config.policyFile ?? null) };
  });

  app.get('/policy/versions', { config: { role: 'supervisor' }, schema: { summary: 'Every saved policy version', response: { 200: ZPolicyVersionsResponseSchema } } }, async () => {
    const versions = await policyHistory(ctx.db);
    return { versions: versions.map((v) => ({ version: v.version, createdBy: v.createdBy, createdAt: v.createdAt.toISOString(), policy: v.value })) };
  });

  // "Preview this change": the stored conversations replayed through the current and the proposed policy.
  app.post('/policy/preview', {
    config: { role: 'supervisor' },
    schema: { summary: 'Preview a policy change: stored conversations replayed through the current and the proposed policy', body: ZPolicyPreviewSchema, response: { 200: ZPolicyPreviewResponseSchema } },
  }, async (req) => {
    const body = req.body;
    return previewPolicy(ctx, body.policy, { ...(body.from ? { from: new Date(body.from) } : {}), ...(body.to ? { to: new Date(body.to) } : {}), ...(body.limit ? { limit: body.limit } : {}) });
  });

  app.put('/policy', { config: { role: 'admin' }, schema: { summary: 'Save a new policy version (validated; 409 on a stale version)', body: ZPutPolicySchema, response: { 200: ZPutPolicyResponseSchema } } }, async (req) => {
    const r = await updatePolicy(ctx, req.agent.email, req.body.policy, req.body.version);
    return { version: r.version, policy: r.policy };
  });
};

import { ZEmailPreviewResponseSchema, ZEmailTemplateParamsSchema, ZEmailTemplatesResponseSchema, ZPreviewEmailTemplateSchema, ZPutEmailTemplateSchema } from '@baton/contracts';
import { listEmailTemplates, previewEmailTemplate, saveEmailTemplate } from '../../app/email/manage-email-templates.js';
import type { ApiPlugin, ZodTypeProvider } from '../zod-schemas.js';

/** The wording of the mails customers receive, per kind and language: an admin's to change. */
export const emailTemplateRoutes: ApiPlugin = async (instance, { ctx }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const admin = { role: 'admin' as const };

  app.get('/admin/email-templates', { config: admin, schema: { summary: 'The customer mail templates in force, per kind and language', response: { 200: ZEmailTemplatesResponseSchema } } }, async () => listEmailTemplates(ctx));

  app.put('/admin/email-templates/:kind/:language', {
    config: admin,
    schema: { summary: 'Change one mail template (null: back to the default)', params: ZEmailTemplateParamsSchema, body: ZPutEmailTemplateSchema, response: { 200: ZEmailTemplatesResponseSchema } },
  }, async (req) => saveEmailTemplate(ctx, req.agent.id, req.params.kind, req.params.language, req.body.template));

  app.post('/admin/email-templates/preview', {
    config: admin,
    schema: { summary: 'A mail template rendered with sample values, as text and HTML', body: ZPreviewEmailTemplateSchema, response: { 200: ZEmailPreviewResponseSchema } },
  }, async (req) => previewEmailTemplate(ctx, req.body.kind, req.body.language, req.body.template));
};

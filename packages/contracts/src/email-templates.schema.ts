import { z } from 'zod';

/** The mails a customer receives that an admin can reword: a conversation message (with its queue and handoff notices) and the handoff confirmation. */
export const EMAIL_TEMPLATE_KINDS = ['message', 'handoff_confirmation', 'verification_code'] as const;
export type TEmailTemplateKind = (typeof EMAIL_TEMPLATE_KINDS)[number];

/** The languages every template has a default in; a customer in another language gets English. */
export const EMAIL_TEMPLATE_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it'] as const;
export type TEmailTemplateLanguage = (typeof EMAIL_TEMPLATE_LANGUAGES)[number];

/**
 * One template: a subject, a plain-text body and an HTML body, with `{{variables}}` such as
 * `{{case}}` and `{{customer.name}}`. Every variable is escaped in the HTML body.
 */
export const ZEmailTemplateSchema = z.strictObject({
  subject: z.string().trim().min(1).max(300),
  text: z.string().min(1).max(20_000),
  html: z.string().min(1).max(50_000),
});
export type TEmailTemplate = z.infer<typeof ZEmailTemplateSchema>;

/** `GET /admin/email-templates`: each kind and language, the template in force and whether an admin changed it. */
export const ZEmailTemplatesResponseSchema = z.object({
  version: z.number().int(),
  variables: z.record(z.string(), z.array(z.string())),
  templates: z.array(z.object({ kind: z.enum(EMAIL_TEMPLATE_KINDS), language: z.enum(EMAIL_TEMPLATE_LANGUAGES), template: ZEmailTemplateSchema, custom: z.boolean() })),
});
export type TEmailTemplatesResponse = z.infer<typeof ZEmailTemplatesResponseSchema>;

/** `PUT /admin/email-templates/:kind/:language`: a new wording; `null` goes back to the default. */
export const ZEmailTemplateParamsSchema = z.object({ kind: z.enum(EMAIL_TEMPLATE_KINDS), language: z.enum(EMAIL_TEMPLATE_LANGUAGES) });
export const ZPutEmailTemplateSchema = z.strictObject({ template: ZEmailTemplateSchema.nullable() });

/** `POST /admin/email-templates/preview`: a template (saved or not) rendered with sample values, as the customer would get it. */
export const ZPreviewEmailTemplateSchema = z.strictObject({ kind: z.enum(EMAIL_TEMPLATE_KINDS), language: z.enum(EMAIL_TEMPLATE_LANGUAGES), template: ZEmailTemplateSchema.optional() });
export const ZEmailPreviewResponseSchema = z.object({ subject: z.string(), text: z.string(), html: z.string() });
export type TEmailPreview = z.infer<typeof ZEmailPreviewResponseSchema>;

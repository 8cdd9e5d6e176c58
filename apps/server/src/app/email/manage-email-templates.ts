import type { TEmailPreview, TEmailTemplate, TEmailTemplateKind, TEmailTemplateLanguage, TEmailTemplatesResponse } from '@baton/contracts';
import { EMAIL_TEMPLATE_KINDS, EMAIL_TEMPLATE_LANGUAGES } from '@baton/contracts';
import { insertSettingVersion } from '../../adapters/db/repositories/settings.repository.js';
import { DomainError } from '../../errors.js';
import type { AppContext } from '../context.js';
import { TEMPLATE_VARIABLES } from './email-template-defaults.js';
import type { EmailTemplateOverrides } from './email-templates.js';
import { EMAIL_TEMPLATES_SETTING, emailTemplateOverrides, renderEmail, templateInForce } from './email-templates.js';
import { templateProblems } from './render-template.js';

/** Every kind and language, with the wording in force. */
export async function listEmailTemplates(ctx: AppContext): Promise<TEmailTemplatesResponse> {
  const { version, overrides } = await emailTemplateOverrides(ctx.db);
  return {
    version,
    variables: Object.fromEntries(EMAIL_TEMPLATE_KINDS.map((k) => [k, [...TEMPLATE_VARIABLES[k]]])),
    templates: EMAIL_TEMPLATE_KINDS.flatMap((kind) => EMAIL_TEMPLATE_LANGUAGES.map((language) => ({ kind, language, template: templateInForce(overrides, kind, language), custom: Boolean(overrides[`${kind}:${language}`]) }))),
  };
}

/**
 * An admin's wording for one kind and language (null: back to the default), kept as a new
 * version of the setting. A template naming an unknown variable, or one without the case number
 * in its subject and in both bodies (replies thread by it, and customers quote it), is refused.
 */
export async function saveEmailTemplate(ctx: AppContext, by: string, kind: TEmailTemplateKind, language: TEmailTemplateLanguage, template: TEmailTemplate | null): Promise<TEmailTemplatesResponse> {
  if (template) assertUsable(kind, template);
  const current = await emailTemplateOverrides(ctx.db);
  const next: EmailTemplateOverrides = { ...current.overrides };
  if (template) next[`${kind}:${language}`] = template;
  else delete next[`${kind}:${language}`];
  const saved = await ctx.db.transaction().execute((tx) => insertSettingVersion(tx, { key: EMAIL_TEMPLATES_SETTING, version: current.version + 1, value: next, createdBy: by, createdAt: ctx.clock() }));
  if (!saved) throw new DomainError('POLICY_ERR_VERSION_CONFLICT', 'another admin saved the email templates meanwhile; reload and try again');
  ctx.log('info', template ? 'email template changed' : 'email template reset to the default', { kind, language, by, version: saved.version });
  return listEmailTemplates(ctx);
}

/** A template (the one given, or the one in force) rendered with sample values, as a customer would get it. */
export async function previewEmailTemplate(ctx: AppContext, kind: TEmailTemplateKind, language: TEmailTemplateLanguage, template?: TEmailTemplate): Promise<TEmailPreview> {
  if (template) assertUsable(kind, template);
  const chosen = template ?? templateInForce((await emailTemplateOverrides(ctx.db)).overrides, kind, language);
  return renderEmail(chosen, SAMPLE[kind]);
}

function assertUsable(kind: TEmailTemplateKind, t: TEmailTemplate): void {
  for (const part of ['subject', 'text', 'html'] as const) {
    const problems = templateProblems(t[part], TEMPLATE_VARIABLES[kind]);
    if (problems.length) throw new DomainError('TEMPLATE_ERR_INVALID', `${part}: ${problems.join('; ')}`, `template.${part}`);
    if (!/\{\{\s*case\s*\}\}/.test(t[part])) throw new DomainError('TEMPLATE_ERR_INVALID', `${part}: the case number ({{case}}) must appear`, `template.${part}`);
    // A code mail without the code cannot be used, whichever part the customer's mail client shows.
    if (kind === 'verification_code' && part !== 'subject' && !/\{\{\s*code\s*\}\}/.test(t[part])) throw new DomainError('TEMPLATE_ERR_INVALID', `${part}: the code ({{code}}) must appear`, `template.${part}`);
  }
}

/** Sample values for the preview, with characters that must come out escaped in HTML. */
const SAMPLE: Record<TEmailTemplateKind, Record<string, string | boolean>> = {
  message: {
    case: 'C-10482',
    brand: 'Northwind Support',
    'customer.name': 'Sarah Jones',
    'customer.firstName': 'Sarah',
    subject: 'Where is my order #4821?',
    message: 'Hi Sarah, I have opened a trace with the carrier <DHL> & will write again tomorrow.',
    agent: 'Alex Morgan',
    summary: 'Order #4821 not delivered after four weeks',
    link: 'https://support.example.com/demo?conversation=3f2a',
  },
  handoff_confirmation: {
    case: 'C-10482',
    brand: 'Northwind Support',
    'customer.name': 'Sarah Jones',
    'customer.firstName': 'Sarah',
    team: 'Billing',
    summary: 'Charged twice for order #4821',
    link: 'https://support.example.com/demo?conversation=3f2a',
  },
  verification_code: {
    case: 'C-10482',
    brand: 'Northwind Support',
    code: '042917',
    minutes: '10',
  },
};

import type { TEmailTemplate, TEmailTemplateKind, TEmailTemplateLanguage } from '@baton/contracts';
import { EMAIL_TEMPLATE_LANGUAGES } from '@baton/contracts';
import type { Sql } from '../../adapters/db/database.js';
import { latestSetting } from '../../adapters/db/repositories/settings.repository.js';
import { defaultEmailTemplate } from './email-template-defaults.js';
import type { TemplateValues } from './render-template.js';
import { renderTemplate } from './render-template.js';

/** The settings key of the admins' wordings: `{ "message:fr": {subject, text, html}, … }`. */
export const EMAIL_TEMPLATES_SETTING = 'email-templates';
export type EmailTemplateOverrides = Partial<Record<`${TEmailTemplateKind}:${TEmailTemplateLanguage}`, TEmailTemplate>>;

/** A rendered mail: the subject, and the same words as text and as HTML (multipart/alternative). */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** The template language for a conversation's language tag (`pt-BR` → `pt`); English when there is none. */
export function templateLanguage(language: string | null | undefined): TEmailTemplateLanguage {
  const base = (language ?? '').toLowerCase().split('-')[0] ?? '';
  return (EMAIL_TEMPLATE_LANGUAGES as readonly string[]).includes(base) ? (base as TEmailTemplateLanguage) : 'en';
}

export async function emailTemplateOverrides(db: Sql): Promise<{ version: number; overrides: EmailTemplateOverrides }> {
  const s = await latestSetting<EmailTemplateOverrides>(db, EMAIL_TEMPLATES_SETTING);
  return { version: s?.version ?? 0, overrides: s?.value ?? {} };
}

/** The template in force: the admin's wording, else the default. */
export function templateInForce(overrides: EmailTemplateOverrides, kind: TEmailTemplateKind, language: TEmailTemplateLanguage): TEmailTemplate {
  return overrides[`${kind}:${language}`] ?? defaultEmailTemplate(kind, language);
}

/** Renders one template: the subject and text as text, the HTML with every value escaped. */
export function renderEmail(template: TEmailTemplate, values: TemplateValues): RenderedEmail {
  return { subject: renderTemplate(template.subject, values, 'text').trim().replace(/\s+/g, ' '), text: renderTemplate(template.text, values, 'text'), html: renderTemplate(template.html, values, 'html') };
}

/** Renders the mail of `kind` for a conversation's language, from the wording in force. */
export async function composeEmail(db: Sql, kind: TEmailTemplateKind, language: string | null, values: TemplateValues): Promise<RenderedEmail> {
  const { overrides } = await emailTemplateOverrides(db);
  return renderEmail(templateInForce(overrides, kind, templateLanguage(language)), values);
}

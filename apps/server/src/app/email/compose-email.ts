import { randomBytes } from 'node:crypto';
import { addressOf } from '../../adapters/email/email-config.js';
import { continueCredential } from '../tokens.js';

/** Queue updates go by mail at most this often (DESIGN §6: less often than in the widget). */
export const EMAIL_QUEUE_UPDATE_MINUTES = 10;

/**
 * The link that reopens a conversation in the web widget:
 * `${publicUrl}/demo?conversation=<id>&resume=<credential>`. The widget trades the credential for
 * a customer token of its own (`POST /conversations/:id/resume`), once, before the link expires;
 * a chat already open elsewhere keeps going. Without a reply token (a case from before they
 * existed) the link only names the conversation.
 */
export function continueLink(publicUrl: string, conv: { id: string; replyToken: string | null }, link: { id: string; expiresAt: Date }): string {
  const url = `${publicUrl.replace(/\/+$/, '')}/demo?conversation=${encodeURIComponent(conv.id)}`;
  return conv.replyToken ? `${url}&resume=${continueCredential(conv.replyToken, conv.id, link)}` : url;
}

/** A new continue link for a message about to go out: its own id, valid for `BATON_CONTINUE_LINK_HOURS`. */
export function newContinueLink(ctx: { config: { publicUrl: string; continueLinkHours: number }; clock: () => Date }, conv: { id: string; replyToken: string | null }): string {
  return continueLink(ctx.config.publicUrl, conv, { id: randomBytes(12).toString('base64url'), expiresAt: new Date(ctx.clock().getTime() + ctx.config.continueLinkHours * 3_600_000) });
}

/** The subject without reply/forward prefixes and without a bracketed case number. */
export function baseSubject(subject: string | null): string {
  let s = (subject ?? '').trim();
  for (;;) {
    const next = s
      .replace(/^(re|fwd?|aw|wg|sv|vs|tr|rv|réf)\s*(\[\d+\])?\s*:\s*/i, '')
      .replace(/\s*\[C-\d+\]\s*/g, ' ')
      .trim();
    if (next === s) return s;
    s = next;
  }
}

/** `Re: <the customer's subject> [C-10482]`: the case number rides in every reply's subject. */
export function threadSubject(caseNumber: string, original: string | null): string {
  const base = baseSubject(original) || 'Your support request';
  return `Re: ${base} [${caseNumber}]`;
}

/** The business's name, from the From's display name ("Northwind Support <…>"). */
export function senderName(mailFrom: string): string {
  const m = /^\s*"?([^"<]+?)"?\s*</.exec(mailFrom);
  return m?.[1]?.trim() || 'Support';
}

/** A new Message-ID (without brackets) on the sender's domain. */
export function newMessageId(id: string, mailFrom: string): string {
  const domain = addressOf(mailFrom).split('@')[1] || 'baton.localhost';
  return `${id}@${domain}`;
}

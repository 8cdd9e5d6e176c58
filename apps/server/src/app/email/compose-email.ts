import { addressOf } from '../../adapters/email/email-config.js';
import { resumeToken } from '../tokens.js';

/** Queue updates go by mail at most this often (DESIGN §6: less often than in the widget). */
export const EMAIL_QUEUE_UPDATE_MINUTES = 10;

/**
 * The link that reopens a conversation in the web widget:
 * `${publicUrl}/demo?conversation=<id>&resume=<credential>`. The widget trades the credential for
 * a fresh customer token (`POST /conversations/:id/resume`); without a reply token (a case from
 * before they existed) the link only names the conversation.
 */
export function continueLink(publicUrl: string, conv: { id: string; replyToken: string | null }): string {
  const link = `${publicUrl.replace(/\/+$/, '')}/demo?conversation=${encodeURIComponent(conv.id)}`;
  return conv.replyToken ? `${link}&resume=${resumeToken(conv.replyToken, conv.id)}` : link;
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

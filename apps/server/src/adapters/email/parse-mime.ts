import PostalMime from 'postal-mime';
import type { Address } from 'postal-mime';
import { htmlToText } from './html-to-text.js';

/** An inbound mail, decoded: addresses, subject, threading headers and the body as text. */
export interface ParsedEmail {
  from: { address: string; name: string | null };
  to: string[];
  subject: string;
  /** The text part, or the HTML part converted to text; quotes not yet stripped. */
  text: string;
  /** The HTML part as sent, or null. */
  html: string | null;
  /** Without angle brackets; null when the mail had none. */
  messageId: string | null;
  inReplyTo: string | null;
  /** Oldest first, as the References header lists them. */
  references: string[];
  /**
   * An auto-reply, a bounce or bulk mail (RFC 3834 `Auto-Submitted`, `Precedence`, a null
   * return path): never answered, or two autoresponders would write to each other forever.
   */
  automatic: boolean;
  /** The files the mail carries (attached or inline), decoded; what they are is decided when they are stored. */
  attachments: { name: string | null; bytes: Buffer }[];
}

/** The ids in a Message-ID, In-Reply-To or References value, without angle brackets. */
export function parseMessageIds(value: string | null | undefined): string[] {
  if (!value) return [];
  const bracketed = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
  const ids = bracketed.length ? bracketed : value.split(/[\s,]+/).filter(Boolean);
  return ids.map((id) => id.trim()).filter((id) => id.length > 0 && id.length <= 998);
}

/** Parses a raw RFC 5322 message (MIME, encoded words, quoted-printable, base64, any charset). */
export async function parseMime(raw: Buffer | string): Promise<ParsedEmail> {
  const email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
  const header = (key: string) => email.headers.find((h) => h.key === key)?.value.trim().toLowerCase() ?? '';
  const from = mailbox(email.from) ?? mailbox(email.sender) ?? { address: '', name: null };
  const autoSubmitted = header('auto-submitted');
  const precedence = header('precedence');
  const automatic =
    (autoSubmitted !== '' && autoSubmitted !== 'no') ||
    ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence) ||
    email.headers.some((h) => h.key === 'x-autoreply' || h.key === 'x-autorespond') ||
    email.returnPath === '<>' ||
    /^(mailer-daemon|postmaster)@/i.test(from.address);
  const text = email.text?.trim() ? email.text : email.html ? htmlToText(email.html) : '';
  return {
    from,
    to: (email.to ?? []).flatMap((a) => (a.group ? a.group.map((m) => m.address) : [a.address ?? ''])).filter(Boolean),
    subject: email.subject?.trim() ?? '',
    text,
    html: email.html ?? null,
    messageId: parseMessageIds(email.messageId)[0] ?? null,
    inReplyTo: parseMessageIds(email.inReplyTo)[0] ?? null,
    references: parseMessageIds(email.references),
    automatic,
    attachments: email.attachments.map((a) => ({ name: a.filename, bytes: typeof a.content === 'string' ? Buffer.from(a.content, a.encoding === 'base64' ? 'base64' : 'utf8') : Buffer.from(a.content instanceof ArrayBuffer ? new Uint8Array(a.content) : a.content) })),
  };
}

function mailbox(a: Address | undefined): { address: string; name: string | null } | null {
  const m = a?.group ? a.group[0] : a;
  if (!m?.address) return null;
  return { address: m.address.trim().toLowerCase(), name: m.name?.trim() || null };
}

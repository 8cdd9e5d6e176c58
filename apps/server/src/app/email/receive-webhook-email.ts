import type { TInboundEmail } from '@baton/contracts';
import { htmlToText } from '../../adapters/email/html-to-text.js';
import { parseMessageIds } from '../../adapters/email/parse-mime.js';
import type { AppContext } from '../context.js';
import type { IngestInboundEmailOptions, IngestInboundEmailResult } from './ingest-inbound-email.js';
import { ingestInboundEmail } from './ingest-inbound-email.js';

/** A mail from the inbound webhook (already parsed by the provider), ingested like one from the SMTP listener. */
export async function receiveWebhookEmail(ctx: AppContext, body: TInboundEmail, opts: IngestInboundEmailOptions = {}): Promise<IngestInboundEmailResult> {
  const m = /^\s*"?([^"<]*?)"?\s*<\s*([^>\s]+)\s*>\s*$/.exec(body.from);
  const from = m ? { address: m[2]!.toLowerCase(), name: m[1]!.trim() || null } : { address: body.from.trim().toLowerCase(), name: null };
  const references = Array.isArray(body.references) ? body.references.flatMap((r) => parseMessageIds(r)) : parseMessageIds(body.references);
  return ingestInboundEmail(
    ctx,
    {
      from,
      subject: body.subject,
      text: body.text.trim() ? body.text : htmlToText(body.html ?? ''),
      messageId: parseMessageIds(body.messageId)[0] ?? null,
      inReplyTo: parseMessageIds(body.inReplyTo)[0] ?? null,
      references,
      to: (Array.isArray(body.to) ? body.to : [body.to]).map((a) => /<\s*([^>\s]+)\s*>/.exec(a)?.[1] ?? a.trim()),
      ...(body.attachments?.length ? { attachments: body.attachments.map((a) => ({ name: a.filename ?? null, bytes: Buffer.from(a.content, 'base64') })) } : {}),
    },
    opts,
  );
}

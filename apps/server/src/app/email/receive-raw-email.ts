import { parseMime } from '../../adapters/email/parse-mime.js';
import type { AppContext } from '../context.js';
import type { IngestInboundEmailOptions, IngestInboundEmailResult } from './ingest-inbound-email.js';
import { ingestInboundEmail } from './ingest-inbound-email.js';

/** A raw RFC 5322 mail from the SMTP listener: decoded (MIME, charsets, HTML-only bodies), then ingested. */
export async function receiveRawEmail(ctx: AppContext, raw: Buffer | string, opts: IngestInboundEmailOptions = {}): Promise<IngestInboundEmailResult> {
  const mail = await parseMime(raw);
  const r = await ingestInboundEmail(ctx, mail, opts);
  if (r.status === 'ignored') ctx.log('info', 'inbound mail ignored', { reason: r.reason, from: mail.from.address, messageId: mail.messageId });
  return r;
}

import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { ParsedEmail } from '../adapters/email/parse-mime.js';
import { parseMime } from '../adapters/email/parse-mime.js';

/** The customers' mailbox: a real SMTP server on loopback that keeps every mail Baton sends. */
export async function startMailbox() {
  const mails: (ParsedEmail & { raw: string })[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    closeTimeout: 500,
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        void parseMime(raw).then((m) => {
          mails.push({ ...m, raw: raw.toString('utf8') });
          cb();
        }, cb);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    /** The next mail to `to` matching `pred` that was not taken before. */
    async next(to: string, pred: (m: ParsedEmail) => boolean = () => true, timeoutMs = 10_000): Promise<ParsedEmail & { raw: string }> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = mails.findIndex((m) => m.to.includes(to) && pred(m));
        if (i >= 0) return mails.splice(i, 1)[0]!;
        if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms; have: ${JSON.stringify(mails.map((m) => [m.to, m.subject]))}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Mailbox = Awaited<ReturnType<typeof startMailbox>>;

/** The Reply-To of a received mail: the case's own address, the only way back into the case. */
export function replyToOf(mail: { raw: string }): string {
  const m = /^Reply-To:\s*(?:.*<)?([^<>\s]+@[^<>\s]+?)>?\s*$/im.exec(mail.raw);
  if (!m) throw new Error(`no Reply-To in:\n${mail.raw.slice(0, 600)}`);
  return m[1]!;
}

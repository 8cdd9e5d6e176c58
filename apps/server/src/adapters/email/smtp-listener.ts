import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** The envelope of one received mail, as the sending server gave it. */
export interface SmtpEnvelope {
  mailFrom: string | null;
  rcptTo: string[];
}

export interface SmtpListenerOptions {
  port: number;
  host: string;
  /** Larger mail is refused with 552 (10 MB by default). */
  maxBytes?: number;
  /**
   * Handles one received mail. When it throws, the sender gets a temporary failure (451) and
   * retries later, so the handler must be idempotent (Message-ID).
   */
  onMessage(raw: Buffer, envelope: SmtpEnvelope): Promise<void>;
  log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
  /**
   * Admits a new session from `address` (the rate limits); throwing refuses it with 421, so a
   * well-behaved sender tries later. The function it returns runs when the session ends.
   */
  admit?(address: string, sessionId: string): Promise<() => Promise<void>>;
  /** How long `close()` waits for open sessions (5 s by default). */
  closeTimeoutMs?: number;
}

export interface SmtpListener {
  /** The port actually bound (useful with port 0). */
  port: number;
  close(): Promise<void>;
}

/**
 * The built-in inbound SMTP listener (smtp-server): mail from the business's MX or a relay is
 * accepted without authentication or TLS, so bind it to a private interface or put it behind the
 * relay that does spam filtering. A mail is acknowledged only once `onMessage` has stored it.
 */
export async function startSmtpListener(opts: SmtpListenerOptions): Promise<SmtpListener> {
  const maxBytes = opts.maxBytes ?? 10 * 1024 * 1024;
  const admitted = new Map<string, () => Promise<void>>();
  const server = new SMTPServer({
    name: 'baton',
    banner: 'Baton inbound mail',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxBytes,
    logger: false,
    closeTimeout: opts.closeTimeoutMs ?? 5000,
    onConnect(session, callback) {
      if (!opts.admit) return callback();
      opts.admit(session.remoteAddress, session.id).then(
        (release) => {
          admitted.set(session.id, release);
          callback();
        },
        (err: Error) => callback(Object.assign(new Error(`too many connections, try again later (${err.message})`), { responseCode: 421 })),
      );
    },
    onClose(session) {
      const release = admitted.get(session.id);
      admitted.delete(session.id);
      void release?.().catch((err: Error) => opts.log?.('warn', `smtp listener: could not release a session slot: ${err.message}`));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (err: Error) => callback(err));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(Object.assign(new Error(`message exceeds ${maxBytes} bytes`), { responseCode: 552 }));
        const envelope: SmtpEnvelope = {
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
        };
        opts.onMessage(Buffer.concat(chunks), envelope).then(
          () => callback(null, 'Message accepted'),
          (err: Error) => {
            opts.log?.('error', 'inbound mail could not be stored; the sender will retry', { error: err.message, from: envelope.mailFrom });
            callback(Object.assign(new Error('temporary failure, try again later'), { responseCode: 451 }));
          },
        );
      });
    },
  });
  server.on('error', (err: Error) => opts.log?.('warn', `smtp listener: ${err.message}`));
  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.server.once('error', onError);
    server.listen(opts.port, opts.host, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import type { Config } from '../../config.js';
import { loadConfig } from '../../config.js';

/** The email channel's settings, a view of the server's configuration. */
export interface EmailConfig {
  /** Outbound SMTP server, e.g. `smtp://127.0.0.1:2525`; null turns outbound mail off. */
  smtpUrl: string | null;
  /** Port of the built-in inbound SMTP listener; null ("off" or unset) turns it off. */
  smtpListenPort: number | null;
  /** Host the inbound listener binds to (the server's HOST). */
  smtpListenHost: string;
  /** The From of every outbound mail, e.g. `Northwind Support <support@northwind.example>`. */
  mailFrom: string;
  /** The shared secret of `POST /api/v1/channels/email/inbound`; null disables the webhook. */
  webhookSecret: string | null;
}

/** The email settings out of the server's configuration (which alone reads the environment). */
export function emailConfigFrom(config: Config): EmailConfig {
  return { smtpUrl: config.smtpUrl, smtpListenPort: config.smtpListenPort, smtpListenHost: config.host, mailFrom: config.mailFrom, webhookSecret: config.emailWebhookSecret };
}

/** Parses the email settings from an environment-like object, through the server's config parser. */
export function loadEmailConfig(env: Record<string, string | undefined>): EmailConfig {
  return emailConfigFrom(loadConfig(env));
}

/** The bare address of a From such as `Support <support@example.com>`, lowercased. */
export function addressOf(from: string): string {
  const m = /<([^>]+)>/.exec(from);
  return (m?.[1] ?? from).trim().toLowerCase();
}

import nodemailer from 'nodemailer';
import { checkedAddress, OutboundAllowList } from './outbound-guard.js';
import type { SendOptions, SendResult } from './send-result.js';
import { DEFAULT_SEND_TIMEOUT_MS, shortError } from './send-result.js';

/** One plain-text email. */
export interface EmailMessage {
  subject: string;
  text: string;
}

/** Where and how to send: the endpoint's target, its secret, and the server-wide SMTP URL. */
export interface EmailRoute {
  /** `mailto:a@x[,b@y]` or `smtp(s)://[user@]host[:port]/?to=a@x[,b@y][&from=baton@x]`. */
  target: string;
  /** For an smtp:// target: the SMTP password. */
  secret: string | null;
  /** BATON_SMTP_URL, for mailto: targets: `smtp(s)://[user:pass@]host[:port][/?from=baton@x]`. */
  smtpUrl?: string | null;
}

const DEFAULT_FROM = 'Baton <notifications@baton.localhost>';

function smtpOptions(u: URL, password: string | null, timeoutMs: number, address: string | null) {
  const secure = u.protocol === 'smtps:';
  const user = decodeURIComponent(u.username);
  const pass = password ?? decodeURIComponent(u.password);
  return {
    // Connected by the checked address, while TLS still verifies the certificate for the name.
    host: address ?? u.hostname,
    ...(address ? { tls: { servername: u.hostname.replace(/^\[|\]$/g, '') } } : {}),
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    ...(user ? { auth: { user, pass } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  };
}

/** Resolves the SMTP server, sender and recipients of a route; a string is why it cannot be sent. */
export function resolveEmailRoute(route: EmailRoute): { server: URL; password: string | null; from: string; to: string[] } | string {
  const t = new URL(route.target);
  if (t.protocol === 'mailto:') {
    if (!route.smtpUrl) return 'no SMTP server is configured for mailto: endpoints (set BATON_SMTP_URL)';
    const server = new URL(route.smtpUrl);
    return { server, password: null, from: server.searchParams.get('from') ?? DEFAULT_FROM, to: decodeURIComponent(t.pathname).split(',').map((a) => a.trim()) };
  }
  return { server: t, password: route.secret, from: t.searchParams.get('from') ?? DEFAULT_FROM, to: (t.searchParams.get('to') ?? '').split(',').map((a) => a.trim()) };
}

/** Sends through SMTP with nodemailer; accepted by the server counts as delivered. */
export async function sendEmail(route: EmailRoute, message: EmailMessage, opts: SendOptions = {}): Promise<SendResult> {
  const resolved = resolveEmailRoute(route);
  if (typeof resolved === 'string') return { ok: false, status: null, error: resolved };
  // An smtp:// target is the admin's to choose, so it must be a public server (or allowed); the
  // server-wide BATON_SMTP_URL behind mailto: is the operator's own and is trusted.
  let address: string | null = null;
  if (!route.target.startsWith('mailto:')) {
    const checked = await checkedAddress(resolved.server.hostname, new OutboundAllowList(opts.outboundAllow ?? []));
    if ('problem' in checked) return { ok: false, status: null, error: shortError(`refused: ${checked.problem}`) };
    address = checked.address;
  }
  const transport = nodemailer.createTransport(smtpOptions(resolved.server, resolved.password, opts.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS, address));
  try {
    const info = await transport.sendMail({ from: resolved.from, to: resolved.to, subject: message.subject, text: message.text });
    if (info.rejected.length) return { ok: false, status: null, error: shortError(`rejected: ${info.rejected.map(String).join(', ')}`) };
    return { ok: true, status: 250, error: null };
  } catch (err) {
    const e = err as Error & { responseCode?: number };
    return { ok: false, status: e.responseCode ?? null, error: shortError(`SMTP: ${e.message}`) };
  } finally {
    transport.close();
  }
}

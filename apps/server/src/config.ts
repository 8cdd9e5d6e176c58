import type { PiiKind } from '@baton/core';
import { BRIEF_PII_KINDS, parsePiiKinds, PII_KINDS } from '@baton/core';
import { isIP } from 'node:net';
import { z } from 'zod';
import type { LimitSettings, LockoutSettings } from './limits.js';
import { LOCKOUT_DEFAULTS, limitEnvShape, parseLimits } from './limits.js';

/**
 * The environment, parsed once into a typed object. This is the only file that reads
 * `process.env`; everything else gets a `Config`. A bad value fails the start, naming each one.
 */
export interface Config {
  port: number;
  host: string;
  /** PGlite's folder; null means in memory (tests). Ignored when `databaseUrl` is set. */
  dataDir: string | null;
  databaseUrl: string | null;
  /** Connections to PostgreSQL this node opens at most (`BATON_DB_POOL_SIZE`). */
  dbPoolSize: number;
  /**
   * API requests this node works on at once (`BATON_MAX_IN_FLIGHT`); past it, new ones get 503
   * SERVER_ERR_BUSY with Retry-After at once rather than queueing behind the others.
   */
  maxInFlight: number;
  /** Seconds a stopping node keeps answering (not ready) before it closes, so a load balancer moves away (`BATON_SHUTDOWN_GRACE_SECONDS`). */
  shutdownGraceSeconds: number;
  redisUrl: string | null;
  kbDir: string | null;
  policyFile: string | null;
  queueUpdateSeconds: number;
  /** Seconds an offered handoff waits for its agent before it is offered to another. */
  acceptTimeoutSeconds: number;
  /** Seconds an accepted handoff waits for the agent's first reply before it goes back to the queue. */
  answerTimeoutSeconds: number;
  demo: boolean;
  /** Agent session lifetime. */
  sessionHours: number;
  /** The wait estimate when there is no handle-time history yet. */
  defaultHandleMinutes: number;
  /** Offer a callback or an email reply when the estimated wait is over this many minutes. */
  callbackOfferMinutes: number;
  /** A callback not picked up this many minutes after its time counts as missed. */
  callbackMissMinutes: number;
  /**
   * A web customer waiting in the queue who has not been seen (no open stream, no message) for
   * this many minutes has left: the handoff is closed as abandoned. Null never closes one.
   */
  abandonAfterMinutes: number | null;
  /** Outbound SMTP for email notifications and the email channel: smtp(s)://[user:pass@]host[:port]. */
  smtpUrl: string | null;
  /** Port of the built-in inbound SMTP listener (the email channel); null turns it off. */
  smtpListenPort: number | null;
  /** The From of every outbound mail. */
  mailFrom: string;
  /** The shared secret of the inbound-email webhook; null disables it. */
  emailWebhookSecret: string | null;
  /** The key the site signs its customers' identity with (`identifierHash`); null: no signed identity. */
  identitySecret: string | null;
  /** An SMS provider for one-time codes (Twilio-style form POST; `From` as a query parameter); null: codes go by email only. */
  smsUrl: string | null;
  /** `user:password` for the SMS provider's HTTP Basic auth. */
  smsAuth: string | null;
  /**
   * Which X-Forwarded-For hops to believe (for rate limits and logs): false when clients connect
   * directly; behind load balancers, how many of them there are, or their addresses and CIDRs.
   * Never "any": a client could then claim any address and escape every per-address limit.
   */
  trustProxy: false | number | string[];
  /** Every rate and connection limit (limits.ts), from `BATON_LIMIT_*`. */
  limits: LimitSettings;
  /** Login lockout with backoff, per account and per address. */
  lockout: LockoutSettings;
  /** A customer's conversation token not used for this many hours stops working (`BATON_CUSTOMER_TOKEN_IDLE_HOURS`). */
  customerTokenIdleHours: number;
  /** scrypt's cost as log2(N) for new password hashes: 17 (N=2^17); a lower stored cost is rehashed at the next login. */
  passwordCostLog2: number;
  /** Public base URL, for links in emails. */
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** The sentence encoder (`BATON_ENCODER`): on by default; off runs the engine on the lexical path only. */
  encoder: 'on' | 'off';
  /** Where the KB's sentence vectors are cached (`BATON_CACHE_DIR`; default: `cache/` in the data folder, else ~/.cache/baton). */
  cacheDir: string | null;
  /**
   * The kinds of personal data masked in what leaves the product, per channel
   * (`BATON_PII_MASK_<CHANNEL>`: `all`, `none` or a list such as `card,iban,email`). Agents see
   * raw text only inside the workspace; card numbers and card security data are masked in
   * notifications whatever the setting.
   */
  piiMask: Record<PiiChannel, PiiKind[]>;
  /**
   * Outbound hosts allowed although they resolve to private, loopback or link-local addresses
   * (`BATON_OUTBOUND_ALLOW`: host names, IP addresses or CIDR ranges, comma-separated).
   */
  outboundAllow: string[];
  /** The bearer token `/metrics` asks for (`BATON_METRICS_TOKEN`); null: the main port does not serve metrics. */
  metricsToken: string | null;
  /** A separate port serving `/metrics` alone, without a token (`BATON_METRICS_PORT`), on `metricsHost`; null for none. */
  metricsPort: number | null;
  /** The address of the metrics port (`BATON_METRICS_HOST`, default 127.0.0.1: reachable from this machine only). */
  metricsHost: string;
  /** How many times a listener tries one event before it sets it aside as a dead letter (`BATON_LISTENER_MAX_ATTEMPTS`). */
  listenerMaxAttempts: number;
  /** The external bot in the AI's place (docs/bots.md); null: the embedded engine answers. */
  bot: BotConfig | null;
}

/** `BATON_BOT_*`: where the business's bot is, how its requests are signed, and how long it may take. */
export interface BotConfig {
  /** `BATON_BOT_URL`: the generic bot's endpoint, or Rasa's REST channel (`…/webhooks/rest/webhook`). */
  url: string;
  /** `BATON_BOT_SECRET`: signs each request (Standard Webhooks), as the outbound webhooks are signed. */
  secret: string;
  /** `BATON_BOT_KIND`: the generic contract, or Rasa's REST channel. */
  kind: 'generic' | 'rasa';
  /** `BATON_BOT_TIMEOUT_MS`: a bot slower than this has failed, and the embedded engine answers. */
  timeoutMs: number;
}

/** Where text leaves the workspace: each notification kind, the server's log, exports, and the customer's own view. */
export const PII_CHANNELS = ['webhook', 'slack', 'sms', 'email', 'log', 'export', 'customer'] as const;
export type PiiChannel = (typeof PII_CHANNELS)[number];

/**
 * Outside the workspace everything is masked by default. The customer's own view (the messages
 * API, the stream, mail to them) keeps contact details, because the business's own phone number
 * or address in an answer must reach them.
 */
const DEFAULT_PII_MASK: Record<PiiChannel, readonly PiiKind[]> = {
  webhook: PII_KINDS,
  slack: PII_KINDS,
  sms: PII_KINDS,
  email: PII_KINDS,
  log: PII_KINDS,
  export: PII_KINDS,
  customer: BRIEF_PII_KINDS,
};

const piiSetting = z.string().superRefine((v, c) => {
  const r = parsePiiKinds(v);
  if (!r.ok) c.addIssue({ code: 'custom', message: `unknown kind ${r.unknown.join(', ')}: use all, none, or a list of ${PII_KINDS.join(', ')}` });
});

function piiMaskFrom(env: Record<string, string | undefined>): Record<PiiChannel, PiiKind[]> {
  const out = {} as Record<PiiChannel, PiiKind[]>;
  for (const channel of PII_CHANNELS) {
    const setting = env[`BATON_PII_MASK_${channel.toUpperCase()}`];
    const parsed = setting === undefined ? null : parsePiiKinds(setting);
    out[channel] = parsed?.ok ? parsed.kinds : [...DEFAULT_PII_MASK[channel]];
  }
  return out;
}

/** A host name, an IPv4 or IPv6 address, or a CIDR range with a prefix length that fits it. */
function allowEntryOk(entry: string): boolean {
  const [net = '', bits, extra] = entry.trim().split('/');
  const family = isIP(net);
  if (family === 0) return bits === undefined && /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/.test(net);
  return extra === undefined && (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)));
}

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const ZEnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  BATON_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  BATON_KB_DIR: z.string().min(1).optional(),
  BATON_POLICY: z.string().min(1).optional(),
  BATON_QUEUE_UPDATE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  BATON_ACCEPT_TIMEOUT_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
  BATON_ANSWER_TIMEOUT_SECONDS: z.coerce.number().int().min(30).max(24 * 3600).default(600),
  BATON_DEMO: bool.default(false),
  BATON_SESSION_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  BATON_DEFAULT_HANDLE_MINUTES: z.coerce.number().min(1).max(240).default(6),
  BATON_CALLBACK_OFFER_MINUTES: z.coerce.number().min(1).max(24 * 60).default(20),
  BATON_CALLBACK_MISS_MINUTES: z.coerce.number().min(1).max(24 * 60).default(15),
  BATON_ABANDON_MINUTES: z.union([z.literal('off'), z.coerce.number().min(1).max(24 * 60)]).default(20),
  BATON_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  BATON_SMTP_LISTEN: z.union([z.literal('off'), z.coerce.number().int().min(0).max(65535)]).optional(),
  BATON_MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'an address, optionally with a name: "Support <support@example.com>"')
    .default('Baton Support <support@baton.localhost>'),
  BATON_EMAIL_WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  BATON_IDENTITY_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  BATON_SMS_URL: z.url().optional(),
  BATON_SMS_AUTH: z.string().min(1).optional(),
  BATON_TRUST_PROXY: z
    .string()
    .refine((v) => v !== 'true', 'true would believe any X-Forwarded-For a client sends; write the number of proxies in front of Baton (e.g. 1) or their addresses (e.g. 10.0.0.0/8,127.0.0.1)')
    .refine((v) => /^(false|\d+)$/.test(v) || v.split(',').every((a) => isProxyAddress(a.trim())), 'false, a hop count (e.g. 1), or the proxies\' addresses or CIDRs, comma-separated (e.g. 10.0.0.0/8,127.0.0.1)')
    .default('false'),
  BATON_CUSTOMER_TOKEN_IDLE_HOURS: z.coerce.number().min(0.1).max(24 * 365).default(24),
  BATON_PASSWORD_COST: z.coerce.number().int().min(14, 'at least 14 (17 is the default; lower only for tests)').max(20).default(17),
  BATON_LOGIN_LOCKOUT_AFTER: z.coerce.number().int().min(1).max(1000).default(LOCKOUT_DEFAULTS.afterFailures),
  BATON_LOGIN_LOCKOUT_ADDRESS_AFTER: z.coerce.number().int().min(1).max(10_000).default(LOCKOUT_DEFAULTS.addressAfterFailures),
  BATON_LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(LOCKOUT_DEFAULTS.firstSeconds),
  BATON_LOGIN_LOCKOUT_MAX_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(LOCKOUT_DEFAULTS.maxSeconds),
  ...limitEnvShape,
  BATON_PUBLIC_URL: z.url().optional(),
  BATON_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  BATON_ENCODER: z.enum(['on', 'off']).default('on'),
  BATON_CACHE_DIR: z.string().min(1).optional(),
  ...Object.fromEntries(PII_CHANNELS.map((c) => [`BATON_PII_MASK_${c.toUpperCase()}`, piiSetting.optional()])),
  BATON_OUTBOUND_ALLOW: z
    .string()
    .refine((v) => v.split(',').every(allowEntryOk), 'host names, IP addresses or CIDR ranges (10.0.0.0/8), comma-separated')
    .optional(),
  BATON_METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  BATON_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  BATON_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  BATON_LISTENER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  BATON_DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  BATON_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(1000),
  BATON_SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(300).default(0),
  BATON_BOT_URL: z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }).optional(),
  BATON_BOT_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  BATON_BOT_KIND: z.enum(['generic', 'rasa']).default('generic'),
  BATON_BOT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8000),
}).superRefine((e, issue) => {
  if (e.BATON_BOT_URL && !e.BATON_BOT_SECRET) issue.addIssue({ code: 'custom', path: ['BATON_BOT_SECRET'], message: 'required with BATON_BOT_URL (at least 16 characters): the bot verifies each request with it' });
});

/** An address or a CIDR block, or one of the names proxy-addr knows (loopback, linklocal, uniquelocal). */
function isProxyAddress(a: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(a)) return true;
  const [ip, bits, extra] = a.split('/');
  if (extra !== undefined || !ip || !isIP(ip)) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (isIP(ip) === 4 ? 32 : 128));
}

/** Raised with every bad variable named, so one start shows all that needs fixing. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_ERR_INVALID';
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** Parses an environment (process.env by default). Empty strings count as unset. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in ZEnvSchema.shape && v !== undefined && v !== ''));
  const parsed = ZEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${String(i.path[0])}=${JSON.stringify(cleaned[String(i.path[0])] ?? '')}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.BATON_DATA_DIR === ':memory:' ? null : e.BATON_DATA_DIR,
    databaseUrl: e.DATABASE_URL ?? null,
    dbPoolSize: e.BATON_DB_POOL_SIZE,
    maxInFlight: e.BATON_MAX_IN_FLIGHT,
    shutdownGraceSeconds: e.BATON_SHUTDOWN_GRACE_SECONDS,
    redisUrl: e.REDIS_URL ?? null,
    kbDir: e.BATON_KB_DIR ?? null,
    policyFile: e.BATON_POLICY ?? null,
    queueUpdateSeconds: e.BATON_QUEUE_UPDATE_SECONDS,
    acceptTimeoutSeconds: e.BATON_ACCEPT_TIMEOUT_SECONDS,
    answerTimeoutSeconds: e.BATON_ANSWER_TIMEOUT_SECONDS,
    demo: e.BATON_DEMO,
    sessionHours: e.BATON_SESSION_HOURS,
    defaultHandleMinutes: e.BATON_DEFAULT_HANDLE_MINUTES,
    callbackOfferMinutes: e.BATON_CALLBACK_OFFER_MINUTES,
    callbackMissMinutes: e.BATON_CALLBACK_MISS_MINUTES,
    abandonAfterMinutes: e.BATON_ABANDON_MINUTES === 'off' ? null : e.BATON_ABANDON_MINUTES,
    smtpUrl: e.BATON_SMTP_URL ?? null,
    smtpListenPort: e.BATON_SMTP_LISTEN === undefined || e.BATON_SMTP_LISTEN === 'off' ? null : e.BATON_SMTP_LISTEN,
    mailFrom: e.BATON_MAIL_FROM,
    emailWebhookSecret: e.BATON_EMAIL_WEBHOOK_SECRET ?? null,
    identitySecret: e.BATON_IDENTITY_SECRET ?? null,
    smsUrl: e.BATON_SMS_URL ?? null,
    smsAuth: e.BATON_SMS_AUTH ?? null,
    trustProxy: e.BATON_TRUST_PROXY === 'false' ? false : /^\d+$/.test(e.BATON_TRUST_PROXY) ? Number(e.BATON_TRUST_PROXY) : e.BATON_TRUST_PROXY.split(',').map((a) => a.trim()),
    limits: parseLimits(e),
    lockout: {
      afterFailures: e.BATON_LOGIN_LOCKOUT_AFTER,
      addressAfterFailures: e.BATON_LOGIN_LOCKOUT_ADDRESS_AFTER,
      firstSeconds: e.BATON_LOGIN_LOCKOUT_SECONDS,
      maxSeconds: e.BATON_LOGIN_LOCKOUT_MAX_SECONDS,
    },
    customerTokenIdleHours: e.BATON_CUSTOMER_TOKEN_IDLE_HOURS,
    passwordCostLog2: e.BATON_PASSWORD_COST,
    publicUrl: e.BATON_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    logLevel: e.BATON_LOG_LEVEL,
    encoder: e.BATON_ENCODER,
    cacheDir: e.BATON_CACHE_DIR ?? null,
    piiMask: piiMaskFrom(cleaned),
    outboundAllow: (e.BATON_OUTBOUND_ALLOW ?? '')
      .split(',')
      .map((v) => v.trim().toLowerCase())
      .filter((v) => v.length > 0),
    metricsToken: e.BATON_METRICS_TOKEN ?? null,
    metricsPort: e.BATON_METRICS_PORT ?? null,
    metricsHost: e.BATON_METRICS_HOST,
    listenerMaxAttempts: e.BATON_LISTENER_MAX_ATTEMPTS,
    bot: e.BATON_BOT_URL && e.BATON_BOT_SECRET ? { url: e.BATON_BOT_URL, secret: e.BATON_BOT_SECRET, kind: e.BATON_BOT_KIND, timeoutMs: e.BATON_BOT_TIMEOUT_MS } : null,
  };
}

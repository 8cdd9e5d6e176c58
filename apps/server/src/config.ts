import { z } from 'zod';

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
  /**
   * Whether to believe X-Forwarded-For (for rate limits and logs): false when clients connect
   * directly, true or a hop count or an address list behind a load balancer.
   */
  trustProxy: boolean | number | string;
  /** Public base URL, for links in emails. */
  publicUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** The sentence encoder (`BATON_ENCODER`): on by default; off runs the engine on the lexical path only. */
  encoder: 'on' | 'off';
  /** Where the KB's sentence vectors are cached (`BATON_CACHE_DIR`; default: `cache/` in the data folder, else ~/.cache/baton). */
  cacheDir: string | null;
  /** The bearer token `/metrics` asks for (`BATON_METRICS_TOKEN`); null: the main port does not serve metrics. */
  metricsToken: string | null;
  /** A separate port serving `/metrics` alone, without a token (`BATON_METRICS_PORT`), on `metricsHost`; null for none. */
  metricsPort: number | null;
  /** The address of the metrics port (`BATON_METRICS_HOST`, default 127.0.0.1: reachable from this machine only). */
  metricsHost: string;
  /** How many times a listener tries one event before it sets it aside as a dead letter (`BATON_LISTENER_MAX_ATTEMPTS`). */
  listenerMaxAttempts: number;
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
  BATON_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d+|[\d.:a-fA-F/, ]+)$/, 'true, false, a hop count, or addresses of the proxies')
    .default('false'),
  BATON_PUBLIC_URL: z.url().optional(),
  BATON_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  BATON_ENCODER: z.enum(['on', 'off']).default('on'),
  BATON_CACHE_DIR: z.string().min(1).optional(),
  BATON_METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  BATON_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  BATON_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  BATON_LISTENER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
});

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
    trustProxy: e.BATON_TRUST_PROXY === 'true' ? true : e.BATON_TRUST_PROXY === 'false' ? false : /^\d+$/.test(e.BATON_TRUST_PROXY) ? Number(e.BATON_TRUST_PROXY) : e.BATON_TRUST_PROXY,
    publicUrl: e.BATON_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    logLevel: e.BATON_LOG_LEVEL,
    encoder: e.BATON_ENCODER,
    cacheDir: e.BATON_CACHE_DIR ?? null,
    metricsToken: e.BATON_METRICS_TOKEN ?? null,
    metricsPort: e.BATON_METRICS_PORT ?? null,
    metricsHost: e.BATON_METRICS_HOST,
    listenerMaxAttempts: e.BATON_LISTENER_MAX_ATTEMPTS,
  };
}

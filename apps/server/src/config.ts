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
  /** PGlite runs in a worker thread, off the event loop (`BATON_PGLITE_WORKER`, on by default). */
  pgliteWorker: boolean;
  /**
   * API requests this node works on at once (`BATON_MAX_IN_FLIGHT`); past it, new ones get 503
   * SERVER_ERR_BUSY with Retry-After at once rather than queueing behind the others.
   */
  maxInFlight: number;
  /** Seconds a stopping node keeps answering (not ready) before it closes, so a load balancer moves away (`BATON_SHUTDOWN_GRACE_SECONDS`). */
  shutdownGraceSeconds: number;
  redisUrl: string | null;
  /** Namespaces every Redis channel and key, so several installations can share one Redis. */
  redisPrefix: string;
  kbDir: string | null;
  policyFile: string | null;
  queueUpdateSeconds: number;
  /**
   * An agent is online for routing while one of their realtime streams is open, and for this many
   * seconds after the last one closed or was last heard from (a reload, a brief network loss).
   */
  presenceGraceSeconds: number;
  /**
   * Every realtime stream is pinged (a WebSocket protocol ping) this often; one that has not
   * answered by the next round is closed as dead (a network cut that left it half-open).
   */
  wsPingSeconds: number;
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
  /** A callback nobody answered is tried again this many minutes later (within the team's hours). */
  callbackRetryMinutes: number;
  /** The calls made before an unanswered callback closes as unreachable. */
  callbackMaxAttempts: number;
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
  /** How long an emailed continue link works (`BATON_CONTINUE_LINK_HOURS`, a week by default); each works once. */
  continueLinkHours: number;
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
  /** The WhatsApp Cloud API channel (`BATON_WHATSAPP_*`, docs/channels.md); null: off. */
  whatsapp: WhatsAppConfig | null;
  /** Messenger and Instagram through the Messenger Platform (`BATON_MESSENGER_*`, docs/channels.md); null: off. */
  messenger: MessengerConfig | null;
  /** The first wait before a messaging channel's send is tried again after a throttle (130429) or a failure; it doubles each time (`BATON_CHANNEL_BACKOFF_MS`). */
  channelBackoffMs: number;
  /** Baton as Chatwoot's agent bot (docs/chatwoot.md); null: off. */
  chatwoot: ChatwootConfig | null;
  /** Zendesk tickets at handoff (docs/zendesk.md); null: off. */
  zendesk: ZendeskConfig | null;
  /** The business's customer-data endpoint in place of the built-in tables (docs/context.md); null: the tables. */
  context: ContextConfig | null;
  /** Files sent by customers and agents: their size limits and where they are kept. */
  attachments: AttachmentConfig;
  /** A language model for answers and briefs (docs/llm.md); null: the embedded engine alone. */
  llm: LlmConfig | null;
}

/** `BATON_ATTACHMENT_*` and `BATON_S3_*`. */
export interface AttachmentConfig {
  /** The largest file accepted (`BATON_ATTACHMENT_MAX_BYTES`, 10 MB by default). */
  maxBytes: number;
  /** How many files one conversation may hold (`BATON_ATTACHMENT_MAX_PER_CONVERSATION`). */
  maxPerConversation: number;
  /** How long an upload no message has sent is kept before it is removed (`BATON_UPLOAD_TTL_HOURS`, 24 by default). */
  unsentTtlHours: number;
  /**
   * `BATON_ATTACHMENT_STORE`: `s3` when `BATON_S3_BUCKET` is set, else `database` on PostgreSQL
   * (every node sees the files), else `disk` (a folder beside PGlite's; in memory: the database).
   */
  store: 'disk' | 'database' | 's3';
  /** The folder of the disk store (`BATON_ATTACHMENT_DIR`; default `attachments/` in the data folder). */
  dir: string | null;
  s3: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string; prefix: string } | null;
}

/** `BATON_WHATSAPP_*`: the business phone number Baton answers on, and how Meta and Baton prove themselves to each other. */
export interface WhatsAppConfig {
  phoneNumberId: string;
  accessToken: string;
  /** Signs every webhook delivery (`X-Hub-Signature-256`). */
  appSecret: string;
  /** What Meta echoes in the subscription handshake. */
  verifyToken: string;
  graphUrl: string;
  /** The approved template an agent's reply goes as once the 24-hour window has closed. */
  template: { name: string; language: string };
}

/** `BATON_MESSENGER_*`: the Page (and its Instagram account) Baton answers for. */
export interface MessengerConfig {
  pageId: string;
  pageToken: string;
  appSecret: string;
  verifyToken: string;
  graphUrl: string;
  /** Baton's own app id: echoes of its own messages carry it; other echoes are a person answering from the Page Inbox. */
  appId: string | null;
  /** The Instagram professional account linked to the Page, whose entries arrive with `object: instagram`. */
  instagramId: string | null;
  /** The app that gets thread control at handoff (the Page Inbox is 263902037430900); null keeps it. */
  inboxAppId: string | null;
}

/** `BATON_CHATWOOT_*`: where Chatwoot is, the agent bot's token, and the secret its webhooks are signed with. */
export interface ChatwootConfig {
  /** `BATON_CHATWOOT_URL`: the Chatwoot installation's base URL, e.g. https://app.chatwoot.com. */
  url: string;
  /** `BATON_CHATWOOT_BOT_TOKEN`: the agent bot's `api_access_token`. */
  botToken: string;
  /** `BATON_CHATWOOT_WEBHOOK_SECRET`: verifies `X-Chatwoot-Signature`; null when the install does not sign (then anyone who knows the URL can post). */
  webhookSecret: string | null;
  /** `BATON_CHATWOOT_TEAMS`: Baton team name → Chatwoot team id, for the assignment at handoff. */
  teams: Record<string, number>;
  /** `BATON_CHATWOOT_TIMEOUT_MS`: one call to Chatwoot's API. */
  timeoutMs: number;
}

/** `BATON_ZENDESK_*`: the Zendesk account a handoff goes to, as a ticket or by passing a messaging conversation to its agents. */
export interface ZendeskConfig {
  /** `BATON_ZENDESK_URL`, or https://{`BATON_ZENDESK_SUBDOMAIN`}.zendesk.com. */
  url: string;
  /** `BATON_ZENDESK_MODE`: `ticket` (a ticket at each handoff) or `messaging` (Baton answers Zendesk messaging and passes control to the Agent Workspace). */
  mode: 'ticket' | 'messaging';
  /** `BATON_ZENDESK_EMAIL`: the agent the API token belongs to (ticket mode). */
  email: string | null;
  /** `BATON_ZENDESK_API_TOKEN` (ticket mode). */
  apiToken: string | null;
  /** Zendesk messaging (Sunshine Conversations): the app, its API key, and the webhook's secret (`X-API-Key`). */
  messaging: { appId: string; keyId: string; keySecret: string; webhookSecret: string } | null;
  /** `BATON_ZENDESK_FIELDS`: what Baton knows (case_number, team, sentiment, intent, reasons, language) → a Zendesk custom field id. */
  fields: Record<string, number>;
  /** `BATON_ZENDESK_TIMEOUT_MS`. */
  timeoutMs: number;
}

/** `BATON_CONTEXT_*`: the business's endpoint returning a customer's profile, orders and tickets. */
export interface ContextConfig {
  /** `BATON_CONTEXT_URL`. */
  url: string;
  /** `BATON_CONTEXT_SECRET`: signs each request (Standard Webhooks), as the outbound webhooks are signed. */
  secret: string;
  /** `BATON_CONTEXT_TIMEOUT_MS`: a slower answer counts as missing; the brief says so. */
  timeoutMs: number;
  /** `BATON_CONTEXT_CACHE_SECONDS`: how long an answer is reused for the same customer (0: never). */
  cacheSeconds: number;
}

/** The keys a Zendesk custom field can be filled from. */
export const ZENDESK_FIELD_KEYS = ['case_number', 'team', 'priority', 'sentiment', 'intent', 'reasons', 'language', 'brief'] as const;

/** The LLM providers Baton speaks to, through the AI SDK. */
export const LLM_PROVIDERS = ['openai', 'anthropic', 'openai-compatible'] as const;
export type LlmProvider = (typeof LLM_PROVIDERS)[number];

/** `BATON_LLM_*`: which model answers, where it is, and what happens when it fails (docs/llm.md). */
export interface LlmConfig {
  /** `BATON_LLM`. */
  provider: LlmProvider;
  /** `BATON_LLM_MODEL`; openai and anthropic have a default, openai-compatible needs one. */
  model: string;
  /** `BATON_LLM_API_KEY`; required by openai and anthropic, optional for a local server. */
  apiKey: string | null;
  /** `BATON_LLM_BASE_URL`: the provider's API root (required for openai-compatible). */
  baseUrl: string | null;
  /** `BATON_LLM_TIMEOUT_MS`: the most one answer may take, retry included; the customer never waits longer than this plus a second. */
  timeoutMs: number;
  /** `BATON_LLM_FALLBACK`: when the model fails, the embedded engine answers, or a person takes over (reason `ai_error`). */
  fallback: 'embedded' | 'escalate';
  /** `BATON_LLM_PRICE`: US dollars per million input and output tokens, for the estimated cost; null: no cost series. */
  price: { input: number; output: number } | null;
}

/** The model used when `BATON_LLM_MODEL` is unset. */
export const DEFAULT_LLM_MODELS: Record<Exclude<LlmProvider, 'openai-compatible'>, string> = { openai: 'gpt-4o-mini', anthropic: 'claude-haiku-4-5' };

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

/** A Meta object id (a phone number id, a Page id, an app id): digits only. */
const metaId = z.string().regex(/^\d{1,30}$/, 'digits only: the id as Meta shows it');
/** The Graph API's base URL, with its version; a local server in tests (docs/channels.md). */
const graphUrl = z
  .url({ protocol: /^https?$/, error: 'an http:// or https:// URL, with the API version (https://graph.facebook.com/v21.0)' })
  .transform((v) => v.replace(/\/+$/, ''))
  .default('https://graph.facebook.com/v21.0');
const httpUrl = z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' });

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
  BATON_REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1 to 64 letters, digits, dots, dashes or underscores')
    .default('baton'),
  BATON_KB_DIR: z.string().min(1).optional(),
  BATON_POLICY: z.string().min(1).optional(),
  BATON_QUEUE_UPDATE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  // Above the stream's 5-second liveness check, so an open stream always keeps its agent online.
  BATON_PRESENCE_GRACE_SECONDS: z.coerce.number().int().min(15).max(3600).default(60),
  // A dead connection is found within two rounds: keep two rounds well inside the default grace.
  BATON_WS_PING_SECONDS: z.coerce.number().int().min(1).max(300).default(20),
  BATON_ACCEPT_TIMEOUT_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
  BATON_ANSWER_TIMEOUT_SECONDS: z.coerce.number().int().min(30).max(24 * 3600).default(600),
  BATON_DEMO: bool.default(false),
  BATON_SESSION_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  BATON_DEFAULT_HANDLE_MINUTES: z.coerce.number().min(1).max(240).default(6),
  BATON_CALLBACK_OFFER_MINUTES: z.coerce.number().min(1).max(24 * 60).default(20),
  BATON_CALLBACK_MISS_MINUTES: z.coerce.number().min(1).max(24 * 60).default(15),
  BATON_CALLBACK_RETRY_MINUTES: z.coerce.number().min(1).max(7 * 24 * 60).default(30),
  BATON_CALLBACK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
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
  BATON_CONTINUE_LINK_HOURS: z.coerce.number().min(0.1).max(24 * 90).default(168),
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
  BATON_PGLITE_WORKER: bool.default(true),
  BATON_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(1000),
  BATON_SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(300).default(0),
  BATON_BOT_URL: z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }).optional(),
  BATON_BOT_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  BATON_BOT_KIND: z.enum(['generic', 'rasa']).default('generic'),
  BATON_BOT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8000),
  BATON_WHATSAPP_PHONE_NUMBER_ID: metaId.optional(),
  BATON_WHATSAPP_ACCESS_TOKEN: z.string().min(20, 'at least 20 characters: the system user\'s access token').optional(),
  BATON_WHATSAPP_APP_SECRET: z.string().min(16, 'at least 16 characters: the app secret from the app\'s basic settings').optional(),
  BATON_WHATSAPP_VERIFY_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  BATON_WHATSAPP_GRAPH_URL: graphUrl,
  BATON_WHATSAPP_TEMPLATE: z.string().regex(/^[a-z0-9_]{1,512}$/, 'a template name: lower-case letters, digits and underscores').default('baton_reply_waiting'),
  BATON_WHATSAPP_TEMPLATE_LANGUAGE: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'a template language code such as en or en_US').default('en'),
  BATON_MESSENGER_PAGE_ID: metaId.optional(),
  BATON_MESSENGER_PAGE_TOKEN: z.string().min(20, 'at least 20 characters: the Page access token').optional(),
  BATON_MESSENGER_APP_SECRET: z.string().min(16, 'at least 16 characters: the app secret from the app\'s basic settings').optional(),
  BATON_MESSENGER_VERIFY_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  BATON_MESSENGER_GRAPH_URL: graphUrl,
  BATON_MESSENGER_APP_ID: metaId.optional(),
  BATON_MESSENGER_INSTAGRAM_ID: metaId.optional(),
  BATON_MESSENGER_INBOX_APP_ID: metaId.optional(),
  BATON_CHANNEL_BACKOFF_MS: z.coerce.number().int().min(100).max(600_000).default(4000),
  BATON_CHATWOOT_URL: httpUrl.optional(),
  BATON_CHATWOOT_BOT_TOKEN: z.string().min(8, 'at least 8 characters: the agent bot\'s access token from Chatwoot').optional(),
  BATON_CHATWOOT_WEBHOOK_SECRET: z.string().min(8, 'at least 8 characters').optional(),
  BATON_CHATWOOT_TEAMS: idMap('Baton team name=Chatwoot team id, comma-separated (Billing=3,Support=1)', () => true).optional(),
  BATON_CHATWOOT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  BATON_ZENDESK_URL: httpUrl.optional(),
  BATON_ZENDESK_SUBDOMAIN: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/i, 'the subdomain alone, e.g. acme for acme.zendesk.com').optional(),
  BATON_ZENDESK_EMAIL: z.email('an email address: the Zendesk agent the token belongs to').optional(),
  BATON_ZENDESK_API_TOKEN: z.string().min(8, 'at least 8 characters').optional(),
  BATON_ZENDESK_FIELDS: idMap(`key=Zendesk custom field id, comma-separated; keys: ${ZENDESK_FIELD_KEYS.join(', ')}`, (k) => (ZENDESK_FIELD_KEYS as readonly string[]).includes(k)).optional(),
  BATON_ZENDESK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  BATON_ZENDESK_MODE: z.enum(['ticket', 'messaging']).default('ticket'),
  BATON_ZENDESK_APP_ID: z.string().regex(/^[A-Za-z0-9]{8,64}$/, 'the messaging app id (Admin Center → Apps and integrations → Conversations API)').optional(),
  BATON_ZENDESK_KEY_ID: z.string().min(8, 'at least 8 characters: the Conversations API key id').optional(),
  BATON_ZENDESK_KEY_SECRET: z.string().min(8, 'at least 8 characters: the Conversations API key secret').optional(),
  BATON_ZENDESK_WEBHOOK_SECRET: z.string().min(8, 'at least 8 characters: the secret of the webhook Zendesk sends (X-API-Key)').optional(),
  BATON_CONTEXT_URL: httpUrl.optional(),
  BATON_CONTEXT_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  BATON_CONTEXT_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(1500),
  BATON_CONTEXT_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  BATON_ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(10 * 1024 * 1024),
  BATON_ATTACHMENT_MAX_PER_CONVERSATION: z.coerce.number().int().min(1).max(10_000).default(100),
  BATON_UPLOAD_TTL_HOURS: z.coerce.number().min(1).max(24 * 365).default(24),
  BATON_ATTACHMENT_STORE: z.enum(['disk', 'database', 's3']).optional(),
  BATON_ATTACHMENT_DIR: z.string().min(1).optional(),
  BATON_S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }).optional(),
  BATON_S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name (3 to 63 lower-case letters, digits, dots and dashes)').optional(),
  BATON_S3_REGION: z.string().min(1).default('us-east-1'),
  BATON_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  BATON_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  BATON_S3_PREFIX: z.string().regex(/^[A-Za-z0-9._/-]*$/, 'letters, digits, dots, dashes, underscores and slashes').default(''),
  BATON_LLM: z.enum(LLM_PROVIDERS).optional(),
  BATON_LLM_MODEL: z.string().min(1).max(200).optional(),
  BATON_LLM_API_KEY: z.string().min(1).optional(),
  BATON_LLM_BASE_URL: z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL, e.g. http://localhost:11434/v1' }).optional(),
  BATON_LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
  BATON_LLM_FALLBACK: z.enum(['embedded', 'escalate']).default('embedded'),
  BATON_LLM_PRICE: z
    .string()
    .regex(/^\s*\d+(\.\d+)?\s*,\s*\d+(\.\d+)?\s*$/, 'two numbers, US dollars per million input and output tokens, e.g. 0.15,0.60')
    .optional(),
}).superRefine((e, issue) => {
  const need = (when: string | undefined, key: keyof typeof e, message: string) => {
    if (when && !e[key]) issue.addIssue({ code: 'custom', path: [key], message });
  };
  need(e.BATON_BOT_URL, 'BATON_BOT_SECRET', 'required with BATON_BOT_URL (at least 16 characters): the bot verifies each request with it');
  need(e.BATON_CHATWOOT_URL, 'BATON_CHATWOOT_BOT_TOKEN', 'required with BATON_CHATWOOT_URL: the access token of the agent bot Baton answers as');
  need(e.BATON_CHATWOOT_BOT_TOKEN, 'BATON_CHATWOOT_URL', 'required with BATON_CHATWOOT_BOT_TOKEN: the Chatwoot installation\'s base URL');
  need(e.BATON_CHATWOOT_WEBHOOK_SECRET, 'BATON_CHATWOOT_URL', 'required with BATON_CHATWOOT_WEBHOOK_SECRET: the Chatwoot installation\'s base URL');
  const zendesk = e.BATON_ZENDESK_URL ?? e.BATON_ZENDESK_SUBDOMAIN;
  if (e.BATON_ZENDESK_URL && e.BATON_ZENDESK_SUBDOMAIN) issue.addIssue({ code: 'custom', path: ['BATON_ZENDESK_SUBDOMAIN'], message: 'set BATON_ZENDESK_URL or BATON_ZENDESK_SUBDOMAIN, not both' });
  const tickets = zendesk && e.BATON_ZENDESK_MODE === 'ticket' ? zendesk : undefined;
  need(tickets, 'BATON_ZENDESK_EMAIL', 'required with the Zendesk account: the agent the API token belongs to');
  need(tickets, 'BATON_ZENDESK_API_TOKEN', 'required with the Zendesk account: Admin Center → Apps and integrations → Zendesk API');
  const messaging = zendesk && e.BATON_ZENDESK_MODE === 'messaging' ? zendesk : undefined;
  for (const key of ['BATON_ZENDESK_APP_ID', 'BATON_ZENDESK_KEY_ID', 'BATON_ZENDESK_KEY_SECRET', 'BATON_ZENDESK_WEBHOOK_SECRET'] as const) need(messaging, key, 'required with BATON_ZENDESK_MODE=messaging (docs/zendesk.md)');
  if (!zendesk && e.BATON_ZENDESK_MODE === 'messaging') issue.addIssue({ code: 'custom', path: ['BATON_ZENDESK_MODE'], message: 'set BATON_ZENDESK_SUBDOMAIN (or BATON_ZENDESK_URL) too: which Zendesk account?' });
  if (!zendesk && (e.BATON_ZENDESK_EMAIL || e.BATON_ZENDESK_API_TOKEN)) issue.addIssue({ code: 'custom', path: [e.BATON_ZENDESK_EMAIL ? 'BATON_ZENDESK_EMAIL' : 'BATON_ZENDESK_API_TOKEN'], message: 'set BATON_ZENDESK_SUBDOMAIN (or BATON_ZENDESK_URL) too: which Zendesk account?' });
  need(e.BATON_CONTEXT_URL, 'BATON_CONTEXT_SECRET', 'required with BATON_CONTEXT_URL (at least 16 characters): the endpoint verifies each request with it');
  requireTogether(e, issue, 'WhatsApp', ['BATON_WHATSAPP_PHONE_NUMBER_ID', 'BATON_WHATSAPP_ACCESS_TOKEN', 'BATON_WHATSAPP_APP_SECRET', 'BATON_WHATSAPP_VERIFY_TOKEN']);
  requireTogether(e, issue, 'Messenger', ['BATON_MESSENGER_PAGE_ID', 'BATON_MESSENGER_PAGE_TOKEN', 'BATON_MESSENGER_APP_SECRET', 'BATON_MESSENGER_VERIFY_TOKEN']);
  if (e.BATON_ATTACHMENT_STORE === 'disk' && !e.BATON_ATTACHMENT_DIR && e.BATON_DATA_DIR === ':memory:') issue.addIssue({ code: 'custom', path: ['BATON_ATTACHMENT_DIR'], message: 'required for the disk store when the data folder is in memory' });
  const s3 = e.BATON_ATTACHMENT_STORE === 's3' || (e.BATON_ATTACHMENT_STORE === undefined && e.BATON_S3_BUCKET !== undefined);
  if (s3) {
    for (const name of ['BATON_S3_ENDPOINT', 'BATON_S3_BUCKET', 'BATON_S3_ACCESS_KEY_ID', 'BATON_S3_SECRET_ACCESS_KEY'] as const) {
      if (!e[name]) issue.addIssue({ code: 'custom', path: [name], message: 'required to keep attachments in S3 (BATON_S3_ENDPOINT, BATON_S3_BUCKET, BATON_S3_ACCESS_KEY_ID, BATON_S3_SECRET_ACCESS_KEY)' });
    }
  }
  if (e.BATON_LLM && e.BATON_LLM !== 'openai-compatible' && !e.BATON_LLM_API_KEY) issue.addIssue({ code: 'custom', path: ['BATON_LLM_API_KEY'], message: `required with BATON_LLM=${e.BATON_LLM}: the provider's API key` });
  if (e.BATON_LLM === 'openai-compatible' && !e.BATON_LLM_BASE_URL) issue.addIssue({ code: 'custom', path: ['BATON_LLM_BASE_URL'], message: 'required with BATON_LLM=openai-compatible: the server\'s API root, e.g. http://localhost:11434/v1 for Ollama' });
  if (e.BATON_LLM === 'openai-compatible' && !e.BATON_LLM_MODEL) issue.addIssue({ code: 'custom', path: ['BATON_LLM_MODEL'], message: 'required with BATON_LLM=openai-compatible: the model\'s name on that server, e.g. llama3.1' });
});

/** `name=id,name=id`: names mapped to positive integer ids. */
function idMap(hint: string, keyOk: (key: string) => boolean) {
  return z.string().refine((v) => v.split(',').every((pair) => {
    const m = /^\s*([^=]+?)\s*=\s*(\d{1,18})\s*$/.exec(pair);
    return m !== null && keyOk(m[1]!);
  }), hint);
}

function parseIdMap(v: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pair of (v ?? '').split(',')) {
    const m = /^\s*([^=]+?)\s*=\s*(\d{1,18})\s*$/.exec(pair);
    if (m) out[m[1]!] = Number(m[2]);
  }
  return out;
}

/** A channel is on when any of its variables is set, and then every one of them is required, each named. */
function requireTogether(e: Record<string, unknown>, issue: z.RefinementCtx, channel: string, names: string[]): void {
  if (!names.some((n) => e[n] !== undefined)) return;
  for (const n of names) if (e[n] === undefined) issue.addIssue({ code: 'custom', path: [n], message: `required to turn on ${channel} (set with ${names.filter((m) => e[m] !== undefined).join(', ')})` });
}

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
    pgliteWorker: e.BATON_PGLITE_WORKER,
    maxInFlight: e.BATON_MAX_IN_FLIGHT,
    shutdownGraceSeconds: e.BATON_SHUTDOWN_GRACE_SECONDS,
    redisUrl: e.REDIS_URL ?? null,
    redisPrefix: e.BATON_REDIS_PREFIX,
    kbDir: e.BATON_KB_DIR ?? null,
    policyFile: e.BATON_POLICY ?? null,
    queueUpdateSeconds: e.BATON_QUEUE_UPDATE_SECONDS,
    presenceGraceSeconds: e.BATON_PRESENCE_GRACE_SECONDS,
    wsPingSeconds: e.BATON_WS_PING_SECONDS,
    acceptTimeoutSeconds: e.BATON_ACCEPT_TIMEOUT_SECONDS,
    answerTimeoutSeconds: e.BATON_ANSWER_TIMEOUT_SECONDS,
    demo: e.BATON_DEMO,
    sessionHours: e.BATON_SESSION_HOURS,
    defaultHandleMinutes: e.BATON_DEFAULT_HANDLE_MINUTES,
    callbackOfferMinutes: e.BATON_CALLBACK_OFFER_MINUTES,
    callbackMissMinutes: e.BATON_CALLBACK_MISS_MINUTES,
    callbackRetryMinutes: e.BATON_CALLBACK_RETRY_MINUTES,
    callbackMaxAttempts: e.BATON_CALLBACK_MAX_ATTEMPTS,
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
    continueLinkHours: e.BATON_CONTINUE_LINK_HOURS,
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
    whatsapp:
      e.BATON_WHATSAPP_PHONE_NUMBER_ID && e.BATON_WHATSAPP_ACCESS_TOKEN && e.BATON_WHATSAPP_APP_SECRET && e.BATON_WHATSAPP_VERIFY_TOKEN
        ? {
            phoneNumberId: e.BATON_WHATSAPP_PHONE_NUMBER_ID,
            accessToken: e.BATON_WHATSAPP_ACCESS_TOKEN,
            appSecret: e.BATON_WHATSAPP_APP_SECRET,
            verifyToken: e.BATON_WHATSAPP_VERIFY_TOKEN,
            graphUrl: e.BATON_WHATSAPP_GRAPH_URL,
            template: { name: e.BATON_WHATSAPP_TEMPLATE, language: e.BATON_WHATSAPP_TEMPLATE_LANGUAGE },
          }
        : null,
    messenger:
      e.BATON_MESSENGER_PAGE_ID && e.BATON_MESSENGER_PAGE_TOKEN && e.BATON_MESSENGER_APP_SECRET && e.BATON_MESSENGER_VERIFY_TOKEN
        ? {
            pageId: e.BATON_MESSENGER_PAGE_ID,
            pageToken: e.BATON_MESSENGER_PAGE_TOKEN,
            appSecret: e.BATON_MESSENGER_APP_SECRET,
            verifyToken: e.BATON_MESSENGER_VERIFY_TOKEN,
            graphUrl: e.BATON_MESSENGER_GRAPH_URL,
            appId: e.BATON_MESSENGER_APP_ID ?? null,
            instagramId: e.BATON_MESSENGER_INSTAGRAM_ID ?? null,
            inboxAppId: e.BATON_MESSENGER_INBOX_APP_ID ?? null,
          }
        : null,
    channelBackoffMs: e.BATON_CHANNEL_BACKOFF_MS,
    chatwoot: e.BATON_CHATWOOT_URL && e.BATON_CHATWOOT_BOT_TOKEN
      ? { url: e.BATON_CHATWOOT_URL.replace(/\/+$/, ''), botToken: e.BATON_CHATWOOT_BOT_TOKEN, webhookSecret: e.BATON_CHATWOOT_WEBHOOK_SECRET ?? null, teams: parseIdMap(e.BATON_CHATWOOT_TEAMS), timeoutMs: e.BATON_CHATWOOT_TIMEOUT_MS }
      : null,
    zendesk: e.BATON_ZENDESK_URL || e.BATON_ZENDESK_SUBDOMAIN
      ? {
          url: (e.BATON_ZENDESK_URL ?? `https://${e.BATON_ZENDESK_SUBDOMAIN}.zendesk.com`).replace(/\/+$/, ''),
          mode: e.BATON_ZENDESK_MODE,
          email: e.BATON_ZENDESK_EMAIL ?? null,
          apiToken: e.BATON_ZENDESK_API_TOKEN ?? null,
          messaging: e.BATON_ZENDESK_MODE === 'messaging' && e.BATON_ZENDESK_APP_ID && e.BATON_ZENDESK_KEY_ID && e.BATON_ZENDESK_KEY_SECRET && e.BATON_ZENDESK_WEBHOOK_SECRET
            ? { appId: e.BATON_ZENDESK_APP_ID, keyId: e.BATON_ZENDESK_KEY_ID, keySecret: e.BATON_ZENDESK_KEY_SECRET, webhookSecret: e.BATON_ZENDESK_WEBHOOK_SECRET }
            : null,
          fields: parseIdMap(e.BATON_ZENDESK_FIELDS),
          timeoutMs: e.BATON_ZENDESK_TIMEOUT_MS,
        }
      : null,
    context: e.BATON_CONTEXT_URL && e.BATON_CONTEXT_SECRET ? { url: e.BATON_CONTEXT_URL, secret: e.BATON_CONTEXT_SECRET, timeoutMs: e.BATON_CONTEXT_TIMEOUT_MS, cacheSeconds: e.BATON_CONTEXT_CACHE_SECONDS } : null,
    attachments: attachmentConfig(e),
    llm: e.BATON_LLM ? llmConfig(e) : null,
  };
}

function llmConfig(e: z.infer<typeof ZEnvSchema>): LlmConfig {
  const provider = e.BATON_LLM!;
  const [input, output] = (e.BATON_LLM_PRICE ?? '').split(',').map((n) => Number(n.trim()));
  return {
    provider,
    model: e.BATON_LLM_MODEL ?? (provider === 'openai-compatible' ? '' : DEFAULT_LLM_MODELS[provider]),
    apiKey: e.BATON_LLM_API_KEY ?? null,
    baseUrl: e.BATON_LLM_BASE_URL ? e.BATON_LLM_BASE_URL.replace(/\/+$/, '') : null,
    timeoutMs: e.BATON_LLM_TIMEOUT_MS,
    fallback: e.BATON_LLM_FALLBACK,
    price: e.BATON_LLM_PRICE ? { input: input!, output: output! } : null,
  };
}

function attachmentConfig(e: z.infer<typeof ZEnvSchema>): AttachmentConfig {
  const dataDir = e.BATON_DATA_DIR === ':memory:' ? null : e.BATON_DATA_DIR;
  const dir = e.BATON_ATTACHMENT_DIR ?? (dataDir ? `${dataDir.replace(/\/+$/, '')}/attachments` : null);
  const store = e.BATON_ATTACHMENT_STORE ?? (e.BATON_S3_BUCKET ? 's3' : e.DATABASE_URL || !dir ? 'database' : 'disk');
  const s3 =
    e.BATON_S3_ENDPOINT && e.BATON_S3_BUCKET && e.BATON_S3_ACCESS_KEY_ID && e.BATON_S3_SECRET_ACCESS_KEY
      ? { endpoint: e.BATON_S3_ENDPOINT, bucket: e.BATON_S3_BUCKET, region: e.BATON_S3_REGION, accessKeyId: e.BATON_S3_ACCESS_KEY_ID, secretAccessKey: e.BATON_S3_SECRET_ACCESS_KEY, prefix: e.BATON_S3_PREFIX }
      : null;
  return { maxBytes: e.BATON_ATTACHMENT_MAX_BYTES, maxPerConversation: e.BATON_ATTACHMENT_MAX_PER_CONVERSATION, unsentTtlHours: e.BATON_UPLOAD_TTL_HOURS, store, dir, s3 };
}

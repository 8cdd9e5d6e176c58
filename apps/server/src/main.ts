import { randomUUID } from 'node:crypto';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Engine, KbArticle } from '@baton/core';
import { createEngine, createEngineWithEncoder } from '@baton/core';
import { loadEncoder } from '@baton/encoder';
import type { FastifyInstance } from 'fastify';
import type { EventBus } from './adapters/bus/event-bus.js';
import { createLocalBus, createRedisBus } from './adapters/bus/event-bus.js';
import type { Database } from './adapters/db/database.js';
import { migrate } from './adapters/db/migrations.js';
import { createMemoryLimitStore, createRedisLimitStore } from './adapters/limits/limit-store.js';
import { keepEventNumbersAhead, lastEventSeq } from './adapters/db/repositories/events.repository.js';
import { insertSettingVersion, latestSetting } from './adapters/db/repositories/settings.repository.js';
import { openPgliteDatabase } from './adapters/db/pglite-database.js';
import { openPostgresDatabase } from './adapters/db/postgres-database.js';
import { emailConfigFrom } from './adapters/email/email-config.js';
import { createSmtpTransport } from './adapters/email/mail-transport.js';
import { startSmtpListener } from './adapters/email/smtp-listener.js';
import { loadKb } from './adapters/files/load-kb.js';
import { loadPolicyInput } from './adapters/files/load-policy.js';
import type { JobQueue } from './adapters/jobs/job-queue.js';
import { createJobQueue } from './adapters/jobs/job-queue.js';
import type { AppContext, Log } from './app/context.js';
import { createLimiter } from './app/limiter.js';
import { receiveRawEmail } from './app/email/receive-raw-email.js';
import { currentPolicy, policySourceLine } from './app/policy-settings.js';
import { maskForChannel } from './app/privacy/mask-for-channel.js';
import { bookPresenceSweep } from './app/sweep-absent-agents.js';
import type { Config } from './config.js';
import { DomainError } from './errors.js';
import { buildApp } from './http/build-app.js';
import type { MetricsServer } from './http/metrics-server.js';
import { startMetricsServer } from './http/metrics-server.js';
import type { BuildAppOptions } from './http/build-app.js';
import { requeueOverdueDeliveries } from './app/notifications/queue-deliveries.js';
import { answerUnanswered } from './app/answer-unanswered.js';
import { acceptTimeoutJob } from './jobs/accept-timeout.job.js';
import { deliverNotificationJob } from './jobs/deliver-notification.job.js';
import { sendEmailJob } from './jobs/send-email.job.js';
import { createEmailOutboundListener } from './listeners/email-outbound.listener.js';
import type { RunningListener } from './listeners/event-listener.js';
import { startListener } from './listeners/event-listener.js';
import { notificationsListener } from './listeners/notifications.listener.js';
import { qualityListener } from './listeners/quality.listener.js';
import { abandonmentCheckJob } from './jobs/abandonment-check.job.js';
import { presenceCheckJob } from './jobs/presence-check.job.js';
import { presenceSweepJob } from './jobs/presence-sweep.job.js';
import { sweepUnsentUploads } from './app/attachments/sweep-unsent-uploads.js';
import { callbackDueJob } from './jobs/callback-due.job.js';
import { queueUpdateJob } from './jobs/queue-update.job.js';
import { slaBreachJob } from './jobs/sla-breach.job.js';
import { createBotClient } from './adapters/bot/bot-client.js';
import { createGraphSender } from './adapters/channels/graph-sender.js';
import type { ChannelRuntime } from './app/channels/channel-runtime.js';
import { requeuePendingChannelDeliveries } from './app/channels/receive-channel-webhook.js';
import { channelInboundJob } from './jobs/channel-inbound.job.js';
import { channelSendJob } from './jobs/channel-send.job.js';
import { createChannelsOutboundListener } from './listeners/channels-outbound.listener.js';
import { createChatwootClient } from './adapters/integrations/chatwoot-client.js';
import { createContextClient } from './adapters/integrations/context-client.js';
import { createZendeskClient } from './adapters/integrations/zendesk-client.js';
import { createZendeskMessagingClient } from './adapters/integrations/zendesk-messaging-client.js';
import { ZENDESK_INBOUND } from './app/integrations/receive-zendesk-messaging.js';
import { zendeskDeliveryJob } from './jobs/zendesk-delivery.job.js';
import { zendeskOutboundJob } from './jobs/zendesk-outbound.job.js';
import { CHATWOOT_INBOUND } from './app/integrations/receive-chatwoot-webhook.js';
import { requeueIntegrationDeliveries } from './app/integrations/store-integration-delivery.js';
import { chatwootDeliveryJob } from './jobs/chatwoot-delivery.job.js';
import { chatwootOutboundJob } from './jobs/chatwoot-outbound.job.js';
import { zendeskHandoffJob } from './jobs/zendesk-handoff.job.js';
import { createIntegrationOutboundListener } from './listeners/integration-outbound.listener.js';
import { zendeskListener } from './listeners/zendesk.listener.js';
import type { AttachmentStore } from './adapters/attachments/attachment-store.js';
import { createDatabaseAttachmentStore } from './adapters/attachments/database-attachment-store.js';
import { createDiskAttachmentStore } from './adapters/attachments/disk-attachment-store.js';
import { createS3AttachmentStore } from './adapters/attachments/s3-attachment-store.js';
import { createLlmClient } from './adapters/llm/llm-client.js';
import { webBanner } from './http/web.routes.js';

/** How often each node looks for unsent uploads past their age (`sweepUnsentUploads`). */
const UPLOAD_SWEEP_EVERY_MS = 3_600_000;
/** Every how many sweeps one also lists the whole attachment store (at start, then daily). */
const RECONCILE_EVERY_SWEEPS = 24;

/** A task run now and then every so often, one run at a time (see `repeating`). */
interface Repeating {
  /** No run starts after this; resolves once the one under way, if any, has ended. */
  stop(): Promise<void>;
}

/**
 * Runs `task` now and every `everyMs`; a round that comes while the last run is still going is
 * skipped, so a slow sweep never runs twice at once. Failures go to `onError`.
 */
function repeating(task: () => Promise<unknown>, everyMs: number, onError: (err: Error) => void): Repeating {
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= task()
      .then(() => {}, onError)
      .finally(() => (running = null));
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** A running server: its context, its HTTP app and how to stop it cleanly. */
export interface Server {
  ctx: AppContext;
  app: FastifyInstance;
  url: string | null;
  /** The separate metrics port's base URL (`BATON_METRICS_PORT`), or null. */
  metricsUrl: string | null;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Listen on the configured port; tests that use `inject()` pass false. */
  listen?: boolean;
  /** Run the job workers (true by default). */
  workers?: boolean;
  /** A clock for tests. */
  clock?: () => Date;
  /** The demo KB folder, used when BATON_KB_DIR is not set. */
  defaultKbDir?: string;
  /** Runs after migrations, before listening (the demo seed). */
  beforeListen?: (ctx: AppContext) => Promise<void>;
  plugins?: BuildAppOptions['plugins'];
  /** Check every response against its route's schema (tests). */
  checkResponses?: boolean;
  log?: Log;
}

/** Logs for people: one line each, with the fields that help, as JSON when not on a terminal. */
export function consoleLog(level: Config['logLevel']): Log {
  const order = ['debug', 'info', 'warn', 'error'];
  const min = level === 'silent' || level === 'fatal' ? 99 : order.indexOf(level);
  return (lvl, message, fields) => {
    if (order.indexOf(lvl) < min) return;
    if (process.stderr.isTTY) {
      const extra = fields && Object.keys(fields).length ? ` ${Object.entries(fields).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' ')}` : '';
      process.stderr.write(`${lvl === 'info' ? '' : `${lvl.toUpperCase()}: `}${message}${extra}\n`);
    } else {
      // A log line carries the machine's time, to line up with the other logs of the host.
      // eslint-disable-next-line no-restricted-syntax
      process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, msg: message, ...fields })}\n`);
    }
  };
}

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, PGlite in BATON_DATA_DIR otherwise. */
export async function openDatabase(config: Config): Promise<Database> {
  return config.databaseUrl ? openPostgresDatabase(config.databaseUrl, { max: config.dbPoolSize }) : openPgliteDatabase(config.dataDir ? resolve(config.dataDir) : null, { worker: config.pgliteWorker });
}

/** The attachment store the configuration names (`BATON_ATTACHMENT_STORE`, `BATON_S3_*`, `BATON_ATTACHMENT_DIR`). */
export function openAttachmentStore(config: Config, db: Database, clock: () => Date): AttachmentStore {
  const a = config.attachments;
  if (a.store === 's3' && a.s3) return createS3AttachmentStore(a.s3, { clock });
  if (a.store === 'disk' && a.dir) return createDiskAttachmentStore(resolve(a.dir));
  return createDatabaseAttachmentStore(db, { clock });
}

/**
 * Wires the adapters and starts the server: migrations, the KB and the policy, the bus, the job
 * workers, the HTTP app. This file alone knows which adapter serves which port.
 */
export async function startServer(config: Config, opts: StartOptions = {}): Promise<Server> {
  const write = opts.log ?? consoleLog(config.logLevel);
  // Log lines quote customers (a failing message, an address); BATON_PII_MASK_LOG decides what they may show.
  const log: Log = (level, message, fields) => write(level, maskForChannel(config, 'log', message), fields && maskForChannel(config, 'log', fields));
  const started = performance.now();
  // The app's one clock (see `AppContext.clock`): every time stored or compared with a stored
  // one comes from it, the migrations' dates included; tests pass one of their own.
  // eslint-disable-next-line no-restricted-syntax
  const clock = opts.clock ?? (() => new Date());
  const db = await openDatabase(config);
  log('info', `database: ${db.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.dataDir ? resolve(config.dataDir) : 'memory'}${config.pgliteWorker ? ', in a worker thread' : ''}`}`);
  await migrate(db, (line) => log('info', line), { clock });
  await keepEventNumbersAhead(db);

  const kbDir = config.kbDir ?? opts.defaultKbDir ?? null;
  let articles: KbArticle[] = kbDir ? loadKb(kbDir) : [];
  const fileInput = loadPolicyInput(config.policyFile ?? undefined);
  const stored = await currentPolicy(db, fileInput);
  const policyLine = policySourceLine(stored.version, config.policyFile ?? null);
  log(policyLine.level, policyLine.message);
  const encoder = await loadEncoder({
    disabled: config.encoder === 'off',
    cacheDir: config.cacheDir ?? (config.dataDir ? join(resolve(config.dataDir), 'cache') : join(homedir(), '.cache', 'baton')),
    log: (level, message, fields) => log(level, message, fields),
  });
  // The KB's vectors go to the disk cache (customer messages never do), so a restart embeds nothing.
  const kbEncoder = encoder?.persistent() ?? null;
  const encoderFailed = (err: Error) => log('warn', `sentence encoder failed while embedding the KB; the engine runs on the lexical path: ${err.message}`);
  const t = performance.now();
  let engine: Engine = await createEngineWithEncoder({ policy: stored.policy, articles }, kbEncoder, encoderFailed);
  let policyVersion = stored.version;
  log('info', `knowledge base: ${articles.length} articles${kbDir ? ` from ${kbDir}` : ' (none: the AI can only clarify or hand over)'}, trained in ${Math.round(performance.now() - t)} ms${engine.semantic ? ' with sentence vectors' : ', lexical only'}; policy version ${policyVersion}`);

  if (config.chatwoot) log('info', `Chatwoot agent bot: ${new URL(config.chatwoot.url).origin}; webhook signatures ${config.chatwoot.webhookSecret ? 'required' : 'not checked (BATON_CHATWOOT_WEBHOOK_SECRET is not set)'}`);
  if (config.zendesk) log('info', `Zendesk (${config.zendesk.mode}): ${config.zendesk.mode === 'ticket' ? 'a ticket at each handoff' : 'Baton answers messaging and passes control to the Agent Workspace at handoff'}, in ${new URL(config.zendesk.url).origin}`);
  if (config.context) log('info', `customer data: ${new URL(config.context.url).origin} (timeout ${config.context.timeoutMs} ms, cached ${config.context.cacheSeconds} s), in place of the built-in tables`);
  const store = config.attachments;
  log('info', `attachments: up to ${Math.round(store.maxBytes / 1024)} KB each, kept ${store.store === 's3' ? `in S3 bucket ${store.s3?.bucket} at ${store.s3 ? new URL(store.s3.endpoint).origin : ''}` : store.store === 'disk' ? `in ${resolve(store.dir ?? '.')}` : 'in the database'}`);
  if (config.llm) log('info', `language model: ${config.llm.provider} ${config.llm.model}${config.llm.baseUrl ? ` at ${new URL(config.llm.baseUrl).origin}` : ''}, timeout ${config.llm.timeoutMs} ms, fallback ${config.llm.fallback}; the policy still decides every handoff`);
  if (config.bot) log('info', `external bot (${config.bot.kind}): ${new URL(config.bot.url).origin}, timeout ${config.bot.timeoutMs} ms; the policy still decides every handoff`);

  let bus: EventBus;
  if (config.redisUrl) {
    bus = await createRedisBus(config.redisUrl, (line) => log('warn', line), config.redisPrefix);
    log('info', 'cluster bus: Redis');
  } else bus = createLocalBus();

  const limitStore = config.redisUrl ? await createRedisLimitStore(config.redisUrl, (line) => log('warn', line), Date.now, config.redisPrefix) : createMemoryLimitStore();
  const jobs: JobQueue = await createJobQueue(db, { ...(config.databaseUrl ? { url: config.databaseUrl } : {}), clock, log: (line) => log('warn', line) });
  let byId = new Map(articles.map((a) => [a.id, a]));
  let kbVersion = (await latestSetting<{ articles: number }>(db, 'kb'))?.version ?? 0;
  const ctx: AppContext = {
    db,
    bus,
    jobs,
    config,
    limiter: createLimiter(limitStore, config.limits, config.lockout, (message) => log('warn', message)),
    log,
    attachments: openAttachmentStore(config, db, clock),
    clock,
    encoder,
    newId: () => randomUUID(),
    engine: () => engine,
    setEngine: (e, version) => {
      engine = e;
      policyVersion = version;
    },
    policyVersion: () => policyVersion,
    articles: () => byId,
    bot: config.bot ? createBotClient(config.bot, { outboundAllow: config.outboundAllow, clock }) : null,
    context: config.context ? createContextClient(config.context, { outboundAllow: config.outboundAllow, clock, newId: () => randomUUID() }) : null,
    chatwoot: config.chatwoot ? createChatwootClient(config.chatwoot, { outboundAllow: config.outboundAllow }) : null,
    zendesk: config.zendesk?.mode === 'ticket' ? createZendeskClient(config.zendesk, { outboundAllow: config.outboundAllow }) : null,
    zendeskMessaging: config.zendesk?.messaging ? createZendeskMessagingClient({ ...config.zendesk, messaging: config.zendesk.messaging }, { outboundAllow: config.outboundAllow }) : null,
    llm: config.llm ? createLlmClient(config.llm, { clock }) : null,
    reloadKb: async (by) => {
      if (!kbDir) throw new DomainError('KB_ERR_NOT_CONFIGURED', 'no KB folder is configured (BATON_KB_DIR)');
      const started = performance.now();
      const fresh = loadKb(kbDir);
      const version = kbVersion + 1;
      await db.transaction().execute((tx) => insertSettingVersion(tx, { key: 'kb', version, value: { articles: fresh.length }, createdBy: by, createdAt: clock() }));
      await useKb(fresh, version);
      ctx.bus.publish(await lastEventSeq(db));
      return { articles: fresh.length, version, ms: Math.round(performance.now() - started) };
    },
  };

  /** Retrains the engine on a new KB, keeping the policy in force. */
  async function useKb(fresh: KbArticle[], version: number) {
    const next = await createEngineWithEncoder({ policy: engine.policy, articles: fresh }, kbEncoder, encoderFailed);
    articles = fresh;
    byId = new Map(fresh.map((a) => [a.id, a]));
    engine = next;
    kbVersion = version;
    log('info', `knowledge base reloaded: ${fresh.length} articles (version ${version})`);
  }

  // Another node saved a new policy or reloaded the KB: pick it up (checked at most once a second, on any event).
  let lastCheck = -Infinity;
  const unsubscribe = bus.subscribe(() => {
    if (performance.now() - lastCheck < 1000) return;
    lastCheck = performance.now();
    void latestSetting<{ articles: number }>(db, 'kb')
      .then((k) => {
        if (k && k.version !== kbVersion && kbDir) return useKb(loadKb(kbDir), k.version);
      })
      .catch((err: Error) => log('warn', `could not reload the KB: ${err.message}`));
    void currentPolicy(db, fileInput)
      .then((p) => {
        if (p.version !== policyVersion) {
          ctx.setEngine(createEngine({ policy: p.policy, answerer: engine.answerer ?? undefined, ...(engine.answerer ? {} : { articles }), ...(engine.vectors ? { vectors: engine.vectors } : {}) }), p.version);
          log('info', `policy version ${p.version} loaded`);
        }
      })
      .catch((err: Error) => log('warn', `could not check the policy version: ${err.message}`));
  });

  const email = emailConfigFrom(config);
  const mailer = email.smtpUrl ? createSmtpTransport(email.smtpUrl) : null;
  const listeners: RunningListener[] = [];
  let smtpIn: { close(): Promise<void> } | null = null;
  const sweeps: Repeating[] = [];
  if (opts.workers !== false) {
    const guard = (name: string, fn: (ctx: AppContext, data: unknown) => Promise<void>) => async (data: unknown) => {
      try {
        await fn(ctx, data);
      } catch (err) {
        log('error', `job ${name} failed; it will be retried`, { error: (err as Error).message, data });
        throw err;
      }
    };
    await jobs.work('queue-update', guard('queue-update', queueUpdateJob));
    await jobs.work('sla-breach', guard('sla-breach', slaBreachJob));
    await jobs.work('accept-timeout', guard('accept-timeout', acceptTimeoutJob));
    await jobs.work('callback-due', guard('callback-due', callbackDueJob));
    await jobs.work('abandonment-check', guard('abandonment-check', abandonmentCheckJob));
    await jobs.work('presence-check', guard('presence-check', presenceCheckJob));
    // Agents whose node was killed (no stream closed, no presence check booked): one sweep for the
    // installation, booked by every node that runs jobs and rebooked by each run.
    await jobs.work('presence-sweep', guard('presence-sweep', presenceSweepJob));
    await bookPresenceSweep(ctx);
    await jobs.work('deliver-notification', guard('deliver-notification', (c, d) => deliverNotificationJob(c, d, { smtpUrl: config.smtpUrl ?? undefined })));
    // Messages a stopped node stored but never answered: answered now, and checked every minute.
    sweeps.push(repeating(() => answerUnanswered(ctx), 60_000, (err) => log('warn', `could not sweep unanswered messages: ${err.message}`)));
    // Uploads no message sent (the tab was closed): removed once older than BATON_UPLOAD_TTL_HOURS,
    // at start and every hour; every node may run it, since it removes only what is still unsent.
    // The first sweep and one a day also list the whole store for bytes no row knows of.
    let uploadSweeps = 0;
    const sweepUploads = () => sweepUnsentUploads(ctx, { reconcile: uploadSweeps++ % RECONCILE_EVERY_SWEEPS === 0 });
    sweeps.push(repeating(sweepUploads, UPLOAD_SWEEP_EVERY_MS, (err) => log('warn', `could not sweep unsent uploads: ${err.message}`)));
    listeners.push(startListener(ctx, notificationsListener));
    listeners.push(startListener(ctx, qualityListener));
    await requeueOverdueDeliveries(ctx);
    if (config.chatwoot) {
      await jobs.work('chatwoot-delivery', guard('chatwoot-delivery', chatwootDeliveryJob));
      await jobs.work('chatwoot-outbound', guard('chatwoot-outbound', chatwootOutboundJob));
      listeners.push(startListener(ctx, createIntegrationOutboundListener({ name: 'chatwoot', provider: CHATWOOT_INBOUND.provider, job: 'chatwoot-outbound' })));
      await requeueIntegrationDeliveries(ctx, CHATWOOT_INBOUND);
    }
    if (config.zendesk?.mode === 'ticket') {
      await jobs.work('zendesk-handoff', guard('zendesk-handoff', zendeskHandoffJob));
      listeners.push(startListener(ctx, zendeskListener));
    }
    if (config.zendesk?.messaging) {
      await jobs.work('zendesk-delivery', guard('zendesk-delivery', zendeskDeliveryJob));
      await jobs.work('zendesk-outbound', guard('zendesk-outbound', zendeskOutboundJob));
      listeners.push(startListener(ctx, createIntegrationOutboundListener({ name: 'zendesk-messaging', provider: ZENDESK_INBOUND.provider, job: 'zendesk-outbound' })));
      await requeueIntegrationDeliveries(ctx, ZENDESK_INBOUND);
    }
    // The email channel: outbound mail for email conversations and handoff confirmations, and the
    // built-in SMTP listener for inbound mail.
    if (mailer) {
      await jobs.work('send-email', guard('send-email', sendEmailJob(mailer, { mailFrom: email.mailFrom })));
      listeners.push(startListener(ctx, createEmailOutboundListener({ mailFrom: email.mailFrom })));
    }
    // WhatsApp, Messenger and Instagram: the webhook's deliveries are processed by a job, and the
    // outbound listener renders messages for the send job (docs/channels.md).
    const channels: ChannelRuntime = {
      whatsapp: config.whatsapp && { config: config.whatsapp, sender: createGraphSender({ baseUrl: config.whatsapp.graphUrl, accessToken: config.whatsapp.accessToken, outboundAllow: config.outboundAllow }) },
      messenger: config.messenger && { config: config.messenger, sender: createGraphSender({ baseUrl: config.messenger.graphUrl, accessToken: config.messenger.pageToken, outboundAllow: config.outboundAllow }) },
    };
    if (channels.whatsapp || channels.messenger) {
      await jobs.work('channel-inbound', guard('channel-inbound', channelInboundJob(channels)));
      await jobs.work('channel-send', guard('channel-send', channelSendJob(channels, { backoffMs: config.channelBackoffMs })));
      listeners.push(startListener(ctx, createChannelsOutboundListener(channels)));
      await requeuePendingChannelDeliveries(ctx);
      log('info', `messaging channels: ${[channels.whatsapp && 'WhatsApp', channels.messenger && `Messenger${config.messenger?.instagramId ? ' and Instagram' : ''}`].filter(Boolean).join(', ')}`);
    }
    if (email.smtpListenPort !== null) {
      const admit = async (address: string, sessionId: string) => {
        await ctx.limiter.take('smtp.address', address);
        return (await ctx.limiter.acquire('smtp_open.address', address, sessionId)).release;
      };
      smtpIn = await startSmtpListener({ port: email.smtpListenPort, host: email.smtpListenHost, log, admit, onMessage: async (raw, envelope) => void (await receiveRawEmail(ctx, raw, { mailFrom: email.mailFrom, recipients: envelope.rcptTo })) });
      log('info', `email: receiving mail by SMTP on ${email.smtpListenHost}:${email.smtpListenPort}`);
    }
  }

  await opts.beforeListen?.(ctx);
  let metricsRenderer: { render: () => Promise<string>; contentType: string } | null = null;
  const app = await buildApp(ctx, {
    policyFileInput: fileInput,
    ...(opts.plugins ? { plugins: opts.plugins } : {}),
    ...(opts.checkResponses ? { checkResponses: true } : {}),
    serveMetrics: (render, contentType) => void (metricsRenderer = { render, contentType }),
    stopping: () => stopping !== null,
  });
  let url: string | null = null;
  let metricsServer: MetricsServer | null = null;
  if (opts.listen !== false) {
    url = await app.listen({ port: config.port, host: config.host });
    log('info', `Baton is listening on ${url.replace('127.0.0.1', 'localhost')} (started in ${Math.round(performance.now() - started)} ms)`);
    for (const line of webBanner(url.replace('127.0.0.1', 'localhost'))) log('info', line);
    if (config.metricsPort !== null && metricsRenderer) {
      const { render, contentType } = metricsRenderer;
      metricsServer = await startMetricsServer(config.metricsHost, config.metricsPort, render, contentType, (m, f) => log('error', m, f));
      log('info', `metrics: Prometheus on ${metricsServer.url}/metrics`);
    }
  } else await app.ready();

  let stopping: Promise<void> | null = null;
  // Graceful: not ready at once (a load balancer moves away during the grace), new API requests
  // refused with 503, the ones in flight finished (their messages stored and answered), then the
  // workers and connections closed.
  const stop = () =>
    (stopping ??= (async () => {
      if (config.shutdownGraceSeconds > 0) await new Promise((resolve) => setTimeout(resolve, config.shutdownGraceSeconds * 1000));
      // No new sweep starts; one under way finishes before the database closes.
      const sweepsDone = Promise.all(sweeps.map((r) => r.stop()));
      await smtpIn?.close().catch(() => {});
      await app.close();
      for (const l of listeners) await l.stop();
      await metricsServer?.close();
      unsubscribe();
      mailer?.close();
      await sweepsDone;
      await jobs.stop().catch((err: Error) => log('warn', `stopping jobs: ${err.message}`));
      await bus.close();
      await limitStore.close();
      await db.close();
      await encoder?.close();
    })());
  return { ctx, app, url, metricsUrl: metricsServer?.url ?? null, stop };
}



import { randomUUID } from 'node:crypto';
import type { KbArticle } from '@baton/core';
import { createEngine, resolvePolicy } from '@baton/core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createDatabaseAttachmentStore } from '../adapters/attachments/database-attachment-store.js';
import type { Database, QueryObserver } from '../adapters/db/database.js';
import { migrate } from '../adapters/db/migrations.js';
import { openPgliteDatabase } from '../adapters/db/pglite-database.js';
import { openPostgresDatabase } from '../adapters/db/postgres-database.js';
import type { JobName } from '../adapters/jobs/job-queue.js';
import { createJobQueue } from '../adapters/jobs/job-queue.js';
import type { QueuedJob } from '../adapters/jobs/queued-jobs.js';
import { listQueuedJobs } from '../adapters/jobs/queued-jobs.js';
import { createMemoryLimitStore } from '../adapters/limits/limit-store.js';
import type { AppContext } from '../app/context.js';
import { createLimiter } from '../app/limiter.js';
import { loadConfig } from '../config.js';
import { freshPostgres } from './databases.js';
import { FakeClock, InMemoryBus } from './fakes.js';

/** One use case's world: a real, empty database, the real job queue, and the test's clock and bus. */
export interface MediumContext {
  ctx: AppContext;
  clock: FakeClock;
  bus: InMemoryBus;
  /** Log lines the use cases wrote, as `level: message`. */
  logs: string[];
  /** The jobs sent so far, oldest first; only those named `name` when given. */
  jobs(name?: JobName): Promise<QueuedJob[]>;
  close(): Promise<void>;
}

/** A fixed instant for tests that do not care which day it is: a Tuesday, mid-morning UTC. */
export const MEDIUM_NOW = '2026-03-10T10:00:00Z';

/**
 * The context the server's use cases run in, wired as `main.ts` wires it but with nothing
 * seeded: PGlite in memory or a fresh PostgreSQL database (dropped on close), migrations run,
 * pg-boss on the same database and measured on the FakeClock, the InMemoryBus, and the engine on
 * the default policy with `articles` (none by default). Each test makes the rows it needs with
 * the factories.
 */
export async function createMediumContext(kind: 'pglite' | 'postgres', opts: { now?: Date | string; env?: Record<string, string>; articles?: KbArticle[]; onQuery?: QueryObserver } = {}): Promise<MediumContext> {
  const pg = kind === 'postgres' ? await freshPostgres() : null;
  const observe = opts.onQuery ? { onQuery: opts.onQuery } : {};
  const db: Database = pg ? await openPostgresDatabase(pg.url, observe) : await openPgliteDatabase(null, observe);
  await migrate(db);
  const clock = new FakeClock(opts.now ?? MEDIUM_NOW);
  const bus = new InMemoryBus();
  const logs: string[] = [];
  const jobs = await createJobQueue(db, { ...(pg ? { url: pg.url } : {}), clock: clock.now, log: (line) => logs.push(`jobs: ${line}`) });
  const articles = opts.articles ?? [];
  const byId = new Map(articles.map((a) => [a.id, a]));
  let engine = createEngine({ policy: resolvePolicy(), articles });
  let policyVersion = 0;
  const config = loadConfig({ BATON_LOG_LEVEL: 'error', BATON_ENCODER: 'off', ...opts.env });
  const ctx: AppContext = {
    db,
    bus,
    jobs,
    config,
    limiter: createLimiter(createMemoryLimitStore(() => clock.now().getTime()), config.limits, config.lockout, (message) => logs.push(`warn: ${message}`)),
    log: (level, message) => logs.push(`${level}: ${message}`),
    attachments: createDatabaseAttachmentStore(db),
    clock: clock.now,
    newId: () => randomUUID(),
    encoder: null,
    engine: () => engine,
    setEngine: (e, version) => {
      engine = e;
      policyVersion = version;
    },
    policyVersion: () => policyVersion,
    articles: () => byId,
  };
  return {
    ctx,
    clock,
    bus,
    logs,
    jobs: (name) => listQueuedJobs(db, name),
    async close() {
      await jobs.stop();
      await bus.close();
      await db.close();
      await pg?.drop();
    },
  };
}

/**
 * A medium context for the enclosing `describe`: created before its tests (before each one with
 * `fresh: true`, for use cases that read every row of a table, as routing reads every team) and
 * closed after. The returned object reads the current one, so tests use it as a MediumContext.
 */
export function useMediumContext(kind: 'pglite' | 'postgres', opts: Parameters<typeof createMediumContext>[1] & { fresh?: boolean } = {}): MediumContext {
  let current: MediumContext | undefined;
  const { fresh, ...options } = opts;
  (fresh ? beforeEach : beforeAll)(async () => {
    current = await createMediumContext(kind, options);
  });
  (fresh ? afterEach : afterAll)(async () => {
    await current?.close();
    current = undefined;
  });
  const get = (): MediumContext => {
    if (!current) throw new Error('the medium context is only there while a test runs');
    return current;
  };
  return {
    get ctx() {
      return get().ctx;
    },
    get clock() {
      return get().clock;
    },
    get bus() {
      return get().bus;
    },
    get logs() {
      return get().logs;
    },
    jobs: (name) => get().jobs(name),
    close: () => get().close(),
  };
}

import PgBoss from 'pg-boss';
import type { Database } from '../db/database.js';

/** The durable timers: rows in the database with a run time, claimed once across nodes. */
export const JOB_NAMES = ['queue-update', 'sla-breach', 'accept-timeout', 'deliver-notification', 'send-email', 'callback-due', 'abandonment-check', 'presence-check', 'presence-sweep', 'channel-inbound', 'channel-send', 'chatwoot-delivery', 'chatwoot-outbound', 'zendesk-handoff', 'zendesk-delivery', 'zendesk-outbound'] as const;
export type JobName = (typeof JOB_NAMES)[number];

/**
 * Queues that hold one waiting job per key (pg-boss's `short` policy): recurring jobs every node
 * books, of which the installation needs one.
 */
export const SINGLE_QUEUED: ReadonlySet<JobName> = new Set(['presence-sweep']);

export interface JobQueue {
  /**
   * Schedules a job at `runAt`, with a `key` naming it. On a queue of `SINGLE_QUEUED` only one job
   * per key waits at a time: booking it again while it waits keeps the one booked.
   */
  schedule(name: JobName, data: Record<string, unknown>, runAt: Date, key?: string): Promise<void>;
  /** Starts workers; each handler must be idempotent, since a job can run again after a crash. */
  work(name: JobName, handler: (data: Record<string, unknown>) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

/**
 * pg-boss on the same database: on PostgreSQL through its own pool, on PGlite through the
 * database's `executeSql`, so the embedded mode has durable timers too.
 *
 * Run times are handed to pg-boss as a delay measured on the app's clock, not as a wall-clock
 * instant: pg-boss compares `start_after` with the database's `now()`, so an absolute time taken
 * from an injected clock would fire at once (or never) whenever that clock is not the real one.
 * With a delay the queue lives under the same clock as the rest of the app.
 */
export async function createJobQueue(db: Database, opts: { url?: string; pollSeconds?: number; clock: () => Date; log: (line: string) => void }): Promise<JobQueue> {
  const boss = new PgBoss(
    opts.url
      ? { connectionString: opts.url, max: 4, schema: 'pgboss', supervise: true, migrate: true }
      : { db: { executeSql: (text: string, values?: unknown[]) => db.executeSql(text, values) }, schema: 'pgboss', supervise: true, migrate: true },
  );
  boss.on('error', (err: Error) => opts.log(`jobs: ${err.message}`));
  await boss.start();
  for (const name of JOB_NAMES) {
    await boss.createQueue(name, { name, policy: SINGLE_QUEUED.has(name) ? 'short' : 'standard', retryLimit: 5, retryDelay: 2, retryBackoff: true, expireInSeconds: 60 });
  }
  const pollingIntervalSeconds = opts.pollSeconds ?? 1;
  return {
    schedule: async (name, data, runAt, key) => {
      const delaySeconds = Math.max(0, Math.ceil((runAt.getTime() - opts.clock().getTime()) / 1000));
      await boss.send(name, data, { startAfter: delaySeconds, ...(key ? { singletonKey: key } : {}) });
    },
    work: async (name, handler) => {
      await boss.work(name, { pollingIntervalSeconds, batchSize: 5 }, async (jobs) => {
        for (const job of jobs) await handler(job.data as Record<string, unknown>);
      });
    },
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}

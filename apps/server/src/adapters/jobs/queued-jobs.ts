import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { JobName } from './job-queue.js';

/** A job as pg-boss holds it: its payload, its singleton key, and the delay it was booked with. */
export interface QueuedJob {
  name: JobName;
  data: Record<string, unknown>;
  key: string | null;
  /** `start_after − created_on`, in whole seconds: how long the job was booked to wait on the app's clock. */
  delaySeconds: number;
}

/** Every job pg-boss holds (of one name when given), oldest first: for tests and inspection. */
export async function listQueuedJobs(db: Database, name?: JobName): Promise<QueuedJob[]> {
  // The database's camel-case plugin renames result columns: singleton_key comes back as singletonKey.
  const rows = await sql<{ name: JobName; data: Record<string, unknown>; singletonKey: string | null; delay: string }>`
    select name, data, singleton_key, extract(epoch from (start_after - created_on)) as delay
    from pgboss.job ${name ? sql`where name = ${name}` : sql``} order by created_on, id`.execute(db);
  return rows.rows.map((r) => ({ name: r.name, data: r.data, key: r.singletonKey, delaySeconds: Math.round(Number(r.delay)) }));
}

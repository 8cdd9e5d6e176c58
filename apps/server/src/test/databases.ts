import { randomBytes } from 'node:crypto';
import { createPostgresDatabase, dropPostgresDatabase } from '../adapters/db/postgres-database.js';

/**
 * The databases the server suite runs on: PGlite always, and the real PostgreSQL server when
 * DATABASE_URL is set (CI starts one with shared/ci/services.sh). Each test file gets a fresh,
 * empty database of its own, dropped afterwards.
 */
export const TEST_DATABASES: ('pglite' | 'postgres')[] = ['pglite', ...(process.env.DATABASE_URL ? (['postgres'] as const) : [])];

/** Creates an empty PostgreSQL database for one test file; returns its URL and a dropper. */
export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.DATABASE_URL;
  if (!admin) throw new Error('DATABASE_URL is not set');
  const name = `baton_test_${randomBytes(6).toString('hex')}`;
  return { url: await createPostgresDatabase(admin, name), drop: () => dropPostgresDatabase(admin, name) };
}

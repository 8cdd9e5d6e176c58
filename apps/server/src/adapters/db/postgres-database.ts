import { PostgresDialect } from 'kysely';
import pg from 'pg';
import type { QueryObserver } from './database.js';
import { Database } from './database.js';

// Timestamps come back as JS Dates, bigints (event sequence numbers, counts) as numbers: they stay
// far below 2^53 in any real deployment, numbers serialise to JSON as clients expect, and PGlite
// returns them the same way.
pg.types.setTypeParser(20, (v: string) => Number(v));

/** A PostgreSQL server through a connection pool. */
export async function openPostgresDatabase(url: string, options: { max?: number; onQuery?: QueryObserver } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  pool.on('error', (err) => {
    // An idle client died (the server restarted); the pool replaces it on the next query.
    process.stderr.write(`baton: database connection lost: ${err.message}\n`);
  });
  await pool.query('select 1');
  return new Database('postgres', new PostgresDialect({ pool }), async (text, values) => ({ rows: (await pool.query(text, values)).rows }), options.onQuery);
}

/**
 * Creates an empty database on the server of `adminUrl` (a test file's own database); returns
 * its URL. `name` must be a plain identifier.
 */
export async function createPostgresDatabase(adminUrl: string, name: string): Promise<string> {
  await administer(adminUrl, `create database ${identifier(name)}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by `createPostgresDatabase`, closing the connections still open to it. */
export async function dropPostgresDatabase(adminUrl: string, name: string): Promise<void> {
  await administer(adminUrl, `drop database if exists ${identifier(name)} with (force)`);
}

// `create database` cannot run in a transaction or take parameters: one client, one statement.
async function administer(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function identifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a database name: ${name}`);
  return name;
}

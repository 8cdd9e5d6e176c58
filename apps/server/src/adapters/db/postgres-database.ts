import pg from 'pg';
import type { Database, Sql } from './database.js';

// Timestamps come back as JS Dates, bigints (event sequence numbers) as numbers: they stay far
// below 2^53 in any real deployment, and numbers serialise to JSON as clients expect.
pg.types.setTypeParser(20, (v: string) => Number(v));

/** A PostgreSQL server through a connection pool. */
export async function openPostgresDatabase(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  pool.on('error', (err) => {
    // An idle client died (the server restarted); the pool replaces it on the next query.
    process.stderr.write(`baton: database connection lost: ${err.message}\n`);
  });
  await pool.query('select 1');
  return {
    kind: 'postgres',
    query: async (text, params) => (await pool.query(text, params)).rows,
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const tx: Sql = { query: async (text, params) => (await client.query(text, params)).rows };
        const result = await fn(tx);
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    exec: async (script) => {
      await pool.query(script);
    },
    executeSql: async (text, values) => ({ rows: (await pool.query(text, values)).rows }),
    close: () => pool.end(),
  };
}

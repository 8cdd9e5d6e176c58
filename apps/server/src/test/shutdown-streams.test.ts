import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freshPostgres } from './databases.js';
import { startTestServer } from './test-server.js';
import { openStream } from './ws-client.js';

/**
 * A node stopping gracefully (a rolling deploy) closes its streams: what their close writes (the
 * agent's presence check, the customer's last seen) is stored before the database is closed,
 * and nothing fails on a closed database. On PostgreSQL, so the rows can be read after the stop.
 */
describe.runIf(process.env.DATABASE_URL)('streams closed by a graceful stop', () => {
  it('books the agent\'s presence check and notes the customer as seen before the database closes', async () => {
    const db = await freshPostgres();
    const problems: string[] = [];
    try {
      const s = await startTestServer('pglite', { listen: true, env: { DATABASE_URL: db.url, BATON_LOG_LEVEL: 'warn' }, onLog: (level, message, fields) => level !== 'info' && level !== 'debug' && problems.push(`${level}: ${message} ${JSON.stringify(fields ?? {})}`) });
      const alex = await s.login('alex');
      const { id: agentId } = await s.ctx.db.selectFrom('agents').select('id').where('email', '=', 'alex@northwind.example').executeTakeFirstOrThrow();
      const conv = (await s.app.inject({ method: 'POST', url: '/api/v1/conversations', payload: {} })).json() as { id: string; token: string };
      await openStream(s.url!, alex);
      await openStream(s.url!, conv.token);
      const { rows: before } = await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'presence-check' and data->>'agentId' = ${agentId}`.execute(s.ctx.db);
      expect(before[0]!.n).toBe(0);

      // The customer was noted on connect; the note from the close is what is checked.
      const seenAt = async () => (await s.ctx.db.selectFrom('conversations').select('customerSeenAt').where('id', '=', conv.id).executeTakeFirstOrThrow()).customerSeenAt;
      await expect.poll(seenAt).not.toBeNull();
      await s.ctx.db.updateTable('conversations').set({ customerSeenAt: null }).where('id', '=', conv.id).execute();
      // The server cuts both streams as it stops.
      await s.stop();

      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const booked = await client.query(`select count(*)::int as n from pgboss.job where name = 'presence-check' and data->>'agentId' = $1`, [agentId]);
        expect(booked.rows[0].n).toBe(1);
        const seen = await client.query('select customer_seen_at from conversations where id = $1', [conv.id]);
        expect(seen.rows[0].customer_seen_at).not.toBeNull();
      } finally {
        await client.end();
      }
      expect(problems).toEqual([]);
    } finally {
      await db.drop();
    }
  }, 60_000);
});

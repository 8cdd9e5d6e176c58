import { sql } from 'kysely';
import type { Sql } from './database.js';

/**
 * Runs `fn` inside a savepoint of the caller's transaction: when it throws, its writes are undone
 * and the transaction stays usable (PostgreSQL aborts the whole transaction on an error otherwise),
 * then the error is rethrown. One savepoint at a time per transaction.
 */
export async function withSavepoint<T>(tx: Sql, fn: () => Promise<T>): Promise<T> {
  await sql`savepoint baton_step`.execute(tx);
  try {
    const out = await fn();
    await sql`release savepoint baton_step`.execute(tx);
    return out;
  } catch (err) {
    await sql`rollback to savepoint baton_step`.execute(tx);
    throw err;
  }
}

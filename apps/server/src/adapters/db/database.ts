import type { Dialect } from 'kysely';
import type { LogEvent } from 'kysely';
import { CamelCasePlugin, Kysely } from 'kysely';
import type { DB } from './schema.js';

/**
 * What a repository runs on: the database, or a transaction in it. Kysely's `Transaction` is a
 * `Kysely` too, so one repository function serves both.
 */
export type Sql = Kysely<DB>;

/** Sees each statement run through Kysely, with its parameters (a test that explains the hot path's queries). */
export type QueryObserver = (sql: string, parameters: readonly unknown[]) => void;

/** The adapter pg-boss runs its own SQL through. */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

/**
 * The storage port. One PostgreSQL dialect everywhere: PGlite (WASM Postgres in a folder) by
 * default, a PostgreSQL server in production. It is a Kysely typed by `DB`: repositories build
 * their queries on it, and nothing outside `adapters/` writes SQL (a lint rule). Transactions are
 * Kysely's: `db.transaction().execute(async (tx) => …)` commits when the callback resolves and
 * rolls back when it throws.
 */
export class Database extends Kysely<DB> {
  constructor(
    readonly kind: 'pglite' | 'postgres',
    dialect: Dialect,
    private readonly jobsSql: ExecuteSql,
    onQuery?: QueryObserver,
  ) {
    // Columns are snake_case in the database and camelCase in `DB`. Nested JSON keys are left
    // alone: a brief or an event payload comes back exactly as it was stored.
    super({
      dialect,
      plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })],
      ...(onQuery ? { log: (e: LogEvent) => onQuery(e.query.sql, e.query.parameters) } : {}),
    });
  }

  /** The adapter pg-boss runs on, so jobs live in the same database as everything else. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
    return this.jobsSql(text, values);
  }

  /** Closes the connection pool, or PGlite. */
  close(): Promise<void> {
    return this.destroy();
  }
}

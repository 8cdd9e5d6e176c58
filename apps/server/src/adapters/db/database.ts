/**
 * The storage port. One PostgreSQL dialect everywhere: PGlite (WASM Postgres in a folder) by
 * default, a PostgreSQL server in production. Repositories write plain parameterised SQL against
 * it; nothing else in the server touches SQL.
 */
export interface Sql {
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(script: string): Promise<void>;
  /** The adapter pg-boss runs on, so jobs live in the same database as everything else. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

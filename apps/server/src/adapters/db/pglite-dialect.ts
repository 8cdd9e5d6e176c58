import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult } from 'kysely';
import { PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';

/**
 * Kysely on PGlite: PostgreSQL's SQL, adapter and introspector, with a driver of our own. PGlite
 * has one connection and serialises its callers; `PGlite.transaction` holds that connection for
 * the whole callback, so while one Kysely transaction is open every other query (including
 * pg-boss's, which goes straight to PGlite) waits for it, exactly as a transaction on the
 * connection pool isolates it on PostgreSQL.
 */
export function pgliteDialect(pglite: PGlite): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PgliteDriver(pglite),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (db) => new PostgresIntrospector(db),
  };
}

class PgliteDriver implements Driver {
  constructor(private readonly pglite: PGlite) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new PgliteConnection(this.pglite);
  }

  // Isolation levels and access modes are not offered: PGlite runs one transaction at a time.
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await own(connection).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await own(connection).end(true);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await own(connection).end(false);
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    await this.pglite.close();
  }
}

function own(connection: DatabaseConnection): PgliteConnection {
  if (connection instanceof PgliteConnection) return connection;
  throw new Error('not a PGlite connection');
}

/**
 * A Kysely connection: PGlite itself, or inside a transaction the `Transaction` that
 * `PGlite.transaction` hands its callback. Kysely's begin / commit / rollback are mapped onto that
 * callback: `begin` resolves once the callback runs, and the callback returns (PGlite commits)
 * or rolls back when `end` says so.
 */
class PgliteConnection implements DatabaseConnection {
  #tx: Transaction | null = null;
  #finish: ((commit: boolean) => void) | null = null;
  #settled: Promise<void> | null = null;

  constructor(private readonly pglite: PGlite) {}

  begin(): Promise<void> {
    return new Promise<void>((opened, failed) => {
      const outcome = new Promise<boolean>((resolve) => (this.#finish = resolve));
      this.#settled = this.pglite.transaction(async (tx) => {
        this.#tx = tx;
        opened();
        if (!(await outcome)) await tx.rollback();
      });
      // A failure to begin rejects `begin`; one at commit rejects `end`, which awaits `#settled`.
      this.#settled.catch(failed);
    });
  }

  async end(commit: boolean): Promise<void> {
    this.#finish?.(commit);
    try {
      await this.#settled;
    } finally {
      this.#tx = null;
      this.#finish = null;
      this.#settled = null;
    }
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await (this.#tx ?? this.pglite).query<R>(compiled.sql, [...compiled.parameters]);
    return { rows: result.rows, ...(result.affectedRows !== undefined ? { numAffectedRows: BigInt(result.affectedRows) } : {}) };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported on PGlite');
  }
}

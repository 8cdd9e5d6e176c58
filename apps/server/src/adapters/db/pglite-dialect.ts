import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult } from 'kysely';
import { PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import type { Sql } from './database.js';
import type { StatementResult } from './pglite-statements.js';

/** Where PGlite's statements run: on this thread, or in a worker thread (`pglite-worker.ts`). */
export interface PgliteLink {
  query(text: string, values?: readonly unknown[]): Promise<StatementResult>;
  script(text: string): Promise<StatementResult>;
  close(): Promise<void>;
}

/**
 * PGlite's one connection, lent to one user at a time: a statement, or a transaction from its
 * `begin` to its `commit` or `rollback`. Kysely, pg-boss and every other caller go through it, so
 * while a transaction is open every other statement waits for it, exactly as a transaction on a
 * pool of one connection isolates it on PostgreSQL.
 */
export class PgliteConnectionLock {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }

  /** Runs `fn` holding the connection: one statement (or script) outside Kysely, such as pg-boss's. */
  async with<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }
}

/** PostgreSQL's adapter, marking a database that runs one transaction at a time (`runsOneTransaction`). */
class OneTransactionAdapter extends PostgresAdapter {}

/**
 * Whether `db` (a database or a transaction in it) is PGlite, where one transaction runs at a time:
 * a query may then leave out what only concurrent transactions need (see `readableEnd`).
 */
export function runsOneTransaction(db: Sql): boolean {
  return db.getExecutor().adapter instanceof OneTransactionAdapter;
}

/** Kysely on PGlite: PostgreSQL's SQL, adapter and introspector, with a driver of our own. */
export function pgliteDialect(link: PgliteLink, lock: PgliteConnectionLock): Dialect {
  return {
    createAdapter: () => new OneTransactionAdapter(),
    createDriver: () => new PgliteDriver(link, lock),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (db) => new PostgresIntrospector(db),
  };
}

class PgliteDriver implements Driver {
  readonly #connection: PgliteConnection;

  constructor(
    private readonly link: PgliteLink,
    private readonly lock: PgliteConnectionLock,
  ) {
    this.#connection = new PgliteConnection(link);
  }

  async init(): Promise<void> {}

  /** Kysely takes the connection for each statement, and for a whole transaction. */
  async acquireConnection(): Promise<DatabaseConnection> {
    await this.lock.acquire();
    return this.#connection;
  }

  // Isolation levels and access modes are not offered: PGlite runs one transaction at a time.
  async beginTransaction(): Promise<void> {
    await this.link.script('begin');
  }

  async commitTransaction(): Promise<void> {
    await this.link.script('commit');
  }

  async rollbackTransaction(): Promise<void> {
    await this.link.script('rollback');
  }

  async releaseConnection(): Promise<void> {
    this.lock.release();
  }

  async destroy(): Promise<void> {
    await this.lock.with(() => this.link.close());
  }
}

class PgliteConnection implements DatabaseConnection {
  constructor(private readonly link: PgliteLink) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.link.query(compiled.sql, compiled.parameters);
    return { rows: result.rows as R[], ...(result.affectedRows !== undefined ? { numAffectedRows: BigInt(result.affectedRows) } : {}) };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported on PGlite');
  }
}

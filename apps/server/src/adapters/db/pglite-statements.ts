import type { PGlite } from '@electric-sql/pglite';
import { parse, protocol } from '@electric-sql/pglite';

/** What one statement returns: its rows, and how many rows it changed (for an insert, update or delete). */
export interface StatementResult {
  rows: unknown[];
  affectedRows?: number;
}

/**
 * Runs statements on PGlite in as few calls into the WASM engine as PostgreSQL's protocol allows.
 *
 * `PGlite.query` sends a statement's parse, describe, bind, describe, execute and sync as six
 * calls, each a trip into the engine and a parse of its answer; on this hot path that costs
 * about four times the statement itself. Here the whole extended-protocol exchange goes in one
 * call, as a network client pipelines it, and parameters are sent as text for PostgreSQL to type
 * from the statement (as node-postgres does on a server), so the statement is never described
 * first. Rows are read with PGlite's own type parsers: the values are those `PGlite.query` gives.
 *
 * It takes no lock: the caller runs one statement at a time (`PgliteConnectionLock` lends the one
 * connection for a statement or a whole transaction). Nothing is synced after a statement: in
 * memory and on Node's file system PGlite writes through (its `syncToFs` is for browsers' stores).
 */
export function pgliteStatements(pglite: PGlite) {
  /** `query` with the parameters already in PostgreSQL's text format (`toText`), as the worker thread receives them. */
  const queryTexts = async (text: string, values: (string | null)[]): Promise<StatementResult> => {
    const message = concat([
      protocol.serialize.parse({ text }),
      protocol.serialize.bind({ values }),
      protocol.serialize.describe({ type: 'P' }),
      protocol.serialize.execute({}),
      protocol.serialize.sync(),
    ]);
    const { messages } = await pglite.execProtocol(message, { syncToFs: false });
    const [result] = parse.parseResults(messages, pglite.parsers);
    return { rows: result?.rows ?? [], ...(result?.affectedRows !== undefined ? { affectedRows: result.affectedRows } : {}) };
  };
  return {
    /** One statement with parameters (`$1`…), in one call. A failure throws PGlite's `DatabaseError`, with PostgreSQL's `code`. */
    query: async (text: string, values: readonly unknown[] = []): Promise<StatementResult> => queryTexts(text, values.map(toText)),
    queryTexts,
    /** A script of statements without parameters (pg-boss's migrations, `begin`, `commit`); the last one's rows. */
    async script(text: string): Promise<StatementResult> {
      const { messages } = await pglite.execProtocol(protocol.serialize.query(text), { syncToFs: false });
      const results = parse.parseResults(messages, pglite.parsers);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

export type PgliteStatements = ReturnType<typeof pgliteStatements>;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * A parameter as PostgreSQL's text format, as node-postgres writes it: dates as ISO instants,
 * arrays as array literals, byte arrays as `bytea` hex, other objects as JSON; `null` and
 * `undefined` as SQL null.
 */
export function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
  if (Array.isArray(value)) return arrayLiteral(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function arrayLiteral(values: readonly unknown[]): string {
  const items = values.map((v) => {
    if (v === null || v === undefined) return 'NULL';
    if (Array.isArray(v)) return arrayLiteral(v);
    const text = toText(v)!;
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}

import { sql } from 'kysely';
import type { Sql } from '../database.js';
import type { LlmCallTable } from '../schema.js';

export type LlmCallRecord = LlmCallTable;

/** Records one call to a language model: its numbers, never its text. */
export async function insertLlmCall(db: Sql, call: LlmCallRecord): Promise<void> {
  await db.insertInto('llmCalls').values(call).execute();
}

/** The calls of one message, oldest first. */
export async function listLlmCalls(db: Sql, messageId: string): Promise<LlmCallRecord[]> {
  return db.selectFrom('llmCalls').selectAll().where('messageId', '=', messageId).orderBy('createdAt').orderBy('id').execute();
}

/** Calls per provider, model, purpose and outcome, since the start: the Prometheus counters. */
export interface LlmCallTotals {
  provider: string;
  model: string;
  purpose: string;
  errorKind: string | null;
  fallback: string | null;
  n: number;
  inputTokens: number;
  outputTokens: number;
  latencyMsSum: number;
  /** Calls at or under each bound of `buckets`, in the order given. */
  buckets: number[];
}

export async function llmCallTotals(db: Sql, bucketsMs: readonly number[]): Promise<LlmCallTotals[]> {
  const rows = await db
    .selectFrom('llmCalls')
    .select(['provider', 'model', 'purpose', 'errorKind', 'fallback'])
    .select((eb) => [
      eb.fn.countAll<string>().as('n'),
      sql<string>`coalesce(sum(input_tokens), 0)`.as('inputTokens'),
      sql<string>`coalesce(sum(output_tokens), 0)`.as('outputTokens'),
      sql<string>`coalesce(sum(latency_ms), 0)`.as('latencyMsSum'),
      ...bucketsMs.map((b, i) => sql<string>`count(*) filter (where latency_ms <= ${b})`.as(`b${i}`)),
    ])
    .groupBy(['provider', 'model', 'purpose', 'errorKind', 'fallback'])
    .orderBy('provider')
    .orderBy('model')
    .orderBy('purpose')
    .execute();
  return rows.map((r) => {
    const row = r as unknown as Record<string, string | null>;
    return {
      provider: r.provider,
      model: r.model,
      purpose: r.purpose,
      errorKind: r.errorKind,
      fallback: r.fallback,
      n: Number(r.n),
      inputTokens: Number(r.inputTokens),
      outputTokens: Number(r.outputTokens),
      latencyMsSum: Number(r.latencyMsSum),
      buckets: bucketsMs.map((_, i) => Number(row[`b${i}`] ?? 0)),
    };
  });
}

/** The dashboard's figures for calls made in a period, per model (for the cost). */
export interface LlmPeriodSummary {
  calls: number;
  failures: number;
  fallbacks: number;
  latencyP50Ms: number | null;
  latencyP99Ms: number | null;
  conversations: number;
  byModel: { provider: string; model: string; inputTokens: number; outputTokens: number }[];
}

export async function llmPeriodSummary(db: Sql, period: { from?: Date; to?: Date }): Promise<LlmPeriodSummary> {
  let q = db.selectFrom('llmCalls').where('purpose', '!=', 'test');
  if (period.from) q = q.where('createdAt', '>=', period.from);
  if (period.to) q = q.where('createdAt', '<', period.to);
  const totals = await q
    .select((eb) => [
      eb.fn.countAll<string>().as('calls'),
      sql<string>`count(*) filter (where not ok)`.as('failures'),
      sql<string>`count(*) filter (where fallback is not null)`.as('fallbacks'),
      sql<string | null>`percentile_cont(0.5) within group (order by latency_ms) filter (where ok)`.as('p50'),
      sql<string | null>`percentile_cont(0.99) within group (order by latency_ms) filter (where ok)`.as('p99'),
      sql<string>`count(distinct conversation_id)`.as('conversations'),
    ])
    .executeTakeFirstOrThrow();
  const byModel = await q
    .select(['provider', 'model'])
    .select([sql<string>`coalesce(sum(input_tokens), 0)`.as('inputTokens'), sql<string>`coalesce(sum(output_tokens), 0)`.as('outputTokens')])
    .groupBy(['provider', 'model'])
    .orderBy('provider')
    .orderBy('model')
    .execute();
  const num = (v: string | number | null) => (v === null ? null : Math.round(Number(v)));
  return {
    calls: Number(totals.calls),
    failures: Number(totals.failures),
    fallbacks: Number(totals.fallbacks),
    latencyP50Ms: num(totals.p50),
    latencyP99Ms: num(totals.p99),
    conversations: Number(totals.conversations),
    byModel: byModel.map((r) => ({ provider: r.provider, model: r.model, inputTokens: Number(r.inputTokens), outputTokens: Number(r.outputTokens) })),
  };
}

import type { Sql } from '../../adapters/db/database.js';
import { llmCallTotals } from '../../adapters/db/repositories/llm-calls.repository.js';
import type { LlmConfig } from '../../config.js';

/** Latency bucket bounds, in seconds. */
export const LLM_LATENCY_BUCKETS = [0.25, 0.5, 1, 2, 4, 8, 16, 30] as const;

/** US dollars for tokens at a per-million price. */
export function tokenCost(price: LlmConfig['price'], inputTokens: number, outputTokens: number): number | null {
  return price ? (inputTokens * price.input + outputTokens * price.output) / 1_000_000 : null;
}

/**
 * The `baton_llm_*` series (docs/llm.md), in the text exposition format, from the stored calls:
 * cumulative over every call, so they behave as counters and every node serves the same numbers.
 * The cost uses today's `BATON_LLM_PRICE` for all the tokens counted.
 */
export async function llmSeries(db: Sql, price: LlmConfig['price']): Promise<string> {
  const rows = await llmCallTotals(db, LLM_LATENCY_BUCKETS.map((b) => b * 1000));
  const esc = (v: string) => v.replace(/["\\\n]/g, '_');
  const labels = (l: Record<string, string>) => Object.entries(l).map(([k, v]) => `${k}="${esc(v)}"`).join(',');
  const sum = <K extends string>(keyOf: (r: (typeof rows)[number]) => Record<K, string> | null, value: (r: (typeof rows)[number]) => number) => {
    const out = new Map<string, number>();
    for (const r of rows) {
      const key = keyOf(r);
      if (key) out.set(labels(key), (out.get(labels(key)) ?? 0) + value(r));
    }
    return out;
  };
  const lines: string[] = [];
  const series = (name: string, type: string, help: string, values: Map<string, number>) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [l, v] of values) lines.push(`${name}{${l}} ${v}`);
  };
  const model = (r: (typeof rows)[number]) => ({ provider: r.provider, model: r.model });
  series('baton_llm_calls_total', 'counter', 'Calls to the language model, by provider, model, purpose (answer, brief, test) and outcome', sum((r) => ({ ...model(r), purpose: r.purpose, outcome: r.errorKind ? 'error' : 'ok' }), (r) => r.n));
  series('baton_llm_errors_total', 'counter', 'Calls to the language model that failed after their retry, by kind: timeout, rate_limited, http_status, unreachable, invalid_output, circuit_open', sum((r) => (r.errorKind ? { ...model(r), kind: r.errorKind } : null), (r) => r.n));
  series('baton_llm_fallbacks_total', 'counter', 'Model failures taken over by the embedded engine or by a person (BATON_LLM_FALLBACK), by purpose', sum((r) => (r.fallback ? { ...model(r), purpose: r.purpose, to: r.fallback } : null), (r) => r.n));
  series('baton_llm_tokens_total', 'counter', 'Tokens the provider counted, by direction (input, output)', new Map([...sum((r) => ({ ...model(r), direction: 'input' }), (r) => r.inputTokens), ...sum((r) => ({ ...model(r), direction: 'output' }), (r) => r.outputTokens)]));
  if (price) series('baton_llm_cost_usd_total', 'counter', 'Estimated cost in US dollars at BATON_LLM_PRICE', sum((r) => model(r), (r) => tokenCost(price, r.inputTokens, r.outputTokens) ?? 0));

  const name = 'baton_llm_latency_seconds';
  lines.push(`# HELP ${name} Seconds one call to the language model took, retry included, by provider, model and purpose`, `# TYPE ${name} histogram`);
  const hist = new Map<string, { buckets: number[]; n: number; sum: number }>();
  for (const r of rows) {
    const key = labels({ ...model(r), purpose: r.purpose });
    const h = hist.get(key) ?? { buckets: LLM_LATENCY_BUCKETS.map(() => 0), n: 0, sum: 0 };
    r.buckets.forEach((b, i) => (h.buckets[i]! += b));
    h.n += r.n;
    h.sum += r.latencyMsSum / 1000;
    hist.set(key, h);
  }
  for (const [l, h] of hist) {
    LLM_LATENCY_BUCKETS.forEach((b, i) => lines.push(`${name}_bucket{${l},le="${b}"} ${h.buckets[i]}`));
    lines.push(`${name}_bucket{${l},le="+Inf"} ${h.n}`, `${name}_sum{${l}} ${h.sum}`, `${name}_count{${l}} ${h.n}`);
  }
  return `${lines.join('\n')}\n`;
}

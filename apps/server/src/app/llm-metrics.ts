import type { TLlmMetrics } from '@baton/contracts';
import type { Sql } from '../adapters/db/database.js';
import { llmPeriodSummary } from '../adapters/db/repositories/llm-calls.repository.js';
import type { LlmConfig } from '../config.js';
import { tokenCost } from './metrics/llm-series.js';

/** The dashboard's model figures for a period: latency p50/p99, tokens and cost per conversation, failures and fallbacks. */
export async function llmMetrics(db: Sql, period: { from?: Date; to?: Date }, price: LlmConfig['price']): Promise<TLlmMetrics> {
  const s = await llmPeriodSummary(db, period);
  const inputTokens = s.byModel.reduce((n, m) => n + m.inputTokens, 0);
  const outputTokens = s.byModel.reduce((n, m) => n + m.outputTokens, 0);
  const cost = price ? s.byModel.reduce((n, m) => n + (tokenCost(price, m.inputTokens, m.outputTokens) ?? 0), 0) : null;
  const per = (v: number | null) => (v === null || s.conversations === 0 ? null : Math.round((v / s.conversations) * 1e6) / 1e6);
  return {
    calls: s.calls,
    failures: s.failures,
    fallbacks: s.fallbacks,
    latencyP50Ms: s.latencyP50Ms,
    latencyP99Ms: s.latencyP99Ms,
    inputTokens,
    outputTokens,
    conversations: s.conversations,
    tokensPerConversation: per(inputTokens + outputTokens),
    costPerConversation: per(cost),
    costTotal: cost === null ? null : Math.round(cost * 1e6) / 1e6,
  };
}

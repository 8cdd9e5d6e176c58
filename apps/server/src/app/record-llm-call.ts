import { insertLlmCall } from '../adapters/db/repositories/llm-calls.repository.js';
import type { LlmClient, LlmPurpose, LlmResult } from '../adapters/llm/llm-client.js';
import type { AppContext } from './context.js';

/**
 * Stores the numbers of one call to the model (provider, model, latency, tokens, outcome, who
 * took over): the source of `baton_llm_*` and of the dashboard. A failure to store them is
 * logged, never passed on to the customer.
 */
export async function recordLlmCall(
  ctx: AppContext,
  llm: LlmClient,
  result: LlmResult<unknown>,
  where: { purpose: LlmPurpose; conversationId: string | null; messageId: string | null; fallback: 'embedded' | 'escalate' | null },
): Promise<void> {
  try {
    await insertLlmCall(ctx.db, {
      id: ctx.newId(),
      conversationId: where.conversationId,
      messageId: where.messageId,
      purpose: where.purpose,
      provider: llm.provider,
      model: llm.model,
      ok: result.ok,
      errorKind: result.ok ? null : result.kind,
      fallback: where.fallback,
      latencyMs: result.latencyMs,
      inputTokens: result.usage.inputTokens,
      outputTokens: result.usage.outputTokens,
      attempts: result.attempts,
      createdAt: ctx.clock(),
    });
  } catch (err) {
    ctx.log('warn', `the numbers of a language-model call could not be stored: ${(err as Error).message}`, { conversationId: where.conversationId });
  }
}

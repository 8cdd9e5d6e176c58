import type { TLlmStatus, TLlmTestResponse } from '@baton/contracts';
import { ZLlmAnswerSchema } from '@baton/contracts';
import { DomainError } from '../errors.js';
import { answerPrompt, answerSystemPrompt, retrieve } from './ask-model.js';
import type { AppContext } from './context.js';
import { recordLlmCall } from './record-llm-call.js';

/** The model's connection as an admin sees it: what is configured, and whether calls are paused. */
export function llmStatus(ctx: AppContext): TLlmStatus {
  const llm = ctx.llm;
  const c = ctx.config.llm;
  const circuit = llm?.circuit() ?? { state: 'closed' as const, retryAt: null };
  return {
    configured: Boolean(llm && c),
    provider: c?.provider ?? null,
    model: c?.model ?? null,
    baseUrl: c?.baseUrl ?? null,
    timeoutMs: c?.timeoutMs ?? null,
    fallback: c?.fallback ?? null,
    circuit: circuit.state,
    retryAt: circuit.retryAt?.toISOString() ?? null,
  };
}

/**
 * "Send a test question" in the settings: the question goes through the same retrieval, prompt,
 * timeout and checks as a customer's, and the outcome, good or bad, comes back in words an
 * admin can act on. Nothing reaches any conversation; the call is counted as a `test`.
 */
export async function testLlmConnection(ctx: AppContext, question: string): Promise<TLlmTestResponse> {
  const llm = ctx.llm;
  if (!llm) throw new DomainError('LLM_ERR_NOT_CONFIGURED', 'no language model is configured: set BATON_LLM (docs/llm.md)');
  const engine = ctx.engine();
  const articles = retrieve(engine, ctx.articles(), question, engine.answerer?.answer(question).articleId ?? undefined);
  const allowed = new Set(articles.map((a) => a.id));
  const result = await llm.call({
    purpose: 'test',
    schema: ZLlmAnswerSchema,
    system: answerSystemPrompt('und', false),
    prompt: answerPrompt([{ role: 'customer', text: question }], articles),
    check: (a) => (a.articleIds.every((id) => allowed.has(id)) ? null : 'the answer cites an article it was not given'),
  });
  await recordLlmCall(ctx, llm, result, { purpose: 'test', conversationId: null, messageId: null, fallback: null });
  const numbers = { latencyMs: result.latencyMs, inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens };
  if (!result.ok) return { ok: false, error: { kind: result.kind, message: result.error }, ...numbers };
  return { ok: true, answer: result.value.answer, articleIds: result.value.articleIds, confidence: result.value.confidence, ...numbers };
}

import { performance } from 'node:perf_hooks';
import type { TLlmAnswer } from '@baton/contracts';
import type { Conversation, Decision, VerifiedFact } from '@baton/core';
import { tool } from 'ai';
import { z } from 'zod';
import type { ConversationRecord, MessageRecord } from '../adapters/db/repositories/conversations.repository.js';
import { findOrder } from '../adapters/db/repositories/customers.repository.js';
import type { LlmClient, LlmFailureKind } from '../adapters/llm/llm-client.js';
import { askModel } from './ask-model.js';
import type { AppContext } from './context.js';
import { recordLlmCall } from './record-llm-call.js';
import { withEvents } from './with-events.js';

/** A draft is sent to the stream at most this often, so a fast model does not write a row per token. */
const DELTA_EVERY_MS = 60;

export interface AnswerWithModelInput {
  conversation: ConversationRecord;
  message: MessageRecord;
  upTo: MessageRecord[];
  engineConversation: Conversation;
  decision: Decision;
  /** The customer proved who they are: the order-lookup tool is offered, for their own orders only. */
  verified: boolean;
  /** `performance.now()` by which the model must be done. */
  deadline: number;
}

export type ModelAnswer =
  | { ok: true; answer: TLlmAnswer; decision: Decision; facts: VerifiedFact[] }
  | { ok: false; kind: LlmFailureKind; error: string };

/**
 * The model's turn (DESIGN §9): the retriever's top articles go to the model, which answers from
 * them alone, in the customer's language, as structured output. The reply streams to the
 * customer as `message.delta` events while it is written, but only once the output says it
 * cites a retrieved article, confidently, with nothing for a person: what the policy would stop
 * is never shown. The policy then takes the model's opinion as one more input
 * (`applyModelOpinion`). The caller stores the reply, or hands over.
 */
export async function answerWithModel(ctx: AppContext, llm: LlmClient, input: AnswerWithModelInput): Promise<ModelAnswer> {
  const { conversation: conv, message, decision } = input;
  const facts: VerifiedFact[] = [];
  const lastTurn = input.engineConversation.turns.length - 1;
  const tools = input.verified && conv.customerId ? { lookup_order: orderTool(ctx, conv.customerId, facts, lastTurn) } : undefined;
  const stream = draftStream(ctx, conv.id, message.id);
  const asked = await askModel(llm, {
    engine: ctx.engine(),
    articles: ctx.articles(),
    conversation: input.engineConversation,
    decision,
    ...(tools ? { tools } : {}),
    deadline: input.deadline,
    onDraft: (text, attempt) => stream.push(text, attempt),
  });
  await stream.flush();
  const { result } = asked;
  const fallback = result.ok ? null : ctx.config.llm?.fallback ?? 'embedded';
  await recordLlmCall(ctx, llm, result, { purpose: 'answer', conversationId: conv.id, messageId: message.id, fallback });
  if (!asked.ok) {
    ctx.log('warn', `the language model failed (${asked.kind}): ${asked.error}; ${fallback === 'escalate' ? 'a person takes over' : 'the embedded engine answers'}`, { conversationId: conv.id, messageId: message.id });
    return { ok: false, kind: asked.kind, error: asked.error };
  }
  return { ok: true, answer: asked.answer, decision: asked.decision, facts };
}

/** The order-lookup tool: the verified customer's own orders, nothing else; each answer is a verified fact for the brief. */
function orderTool(ctx: AppContext, customerId: string, facts: VerifiedFact[], messageIndex: number) {
  return tool({
    description: "Looks up one of this customer's orders by its number and returns its status, dates, carrier and tracking number.",
    inputSchema: z.object({ orderNumber: z.string().min(1).max(40).describe('The order number, e.g. 4821') }),
    execute: async ({ orderNumber }) => {
      const found = await findOrder(ctx.db, orderNumber.trim());
      // Someone else's order is "not found": a number guessed by a customer, or suggested to the model, reveals nothing.
      if (!found || found.customerId !== customerId) return { found: false as const };
      if (!facts.some((f) => f.orderId === found.order.id)) facts.push({ kind: 'order', orderId: found.order.id, order: found.order, messageIndex });
      return { found: true as const, order: found.order };
    },
  });
}

/**
 * The drafts of one reply: each push is the whole text so far; events go out in order, at most
 * every DELTA_EVERY_MS, and `flush` sends what is left and waits for all of it. A retry starts a
 * new draft, which replaces the old one in the widget.
 */
function draftStream(ctx: AppContext, conversationId: string, replyTo: string) {
  let sent = '';
  let pending: string | null = null;
  let lastAt = 0;
  let chain: Promise<void> = Promise.resolve();
  let attemptOf = 1;
  const send = (text: string) => {
    const delta = text.startsWith(sent) ? text.slice(sent.length) : text;
    sent = text;
    chain = chain
      .then(() => withEvents(ctx, (_tx, emit) => emit({ type: 'message.delta', conversationId, payload: { replyTo, text, delta } })))
      .then(() => undefined)
      .catch((err: Error) => ctx.log('warn', `a draft reply could not be streamed: ${err.message}`, { conversationId }));
  };
  return {
    push(text: string, attempt: number) {
      if (attempt !== attemptOf) {
        attemptOf = attempt;
        sent = '';
      }
      if (text === sent) return;
      const now = performance.now();
      if (now - lastAt < DELTA_EVERY_MS) {
        pending = text;
        return;
      }
      lastAt = now;
      pending = null;
      send(text);
    },
    async flush() {
      if (pending !== null && pending !== sent) send(pending);
      pending = null;
      await chain;
    },
  };
}

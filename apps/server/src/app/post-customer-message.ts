import { performance } from 'node:perf_hooks';
import type { Decision, KbArticle, Locale, VerifiedFact } from '@baton/core';
import { aiMayAnswer, decideWithEncoder, pickLocale, renderCustomerMessage } from '@baton/core';
import type { ConversationRecord, MessageRecord } from '../adapters/db/repositories/conversations.repository.js';
import { claimMessageSeqs, findMessageByClientId, getConversation, hasDecision, insertMessages, listMessages, listReplies, saveDecision } from '../adapters/db/repositories/conversations.repository.js';
import { storeAiReply, storeCustomerMessage } from '../adapters/db/repositories/message-statements.repository.js';
import { markAnswerDue } from '../adapters/db/repositories/pending-answers.repository.js';
import { DomainError } from '../errors.js';
import type { AppContext } from './context.js';
import * as lifecycle from './conversation-lifecycle.js';
import { authorNames, toEngineConversation } from './engine-conversation.js';
import { escalateConversation } from './escalate-conversation.js';
import { askToVerify, asksForAccountData } from './account-access.js';
import { takeAttachments } from './attachments/take-attachments.js';
import { loadCustomerContext } from './load-customer-context.js';
import { askBot, botBriefNote, botFailedDecision, botHandoffDecision } from './ask-bot.js';
import { answerWithModel } from './answer-with-model.js';
import { modelFailedDecision } from './ask-model.js';
import { writeBriefWithModel } from './write-brief-with-model.js';
import { asksOrderStatus, describeOrder, lookUpOrders } from './order-lookup.js';
import { waitFor } from './queue-state.js';
import { routeHandoff } from './route-handoff.js';
import { wireMessage } from './wire.js';
import { withEvents } from './with-events.js';

/** How long a stored message may wait for its answer before the sweep (`answerUnanswered`) takes it up. */
export const ANSWER_GRACE_MS = 30_000;

export interface PostCustomerMessageResult {
  message: MessageRecord;
  replies: MessageRecord[];
  /** True when `clientMessageId` had been seen: nothing new was stored. */
  duplicate: boolean;
}

/**
 * One customer message, start to end (DESIGN §2). It is stored and committed before anything
 * else, so an acknowledged message survives a crash; then the policy decides, and the AI answers
 * or hands over. A message sent twice with one `clientMessageId` (a double click, a retry) is
 * stored once, and the second call gets the first call's result.
 */
export async function postCustomerMessage(ctx: AppContext, conversationId: string, input: { text: string; clientMessageId?: string; attachmentIds?: string[] }, opts: { respond?: boolean } = {}): Promise<PostCustomerMessageResult> {
  // A messaging channel whose thread another app holds (a person in the Page Inbox): stored, not answered.
  const answer = opts.respond ?? true;
  let stored: { message: MessageRecord; conversation: ConversationRecord };
  try {
    // The common case (a new message without files to an open conversation) in one statement;
    // a repeat, a reopening, files or no such conversation go the general way below.
    const lean = input.attachmentIds?.length ? null : await storeCustomerMessage(ctx.db, { id: ctx.newId(), conversationId, text: input.text, clientMessageId: input.clientMessageId ?? null, at: ctx.clock(), seenAt: ctx.clock(), answerDueAt: answer && input.text.trim() ? answerDue(ctx) : null, wire: wireMessage });
    if (lean) ctx.bus.publish(lean.eventSeq);
    else if (input.clientMessageId) {
      const existing = await findMessageByClientId(ctx.db, conversationId, input.clientMessageId);
      if (existing) return { message: existing, replies: answer ? await repliesOrRespond(ctx, existing) : [], duplicate: true };
    }
    stored = lean ?? (await storeInTransaction(ctx, conversationId, input, answer));
  } catch (err) {
    // Two requests with one clientMessageId raced: the unique index let one in.
    if (input.clientMessageId && isUniqueViolation(err)) {
      const existing = await findMessageByClientId(ctx.db, conversationId, input.clientMessageId);
      if (existing) return { message: existing, replies: answer ? await repliesOrRespond(ctx, existing) : [], duplicate: true };
    }
    throw err;
  }
  return { message: stored.message, replies: answer ? await respond(ctx, stored.message, stored.conversation) : [], duplicate: false };
}

/** When a message stored now is owed its answer by: past it, the sweep (`answerUnanswered`) answers. */
const answerDue = (ctx: AppContext) => new Date(ctx.clock().getTime() + ANSWER_GRACE_MS);

/** The general path of a customer message: with files, to a resolved conversation (reopened), or to none (an error). */
async function storeInTransaction(ctx: AppContext, conversationId: string, input: { text: string; clientMessageId?: string; attachmentIds?: string[] }, answer: boolean): Promise<{ message: MessageRecord; conversation: ConversationRecord }> {
  return withEvents(ctx, async (tx, emit) => {
    // One write takes the message's number, locks the conversation and notes the customer as
    // there (writing is being there: a customer waiting in the queue has not left it).
    const now = ctx.clock();
    const conv = await claimMessageSeqs(tx, conversationId, 1, { at: now, customerSeenAt: now });
    if (!conv) throw new DomainError('CONVERSATION_ERR_NOT_FOUND', `no conversation ${conversationId}`);
    const files = await takeAttachments(tx, conversationId, input.attachmentIds, 'customer');
    const [m] = await insertMessages(tx, conv, [{ id: ctx.newId(), authorKind: 'customer', authorName: conv.customerName, text: input.text, clientMessageId: input.clientMessageId ?? null, attachments: files.records }], now);
    await files.attach(m!.id, true);
    await emit({ type: 'message.created', conversationId, payload: { message: wireMessage(m!) } });
    // Owed an answer: if this node dies before it answers, another one (or this one restarted) will.
    // Not when another app holds the thread, nor for files without a word (the AI reads no pictures).
    if (answer && input.text.trim()) await markAnswerDue(tx, { messageId: m!.id, conversationId, dueAt: answerDue(ctx) });
    // The customer writes again: the AI takes it up, with the whole history.
    const conversation = conv.status === 'resolved' ? await lifecycle.reopen({ tx, emit }, conversationId, now) : conv;
    return { message: m!, conversation };
  });
}

/** A retried message gets its earlier replies; one stored but never answered (a crash in between) is answered now. */
async function repliesOrRespond(ctx: AppContext, message: MessageRecord): Promise<MessageRecord[]> {
  const replies = await listReplies(ctx.db, message.id);
  if (replies.length) return replies;
  return (await hasDecision(ctx.db, message.id)) ? [] : respond(ctx, message);
}

/** The AI's turn: the policy decides, and the AI answers, asks, declines, offers a choice or hands over. */
export async function respond(ctx: AppContext, message: MessageRecord, known?: ConversationRecord): Promise<MessageRecord[]> {
  // Files alone, without a word: the AI reads no pictures, and waits for what the customer says (a person will see them).
  if (!message.text.trim()) return [];
  // The conversation as the message's own transaction left it, when the caller has it.
  const conv = known ?? (await getConversation(ctx.db, message.conversationId));
  if (!conv || !aiMayAnswer(conv.status)) return [];
  const all = await listMessages(ctx.db, conv.id);
  const upTo = all.filter((m) => m.seq <= message.seq);
  // Nothing from an account reaches a customer who has not proved it is theirs.
  const account = await loadCustomerContext(ctx, conv);
  const { verified, profile } = account;
  const engineConversation = toEngineConversation(conv, upTo, profile);
  let decision = await decideWithEncoder(ctx.engine(), engineConversation, ctx.encoder, (err) =>
    ctx.log('warn', `sentence encoder failed; this message was decided on the lexical path: ${err.message}`, { conversationId: conv.id }),
  );
  let facts: VerifiedFact[] = verified ? await lookUpOrders(ctx.db, conv.customerId, decision, ctx.context ? { profile } : undefined) : [];
  const locale: Locale = pickLocale(conv.language ?? (decision.signals.language === 'und' ? 'en' : decision.signals.language));
  // One budget for every call to the model on this message, from the first: the customer never
  // waits on the model longer than the timeout, whatever it is asked.
  const llm = ctx.llm ?? null;
  let deadline: number | null = null;
  const budget = (timeoutMs: number) => (deadline ??= performance.now() + timeoutMs);

  const handOver = async (d: Decision, briefNote?: string) => {
    const written = llm ? await writeBriefWithModel(ctx, llm, { conversationId: conv.id, messageId: message.id, conversation: engineConversation, decision: d, facts, customerName: profile?.name ?? conv.customerName, deadline: budget(llm.config.timeoutMs) }) : null;
    const modelBrief = written && llm ? { written, provider: llm.provider, model: llm.model } : null;
    const r = await escalateConversation(ctx, { conversation: conv, trigger: message, decision: d, engineConversation, profile, facts, locale, authorNames: authorNames(upTo), ...(briefNote ? { briefNote } : {}), ...(account.missing ? { contextMissing: account.missing } : {}), modelBrief });
    return r ? [r.notice, ...(r.offer ? [r.offer] : [])] : [];
  };
  // The policy decides first: a trigger hands over whatever a bot or a model would have said.
  if (decision.action === 'escalate') return handOver(decision);

  const accountGate = !verified && asksForAccountData(message.text, decision);
  // The external bot answers in the AI's place, but not over the policy's offer of a person, nor
  // for account data an unverified customer asked for (that answer is Baton's: prove it first).
  if (ctx.bot && !accountGate && decision.action !== 'offer_choice') {
    const answer = await askBot(ctx, ctx.bot, { conversation: conv, message, upTo, profile, language: decision.signals.language });
    const lastTurn = engineConversation.turns.length - 1;
    if (answer.ok && answer.handoff) return handOver(botHandoffDecision(decision, answer.handoff, lastTurn), botBriefNote(answer.handoff));
    if (answer.ok) return storeReplies(ctx, conv, message, decision, answer.messages.map((text) => ({ text, articleId: null, action: 'answer' })));
    // The bot failed: the embedded engine answers when it has an article, else a person takes over.
    if (decision.action !== 'answer' || !decision.articleId) return handOver(botFailedDecision(decision, answer, lastTurn));
  }

  // The model reads every message the policy did not hand over, and may add a reason; it writes
  // the reply only where the policy answers. When it fails, the embedded engine answers, or a
  // person takes over (BATON_LLM_FALLBACK).
  if (llm && !ctx.bot && !accountGate && decision.action !== 'offer_choice') {
    const model = await answerWithModel(ctx, llm, { conversation: conv, message, upTo, engineConversation, decision, verified, deadline: budget(llm.config.timeoutMs) });
    if (!model.ok && llm.config.fallback === 'escalate') return handOver(modelFailedDecision(decision, model, engineConversation.turns.length - 1));
    if (model.ok) {
      decision = model.decision;
      facts = [...facts, ...model.facts.filter((f) => !facts.some((g) => g.orderId === f.orderId))];
      if (decision.action === 'escalate') return handOver(decision);
      if (decision.action === 'answer') return storeReplies(ctx, conv, message, decision, [{ text: model.answer.answer, articleId: decision.articleId ?? null, action: 'answer' }]);
    }
  }

  let text: string;
  let articleId: string | null = null;
  let action: string = decision.action;
  if (accountGate) {
    ({ text, action } = await askToVerify(ctx, conv));
  } else if (decision.action === 'answer') {
    const order = facts[0]?.order;
    if (order && asksOrderStatus(message.text)) {
      text = describeOrder(order, ctx.clock());
    } else {
      const article = decision.articleId ? ctx.articles().get(decision.articleId) : undefined;
      text = article?.body.trim() || renderCustomerMessage({ kind: 'clarify' }, locale);
    }
    articleId = decision.articleId ?? null;
  } else if (decision.action === 'offer_choice') {
    // The wait quoted is the one of the team the handoff would go to.
    const { team } = await routeHandoff(ctx, conv, decision, profile);
    const wait = (await waitFor(ctx, ctx.db, team, 1)) ?? ctx.config.defaultHandleMinutes;
    text = renderCustomerMessage({ kind: 'offer_choice', waitMinutes: wait }, locale);
  } else if (decision.action === 'decline') {
    text = renderCustomerMessage({ kind: 'decline', topics: kbTopics(ctx.articles()) }, locale);
  } else {
    text = renderCustomerMessage({ kind: decision.intent === 'greeting' ? 'greeting' : decision.action }, locale);
  }

  return storeReplies(ctx, conv, message, decision, [{ text, articleId, action }]);
}

/** Thrown inside the reply's transaction to undo it: a retried copy of the message was answered first. */
class AnsweredAlready extends Error {}

/** Stores and streams the AI's replies to one message, with the decision, once. */
async function storeReplies(ctx: AppContext, conv: ConversationRecord, message: MessageRecord, decision: Decision, replies: { text: string; articleId: string | null; action: string }[]): Promise<MessageRecord[]> {
  // One reply (the common case) in one statement; several (an external bot's) in a transaction.
  if (replies.length === 1) {
    const [reply] = replies as [(typeof replies)[0]];
    const r = await storeAiReply(ctx.db, { id: ctx.newId(), conversationId: conv.id, replyTo: message.id, text: reply.text, articleId: reply.articleId, action: reply.action, decision, at: ctx.clock(), wire: wireMessage });
    if (r.kind === 'stored') ctx.bus.publish(r.eventSeq);
    return r.kind === 'stored' ? [r.message] : r.kind === 'answered' ? listReplies(ctx.db, message.id) : [];
  }
  try {
    return await withEvents(ctx, async (tx, emit) => {
      // Numbers for the replies, taken only while the AI holds the conversation: a person who
      // took it while the AI was thinking keeps it, and the AI stays quiet.
      const now = ctx.clock();
      const current = await claimMessageSeqs(tx, conv.id, replies.length, { at: now, status: 'ai' });
      if (!current || !aiMayAnswer(current.status)) return [];
      // The decision is recorded once per message: a retried copy answered first wins.
      if (!(await saveDecision(tx, { messageId: message.id, conversationId: conv.id, decision, at: now }))) throw new AnsweredAlready();
      const stored = await insertMessages(
        tx,
        current,
        replies.map((reply) => ({ id: ctx.newId(), authorKind: 'ai' as const, text: reply.text, replyTo: message.id, articleId: reply.articleId, action: reply.action })),
        now,
      );
      for (const r of stored) await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(r) } });
      return stored;
    });
  } catch (err) {
    if (err instanceof AnsweredAlready) return listReplies(ctx.db, message.id);
    throw err;
  }
}

/** What the assistant can help with, for a polite decline: the KB's largest categories, at most four. */
function kbTopics(articles: ReadonlyMap<string, KbArticle>): string[] {
  const counts = new Map<string, number>();
  for (const a of articles.values()) if (a.category) counts.set(a.category, (counts.get(a.category) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 4)
    .map(([c]) => c.replace(/[_-]+/g, ' '));
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}

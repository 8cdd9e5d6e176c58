import type { Conversation, CustomerProfile, Decision, Locale, VerifiedFact } from '@baton/core';
import type { TLlmBrief } from '@baton/contracts';
import { applyModelBrief, buildBrief, chooseAgent, planHandoff, renderCustomerMessage } from '@baton/core';
import type { ConversationRecord, MessageRecord } from '../adapters/db/repositories/conversations.repository.js';
import { getConversation, insertMessage, saveDecision } from '../adapters/db/repositories/conversations.repository.js';
import type { HandoffRecord } from '../adapters/db/repositories/handoffs.repository.js';
import { updateHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { briefIdentity } from './account-access.js';
import type { AppContext } from './context.js';
import * as lifecycle from './conversation-lifecycle.js';
import { repeatEscalationFor } from './metrics/repeat-escalation-for.js';
import { agentStates, queueState } from './queue-state.js';
import { routeHandoff } from './route-handoff.js';
import { scheduleHandoffTimers } from './schedule-handoff-timers.js';
import { wireHandoff, wireMessage } from './wire.js';
import { withEvents } from './with-events.js';

export interface EscalateInput {
  conversation: ConversationRecord;
  trigger: MessageRecord;
  decision: Decision;
  engineConversation: Conversation;
  profile: CustomerProfile | null;
  facts: VerifiedFact[];
  locale: Locale;
  authorNames: (string | undefined)[];
  /** A first next step for the agent from whoever asked for the handoff (the external bot's note). */
  briefNote?: string;
  /** What the customer-data endpoint could not give (it failed): said in the brief, first. */
  contextMissing?: string;
  /** What a language model wrote for the brief (LLM mode); the rules' brief keeps everything else. */
  modelBrief?: { written: TLlmBrief; provider: string; model: string } | null;
}

/**
 * The handoff (DESIGN §2.5): build the brief, route it, tell the customer why, when and their
 * case number, notify the agents (the `handoff.requested` event), and schedule the durable
 * timers. Returns the notice sent to the customer, or nothing when another message escalated
 * the conversation first.
 */
export async function escalateConversation(ctx: AppContext, input: EscalateInput): Promise<{ notice: MessageRecord; offer: MessageRecord | null; handoff: HandoffRecord } | null> {
  const { conversation: conv, decision } = input;
  const { need, team } = await routeHandoff(ctx, conv, decision, input.profile);
  const offered = team ? chooseAgent(need, team.id, await agentStates(ctx, ctx.db)) : null;
  const now = ctx.clock();
  const rulesBrief = buildBrief({
    caseNumber: conv.caseNumber,
    conversation: input.engineConversation,
    decision,
    ...(input.profile ? { customer: input.profile } : {}),
    facts: input.facts,
    articles: ctx.articles(),
    ...(team ? { team: team.name } : {}),
    ...(need.category ? { category: need.category } : {}),
    now: now.getTime(),
    authorNames: input.authorNames,
  });
  const who = await briefIdentity(ctx.db, conv);
  rulesBrief.identity = who.identity;
  // Baton's own steps come first: missing account context, the customer's identity is unproven, the bot's note.
  const leading = [input.contextMissing, who.nextStep, input.briefNote].filter((s): s is string => Boolean(s));
  const brief = input.modelBrief
    ? applyModelBrief(rulesBrief, input.modelBrief.written, input.modelBrief, leading)
    : { ...rulesBrief, nextSteps: [...leading, ...rulesBrief.nextSteps] };
  const repeat = await repeatEscalationFor(ctx.db, conv, now);
  const reasons = decision.reasons.map((r) => {
    const turn = input.engineConversation.turns[r.messageIndex];
    return { code: r.code, detail: r.detail, ...(turn && r.messageIndex === input.engineConversation.turns.length - 1 ? { messageId: input.trigger.id } : {}) };
  });

  const result = await withEvents(ctx, async (tx, emit) => {
    const current = await getConversation(tx, conv.id, { forUpdate: true });
    if (!current || current.status !== 'ai') return null;
    const plan = planHandoff({
      decision,
      team,
      brief,
      repeat,
      queue: await queueState(ctx, tx, team?.id ?? null),
      caseNumber: conv.caseNumber,
      locale: input.locale,
      customerTimeZone: conv.timeZone,
      now: now.getTime(),
      settings: { defaultHandleMinutes: ctx.config.defaultHandleMinutes, callbackOfferMinutes: ctx.config.callbackOfferMinutes },
    });
    const { handoff } = await lifecycle.escalate({ tx, emit }, {
      id: ctx.newId(),
      conversationId: conv.id,
      priority: plan.priority,
      reasons,
      teamId: plan.teamId,
      offeredAgentId: offered?.id ?? null,
      brief: plan.brief,
      waitEstimateMinutes: plan.waitEstimateMinutes,
      slaDueAt: new Date(plan.slaDueAt),
      at: now,
    });
    const { position, waitMinutes } = plan;
    // What the customer is told now is what the queue updates compare with: they speak only of a change.
    const told = plan.opensAt === null;
    await updateHandoff(tx, handoff.id, { queuedAt: now, queuePosition: told ? position : null, queueToldAt: told ? now : null, callbackOfferedAt: plan.offerCallback ? now : null });
    const notice = await insertMessage(tx, { id: ctx.newId(), at: now, conversationId: conv.id, authorKind: 'ai', text: renderCustomerMessage(plan.notice, input.locale), replyTo: input.trigger.id, action: 'escalate', articleId: decision.articleId ?? null });
    // The choice comes as its own message, so clients can show the slots under it.
    const offerMessage = plan.offerCallback
      ? await insertMessage(tx, { id: ctx.newId(), at: now, conversationId: conv.id, authorKind: 'ai', text: renderCustomerMessage({ kind: 'callback_offer' }, input.locale), replyTo: input.trigger.id, action: 'offer_callback' })
      : null;
    await saveDecision(tx, { messageId: input.trigger.id, conversationId: conv.id, decision, at: now });
    await emit({ type: 'handoff.requested', conversationId: conv.id, handoffId: handoff.id, payload: { handoff: wireHandoff(handoff, team?.name ?? null), position } });
    if (plan.opensAt === null) await emit({ type: 'queue.position_updated', conversationId: conv.id, handoffId: handoff.id, payload: { position, waitMinutes } });
    await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(notice) } });
    if (offerMessage) await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(offerMessage) } });
    return { notice, offer: offerMessage, handoff };
  });
  if (result) {
    await scheduleHandoffTimers(ctx, result.handoff, { offered: offered?.id ?? null });
    ctx.log('info', 'handoff requested', { handoffId: result.handoff.id, caseNumber: conv.caseNumber, priority: decision.priority, team: team?.name, reasons: reasons.map((r) => r.code) });
  }
  return result;
}

import type { Conversation, CustomerProfile, Decision, Locale, Team, VerifiedFact } from '@baton/core';
import { buildBrief, categoryForDecision, chooseAgent, chooseTeam, formatLocal, isOpen, nextOpening, reasonKindFor, renderCustomerMessage, slaDueAt } from '@baton/core';
import type { ConversationRecord, MessageRecord } from '../adapters/db/repositories/conversations.repository.js';
import { getConversation, insertMessage, saveDecision } from '../adapters/db/repositories/conversations.repository.js';
import { listTeams } from '../adapters/db/repositories/teams.repository.js';
import type { HandoffRecord } from '../adapters/db/repositories/handoffs.repository.js';
import { updateHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { briefIdentity } from './account-access.js';
import type { AppContext } from './context.js';
import * as lifecycle from './conversation-lifecycle.js';
import { repeatEscalationFor } from './metrics/repeat-escalation-for.js';
import { agentStates, queueEstimate, waitFor } from './queue-state.js';
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
}

/**
 * The handoff (DESIGN §2.5): build the brief, route it, tell the customer why, when and their
 * case number, notify the agents (the `handoff.requested` event), and schedule the durable
 * timers. Returns the notice sent to the customer, or nothing when another message escalated
 * the conversation first.
 */
export async function escalateConversation(ctx: AppContext, input: EscalateInput): Promise<{ notice: MessageRecord; offer: MessageRecord | null; handoff: HandoffRecord } | null> {
  const { conversation: conv, decision } = input;
  const teams = await listTeams(ctx.db);
  const articleCategory = decision.articleId ? ctx.articles().get(decision.articleId)?.category : undefined;
  const category = categoryForDecision(decision, articleCategory ? { articleCategory } : {});
  const need = {
    category,
    language: decision.signals.language === 'und' ? (conv.language ?? 'en') : decision.signals.language,
    channel: conv.channel,
    priority: decision.priority,
    ...(input.profile?.tier ? { tier: input.profile.tier } : {}),
  };
  const team: Team | null = teams.length ? chooseTeam(need, teams).team : null;
  const offered = team ? chooseAgent(need, team.id, await agentStates(ctx.db)) : null;
  const now = ctx.clock();
  const slaDue = new Date(team ? slaDueAt(team, decision.priority, now.getTime()) : now.getTime() + 30 * 60_000);
  const brief = buildBrief({
    caseNumber: conv.caseNumber,
    conversation: input.engineConversation,
    decision,
    ...(input.profile ? { customer: input.profile } : {}),
    facts: input.facts,
    articles: ctx.articles(),
    ...(team ? { team: team.name } : {}),
    now: now.getTime(),
    authorNames: input.authorNames,
  });
  const who = await briefIdentity(ctx.db, conv);
  brief.identity = who.identity;
  if (who.nextStep) brief.nextSteps.unshift(who.nextStep);
  // A second escalation by the same customer within 24 h, on any channel, is flagged on the brief.
  const repeat = await repeatEscalationFor(ctx.db, conv, now);
  if (repeat) {
    brief.repeatEscalation = { previousCaseNumber: repeat.previousCaseNumber, hoursAgo: repeat.hoursAgo, channel: repeat.channel };
    brief.nextSteps.unshift(`Repeat escalation: this customer escalated ${repeat.hoursAgo} h ago on ${repeat.channel} (case ${repeat.previousCaseNumber}); read that case first.`);
  }
  const reasons = decision.reasons.map((r) => {
    const turn = input.engineConversation.turns[r.messageIndex];
    return { code: r.code, detail: r.detail, ...(turn && r.messageIndex === input.engineConversation.turns.length - 1 ? { messageId: input.trigger.id } : {}) };
  });
  const teamName = team?.name ?? 'support';

  const result = await withEvents(ctx, async (tx, emit) => {
    const current = await getConversation(tx, conv.id, { forUpdate: true });
    if (!current || current.status !== 'ai') return null;
    const { handoff } = await lifecycle.escalate({ tx, emit }, {
      id: ctx.newId(),
      conversationId: conv.id,
      priority: decision.priority,
      reasons,
      teamId: team?.id ?? null,
      offeredAgentId: offered?.id ?? null,
      brief,
      waitEstimateMinutes: null,
      slaDueAt: slaDue,
    });
    const { position } = await queueEstimate(ctx, tx, handoff, team);
    const waitMinutes = (await waitFor(ctx, tx, team, position)) ?? position * ctx.config.defaultHandleMinutes;
    const closed = team?.hours && !isOpen(team.hours, now.getTime());
    const opensAt = closed && team?.hours ? nextOpening(team.hours, now.getTime()) : null;
    // After hours, or a long wait: say so, and offer a callback or an email reply (DESIGN §5).
    const longWait = !opensAt && waitMinutes > ctx.config.callbackOfferMinutes;
    const offer = Boolean(opensAt) || longWait;
    const text = opensAt
      ? renderCustomerMessage({ kind: 'after_hours', teamName, opensAt: formatLocal(opensAt, team!.hours!.timeZone, input.locale), caseNumber: conv.caseNumber }, input.locale)
      : longWait
        ? renderCustomerMessage({ kind: 'long_wait', teamName, waitMinutes, caseNumber: conv.caseNumber }, input.locale)
        : renderCustomerMessage({ kind: 'handoff', teamName, waitMinutes, caseNumber: conv.caseNumber, reason: reasonKindFor(decision) }, input.locale);

    const stored = await updateHandoff(tx, handoff.id, { waitEstimateMinutes: opensAt ? null : waitMinutes });
    const notice = await insertMessage(tx, { id: ctx.newId(), conversationId: conv.id, authorKind: 'ai', text, replyTo: input.trigger.id, action: 'escalate', articleId: decision.articleId ?? null });
    // The choice comes as its own message, so clients can show the slots under it.
    const offerMessage = offer
      ? await insertMessage(tx, { id: ctx.newId(), conversationId: conv.id, authorKind: 'ai', text: renderCustomerMessage({ kind: 'callback_offer' }, input.locale), replyTo: input.trigger.id, action: 'offer_callback' })
      : null;
    await saveDecision(tx, { messageId: input.trigger.id, conversationId: conv.id, decision });
    await emit({ type: 'handoff.requested', conversationId: conv.id, handoffId: handoff.id, payload: { handoff: wireHandoff(stored, team?.name ?? null), position } });
    if (!opensAt) await emit({ type: 'queue.position_updated', conversationId: conv.id, handoffId: handoff.id, payload: { position, waitMinutes } });
    await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(notice) } });
    if (offerMessage) await emit({ type: 'message.created', conversationId: conv.id, payload: { message: wireMessage(offerMessage) } });
    return { notice, offer: offerMessage, handoff: stored };
  });
  if (result) {
    await scheduleHandoffTimers(ctx, result.handoff, { offered: offered?.id ?? null });
    ctx.log('info', 'handoff requested', { handoffId: result.handoff.id, caseNumber: conv.caseNumber, priority: decision.priority, team: team?.name, reasons: reasons.map((r) => r.code) });
  }
  return result;
}

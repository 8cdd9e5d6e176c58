import type { CustomerProfile, Decision, Reason } from '@baton/core';
import { isReasonCode } from '@baton/core';
import type { TBotCustomer, TBotHandoff, TBotRequest } from '@baton/contracts';
import type { BotAnswer, BotClient } from '../adapters/bot/bot-client.js';
import type { ConversationRecord, MessageRecord } from '../adapters/db/repositories/conversations.repository.js';
import { mayUseAccount } from './account-access.js';
import type { AppContext } from './context.js';

/** Turns of the transcript sent with each message: enough for a bot to follow, not the whole history. */
const TRANSCRIPT_TURNS = 20;

export interface AskBotInput {
  conversation: ConversationRecord;
  message: MessageRecord;
  /** The conversation's messages up to and including `message`. */
  upTo: MessageRecord[];
  /** The account's profile; null for a customer who has not proved who they are. */
  profile: CustomerProfile | null;
  language: string;
}

/**
 * Posts one customer message to the external bot (docs/bots.md) with its context. A failure is
 * logged and counted (`baton_bot_failures_total`); the caller answers in the bot's place.
 */
export async function askBot(ctx: AppContext, bot: BotClient, input: AskBotInput): Promise<BotAnswer> {
  const answer = await bot.ask(botRequest(input));
  if (!answer.ok) {
    ctx.log('warn', `the external bot failed (${answer.kind}): ${answer.error}; Baton answers in its place`, { conversationId: input.conversation.id, messageId: input.message.id });
  }
  return answer;
}

/** What the bot is sent: nothing from an account unless the customer proved it is theirs (account-access.ts). */
export function botRequest({ conversation: conv, message, upTo, profile, language }: AskBotInput): TBotRequest {
  const customer: TBotCustomer = { identity: conv.identity };
  if (mayUseAccount(conv)) {
    const name = profile?.name ?? conv.customerName;
    Object.assign(customer, {
      ...(name ? { name } : {}),
      ...(conv.customerEmail ? { email: conv.customerEmail } : {}),
      ...(profile?.accountId ? { accountId: profile.accountId } : {}),
      ...(profile?.tier ? { tier: profile.tier } : {}),
    });
  }
  return {
    type: 'message',
    conversationId: conv.id,
    caseNumber: conv.caseNumber,
    channel: conv.channel,
    language,
    message: { id: message.id, text: message.text, at: message.createdAt.toISOString() },
    customer,
    transcript: upTo
      .filter((m) => !m.private)
      .slice(-TRANSCRIPT_TURNS)
      .map((m) => ({ role: m.authorKind, text: m.text, at: m.createdAt.toISOString() })),
  };
}

/**
 * The policy's decision turned into a handoff the bot asked for: its reason first (a Baton reason
 * code as is; anything else counts as the customer's request, with the bot's words as the
 * detail), then whatever the policy had noted.
 */
export function botHandoffDecision(decision: Decision, handoff: TBotHandoff, messageIndex: number): Decision {
  const reason: Reason = {
    code: isReasonCode(handoff.reason) ? handoff.reason : 'customer_request',
    detail: `the bot handed over: ${handoff.reason}${handoff.note ? ` (${handoff.note})` : ''}`,
    messageIndex,
  };
  return { ...decision, action: 'escalate', reasons: [reason, ...decision.reasons] };
}

/** The policy's decision turned into a handoff because the bot failed and the engine has no answer of its own. */
export function botFailedDecision(decision: Decision, answer: Extract<BotAnswer, { ok: false }>, messageIndex: number): Decision {
  const reason: Reason = { code: 'ai_error', detail: `the external bot failed (${answer.kind}) and the knowledge base has no answer`, messageIndex };
  return { ...decision, action: 'escalate', reasons: [reason, ...decision.reasons] };
}

/** The brief's first next step for a bot's handoff: the bot's note for the agent. */
export function botBriefNote(handoff: TBotHandoff): string {
  return handoff.note ? `The bot's note: ${handoff.note}` : `The bot handed over: ${handoff.reason}`;
}

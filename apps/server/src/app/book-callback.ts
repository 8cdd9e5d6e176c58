import type { TCallbackOptions } from '@baton/contracts';
import type { Team } from '@baton/core';
import { addBusinessMinutes, callbackSlots, DEFAULT_SLA_MINUTES, formatLocal, isValidTimeZone, nextOpening, pickLocale, renderCustomerMessage } from '@baton/core';
import { getTeamByName } from '../adapters/db/repositories/teams.repository.js';
import type { CallbackRecord } from '../adapters/db/repositories/callbacks.repository.js';
import { insertCallback } from '../adapters/db/repositories/callbacks.repository.js';
import type { ConversationRecord } from '../adapters/db/repositories/conversations.repository.js';
import { getConversation, insertMessage } from '../adapters/db/repositories/conversations.repository.js';
import { customerPhone } from '../adapters/db/repositories/customers.repository.js';
import type { HandoffRecord } from '../adapters/db/repositories/handoffs.repository.js';
import { openHandoffFor } from '../adapters/db/repositories/handoffs.repository.js';
import { DomainError } from '../errors.js';
import type { AppContext } from './context.js';
import * as lifecycle from './conversation-lifecycle.js';
import { wireMessage } from './wire.js';
import { withEvents } from './with-events.js';

const SLOT_MINUTES = 30;
const SLOT_COUNT = 12;
const LEAD_MINUTES = 15;

export type CallbackOptions = TCallbackOptions;

/** The team a conversation's open handoff is queued for; the default hours are "always open". */
async function teamOf(ctx: AppContext, h: HandoffRecord): Promise<Team | null> {
  return h.teamId ? getTeamByName(ctx.db, h.teamId) : null;
}

function zone(tz: string | undefined, team: Team | null): string {
  if (tz && isValidTimeZone(tz)) return tz;
  return team?.hours?.timeZone ?? 'UTC';
}

/** The promised time of an email reply: the team's SLA for the priority, counted in its open hours. */
function emailDeadline(team: Team | null, h: HandoffRecord, now: number): number {
  const minutes = team?.sla[h.priority] ?? DEFAULT_SLA_MINUTES[h.priority];
  return team?.hours ? addBusinessMinutes(team.hours, now, minutes) : now + minutes * 60_000;
}

/**
 * The number to pre-fill in the callback form: one the customer gave, or their account's once
 * they are verified (an unverified claim never shows an account's number).
 */
async function knownPhone(ctx: AppContext, conv: ConversationRecord): Promise<string | null> {
  if (conv.customerPhone) return conv.customerPhone;
  return conv.customerId ? customerPhone(ctx.db, conv.customerId) : null;
}

/** What the customer may choose when the team is closed or the wait is long (DESIGN §5). */
export async function callbackOptions(ctx: AppContext, conversationId: string, customerZone?: string): Promise<CallbackOptions> {
  const conv = await getConversation(ctx.db, conversationId);
  if (!conv) throw new DomainError('CONVERSATION_ERR_NOT_FOUND', `no conversation ${conversationId}`);
  const h = await openHandoffFor(ctx.db, conversationId);
  if (!h || h.status !== 'waiting') throw new DomainError('HANDOFF_ERR_NOT_FOUND', 'there is no waiting handoff to book a callback for');
  const team = await teamOf(ctx, h);
  const now = ctx.clock().getTime();
  const tz = zone(customerZone ?? conv.timeZone ?? undefined, team);
  const locale = pickLocale(conv.language ?? undefined);
  const at = team?.hours
    ? callbackSlots(team.hours, now, { slotMinutes: SLOT_MINUTES, count: SLOT_COUNT, leadMinutes: LEAD_MINUTES })
    : Array.from({ length: SLOT_COUNT }, (_, i) => Math.ceil((now + LEAD_MINUTES * 60_000) / (SLOT_MINUTES * 60_000)) * SLOT_MINUTES * 60_000 + i * SLOT_MINUTES * 60_000);
  const by = emailDeadline(team, h, now);
  return {
    slots: at.map((t) => ({ at: new Date(t).toISOString(), label: formatLocal(t, tz, locale) })),
    timeZone: tz,
    email: conv.customerEmail,
    phone: await knownPhone(ctx, conv),
    emailBy: { at: new Date(by).toISOString(), label: formatLocal(by, tz, locale) },
  };
}

export type BookCallbackInput = { kind: 'callback'; at: string; phone: string; timeZone?: string } | { kind: 'email'; email?: string; timeZone?: string };

/**
 * The customer chooses a callback at one of the offered times, or an email reply. The handoff
 * leaves the live queue with its brief saved; a durable job puts it back in the team's queue at
 * the booked time. The confirmation states the exact promised time in the customer's zone.
 */
export async function bookCallback(ctx: AppContext, conversationId: string, input: BookCallbackInput): Promise<{ callback: CallbackRecord; confirmation: string }> {
  const options = await callbackOptions(ctx, conversationId, input.timeZone);
  const conv = (await getConversation(ctx.db, conversationId))!;
  let scheduledFor: number;
  let contact: string;
  let when: string;
  if (input.kind === 'callback') {
    const slot = options.slots.find((s) => Date.parse(s.at) === Date.parse(input.at));
    if (!slot) throw new DomainError('VALIDATION_ERR_BODY', 'that time is not one of the offered callback slots; ask for the options again', 'at');
    scheduledFor = Date.parse(slot.at);
    contact = input.phone;
    when = slot.label;
  } else {
    const email = input.email ?? conv.customerEmail;
    if (!email) throw new DomainError('VALIDATION_ERR_BODY', 'an email address is needed for an email reply', 'email');
    contact = email;
    when = options.emailBy.label;
    const h = (await openHandoffFor(ctx.db, conversationId))!;
    const team = await teamOf(ctx, h);
    const now = ctx.clock().getTime();
    // The email case enters the queue as soon as the team is open.
    scheduledFor = team?.hours ? (nextOpening(team.hours, now) ?? now) : now;
  }
  const locale = pickLocale(conv.language ?? undefined);
  const confirmation =
    input.kind === 'callback'
      ? renderCustomerMessage({ kind: 'callback_confirmed', when, caseNumber: conv.caseNumber }, locale)
      : renderCustomerMessage({ kind: 'email_followup_confirmed', email: contact, when, caseNumber: conv.caseNumber }, locale);

  const callback = await withEvents(ctx, async (tx, emit) => {
    const c = await getConversation(tx, conversationId, { forUpdate: true });
    const h = await openHandoffFor(tx, conversationId);
    if (!c || !h || h.status !== 'waiting') throw new DomainError('HANDOFF_ERR_NOT_FOUND', 'there is no waiting handoff to book a callback for');
    const at = ctx.clock();
    const cb = await insertCallback(tx, { id: ctx.newId(), conversationId, handoffId: h.id, kind: input.kind, scheduledFor: new Date(scheduledFor), timeZone: options.timeZone, contact, createdAt: at });
    await lifecycle.scheduleCallback({ tx, emit }, h, cb, at);
    const m = await insertMessage(tx, { id: ctx.newId(), at, conversationId, authorKind: 'ai', text: confirmation, action: input.kind === 'callback' ? 'callback_confirmed' : 'email_followup_confirmed' });
    await emit({ type: 'message.created', conversationId, payload: { message: wireMessage(m) } });
    return cb;
  });
  await ctx.jobs.schedule('callback-due', { callbackId: callback.id, phase: 'due' }, new Date(scheduledFor), `callback-due:${callback.id}`);
  return { callback, confirmation };
}

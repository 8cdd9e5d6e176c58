import type { TransitionCause } from '@baton/core';
import { transition } from '@baton/core';
import type { Sql } from '../adapters/db/database.js';
import type { AgentRecord } from '../adapters/db/repositories/agents.repository.js';
import type { CallbackRecord } from '../adapters/db/repositories/callbacks.repository.js';
import type { ConversationRecord } from '../adapters/db/repositories/conversations.repository.js';
import { getConversation, setConversationStatus } from '../adapters/db/repositories/conversations.repository.js';
import type { HandoffRecord, NewHandoff, Resolution } from '../adapters/db/repositories/handoffs.repository.js';
import { claimHandoff, getHandoff, insertHandoff, setHandoffStatus } from '../adapters/db/repositories/handoffs.repository.js';
import { DomainError } from '../errors.js';
import { wireHandoff } from './wire.js';
import type { Emit } from './with-events.js';

/**
 * The owner of the conversation and handoff lifecycle (DESIGN §1), as chatwoot's
 * `Conversation#bot_handoff!` owns its status: the only writer of `conversations.status` and
 * `handoffs.status`, and the only emitter of `conversation.status_changed` and of the handoff
 * events that announce a change of status. Each function is one edge of core's transition table
 * (`transition` throws before anything is written when the edge does not exist), runs in the
 * caller's transaction, writes the conversation and its handoff together, and emits the events,
 * always in the same order: the handoff's event, then `conversation.status_changed`. Use cases
 * add what is theirs (messages to the customer, timers) around these calls. A lint rule keeps
 * the status writes and the status event here.
 */

/** A transaction and the way to append events to it (see `withEvents`). */
export interface InTransaction {
  tx: Sql;
  emit: Emit;
}

/** Locks the conversation, moves it along `cause` at `at` (its `updatedAt`), and announces it. */
async function move(
  { tx, emit }: InTransaction,
  conversationId: string,
  cause: TransitionCause,
  at: Date,
  o: { handoffId?: string; assignedAgentId?: string | null; teamId?: string | null } = {},
): Promise<{ conversation: ConversationRecord; from: ConversationRecord['status'] }> {
  const current = await getConversation(tx, conversationId, { forUpdate: true });
  if (!current) throw new DomainError('CONVERSATION_ERR_NOT_FOUND', `no conversation ${conversationId}`);
  const to = transition(current.status, cause);
  const conversation = await setConversationStatus(tx, conversationId, {
    status: to,
    ...(o.assignedAgentId !== undefined ? { assignedAgentId: o.assignedAgentId } : {}),
    ...(o.teamId !== undefined ? { teamId: o.teamId } : {}),
  }, at);
  await emit({ type: 'conversation.status_changed', conversationId, ...(o.handoffId ? { handoffId: o.handoffId } : {}), payload: { from: current.status, to, cause } });
  return { conversation, from: current.status };
}

/** ai → waiting: the AI hands over. The new handoff waits in its team's queue. */
export async function escalate(t: InTransaction, handoff: NewHandoff): Promise<{ conversation: ConversationRecord; handoff: HandoffRecord }> {
  const stored = await insertHandoff(t.tx, handoff);
  const { conversation } = await move(t, handoff.conversationId, 'escalated', handoff.at, { handoffId: stored.id, teamId: handoff.teamId });
  return { conversation, handoff: stored };
}

/**
 * waiting → assigned: an agent takes a waiting handoff. The claim is one conditional update, so
 * when two agents accept at the same moment exactly one wins; the other gets
 * HANDOFF_ERR_ALREADY_ACCEPTED.
 */
export async function accept(t: InTransaction, handoffId: string, agent: AgentRecord, at: Date, teamName: string): Promise<{ conversation: ConversationRecord; handoff: HandoffRecord }> {
  const claimed = await claimHandoff(t.tx, handoffId, agent.id, at);
  if (!claimed) {
    const h = await getHandoff(t.tx, handoffId);
    if (!h) throw new DomainError('HANDOFF_ERR_NOT_FOUND', `no handoff ${handoffId}`);
    if (h.status === 'assigned') throw new DomainError('HANDOFF_ERR_ALREADY_ACCEPTED', h.agentId === agent.id ? 'you already accepted this handoff' : 'another agent accepted this handoff first');
    throw new DomainError('HANDOFF_ERR_ALREADY_RESOLVED', `handoff ${handoffId} is ${h.status}`);
  }
  await t.emit({ type: 'handoff.accepted', conversationId: claimed.conversationId, handoffId, agentId: agent.id, payload: { handoff: wireHandoff(claimed, teamName), agent: { id: agent.id, name: agent.name } } });
  const { conversation } = await move(t, claimed.conversationId, 'accepted', at, { handoffId, assignedAgentId: agent.id });
  return { conversation, handoff: claimed };
}

/** assigned → resolved: the agent closes the handoff with a category, an outcome and a verdict. */
export async function resolve(t: InTransaction, h: HandoffRecord, agent: AgentRecord, resolution: Resolution & Required<Pick<Resolution, 'verdict'>>, at: Date): Promise<{ conversation: ConversationRecord; handoff: HandoffRecord }> {
  const done = await setHandoffStatus(t.tx, h.id, { status: 'resolved', resolvedAt: at, resolution });
  await t.emit({ type: 'handoff.resolved', conversationId: h.conversationId, handoffId: h.id, agentId: agent.id, payload: { resolution, resolvedAt: at.toISOString() } });
  const { conversation } = await move(t, h.conversationId, 'resolved', at, { handoffId: h.id });
  return { conversation, handoff: done };
}

/** assigned → ai: the agent hands the conversation back; the handoff closes as resolved, "handed back". */
export async function handBack(t: InTransaction, h: HandoffRecord, agent: AgentRecord, note: string | undefined, at: Date, verdict?: Resolution['verdict']): Promise<{ conversation: ConversationRecord; handoff: HandoffRecord }> {
  // The verdict is the agent's to give: none is recorded unless they chose one.
  const resolution: Resolution = { category: 'handed_back', outcome: 'handed_back', ...(verdict ? { verdict } : {}), ...(note ? { note } : {}) };
  const done = await setHandoffStatus(t.tx, h.id, { status: 'resolved', resolvedAt: at, resolution });
  await t.emit({ type: 'handoff.handed_back', conversationId: h.conversationId, handoffId: h.id, agentId: agent.id, payload: { note: note ?? null } });
  const { conversation } = await move(t, h.conversationId, 'handed_back', at, { handoffId: h.id, assignedAgentId: null });
  return { conversation, handoff: done };
}

/** assigned → waiting: a transfer to another team or agent (offered to that agent, or to `offerTo`); the SLA clock keeps running. */
export async function transfer(
  t: InTransaction,
  h: HandoffRecord,
  agent: AgentRecord,
  to: { teamId: string | null; teamName: string | null; agentId: string | null; /** Offered to, when no agent was named: the team's best available agent. */ offerTo?: string | null; note: string },
  at: Date,
): Promise<{ conversation: ConversationRecord; handoff: HandoffRecord }> {
  const moved = await setHandoffStatus(t.tx, h.id, { status: 'waiting', teamId: to.teamId, agentId: null, offeredAgentId: to.agentId ?? to.offerTo ?? null });
  await t.emit({
    type: 'handoff.transferred',
    conversationId: h.conversationId,
    handoffId: h.id,
    agentId: agent.id,
    payload: { handoff: wireHandoff(moved, to.teamName), from: agent.id, toTeamId: to.teamId, toAgentId: to.agentId, note: to.note },
  });
  const { conversation } = await move(t, h.conversationId, 'transferred', at, { handoffId: h.id, teamId: to.teamId, assignedAgentId: null });
  return { conversation, handoff: moved };
}

/** assigned → waiting: the agent accepted but did not reply in time; the handoff is offered to `offeredAgentId`. */
export async function returnToQueue(t: InTransaction, h: HandoffRecord, offeredAgentId: string | null, at: Date): Promise<{ conversation: ConversationRecord; handoff: HandoffRecord }> {
  const moved = await setHandoffStatus(t.tx, h.id, { status: 'waiting', agentId: null, offeredAgentId });
  const { conversation } = await move(t, h.conversationId, 'accept_timeout', at, { handoffId: h.id, assignedAgentId: null });
  return { conversation, handoff: moved };
}

/**
 * assigned → waiting: the agent can no longer work (their account was disabled, or they went
 * offline); the handoff goes back to its team's queue, offered to `offeredAgentId` when one was
 * chosen, else to the whole team.
 */
export async function releaseFromAgent(t: InTransaction, h: HandoffRecord, at: Date, offeredAgentId: string | null = null): Promise<{ conversation: ConversationRecord; handoff: HandoffRecord }> {
  const moved = await setHandoffStatus(t.tx, h.id, { status: 'waiting', agentId: null, offeredAgentId });
  const { conversation } = await move(t, h.conversationId, 'agent_offline', at, { handoffId: h.id, assignedAgentId: null });
  return { conversation, handoff: moved };
}

/** waiting → callback: the customer booked a callback or an email reply; the handoff leaves the live queue. */
export async function scheduleCallback(t: InTransaction, h: HandoffRecord, cb: CallbackRecord, at: Date): Promise<{ conversation: ConversationRecord; handoff: HandoffRecord }> {
  const parked = await setHandoffStatus(t.tx, h.id, { status: 'callback', offeredAgentId: null });
  await t.emit({
    type: 'callback.scheduled',
    conversationId: h.conversationId,
    handoffId: h.id,
    payload: { callbackId: cb.id, kind: cb.kind, scheduledFor: cb.scheduledFor?.toISOString() ?? null, timeZone: cb.timeZone },
  });
  const { conversation } = await move(t, h.conversationId, cb.kind === 'callback' ? 'callback_scheduled' : 'email_followup', at, { handoffId: h.id });
  return { conversation, handoff: parked };
}

/** callback → waiting: the booked time came; the handoff re-enters its team's queue, due by `slaDueAt`. */
export async function callbackDue(t: InTransaction, h: HandoffRecord, cb: CallbackRecord, slaDueAt: Date, teamName: string | null, at: Date): Promise<{ conversation: ConversationRecord; handoff: HandoffRecord }> {
  const queued = await setHandoffStatus(t.tx, h.id, { status: 'waiting', slaDueAt });
  await t.emit({ type: 'callback.due', conversationId: h.conversationId, handoffId: h.id, payload: { callbackId: cb.id, kind: cb.kind, contact: cb.contact } });
  const { conversation } = await move(t, h.conversationId, 'callback_due', at, { handoffId: h.id });
  await t.emit({ type: 'handoff.requested', conversationId: h.conversationId, handoffId: h.id, payload: { handoff: wireHandoff(queued, teamName), callback: { id: cb.id, kind: cb.kind, contact: cb.contact } } });
  return { conversation, handoff: queued };
}

/**
 * callback → assigned (`callback_taken`) or waiting → assigned (`accepted`): an agent works a
 * booked callback or email reply, before its time, when it came due, or after it was missed.
 * The claim is conditional, as an accept is, so two agents cannot take it together.
 */
export async function takeCallback(t: InTransaction, h: HandoffRecord, agent: AgentRecord, at: Date, teamName: string): Promise<{ conversation: ConversationRecord; handoff: HandoffRecord }> {
  const claimed = await claimHandoff(t.tx, h.id, agent.id, at, ['callback', 'waiting']);
  if (!claimed) throw new DomainError('HANDOFF_ERR_ALREADY_ACCEPTED', 'another agent took this callback first');
  await t.emit({ type: 'handoff.accepted', conversationId: h.conversationId, handoffId: h.id, agentId: agent.id, payload: { handoff: wireHandoff(claimed, teamName), agent: { id: agent.id, name: agent.name } } });
  const { conversation } = await move(t, h.conversationId, h.status === 'callback' ? 'callback_taken' : 'accepted', at, { handoffId: h.id, assignedAgentId: agent.id });
  return { conversation, handoff: claimed };
}

/** assigned or waiting → callback: nobody answered the call; the callback is booked again for `cb.scheduledFor`. */
export async function retryCallback(t: InTransaction, h: HandoffRecord, cb: CallbackRecord, at: Date): Promise<{ conversation: ConversationRecord; handoff: HandoffRecord }> {
  const parked = await setHandoffStatus(t.tx, h.id, { status: 'callback', agentId: null, offeredAgentId: null });
  await t.emit({
    type: 'callback.scheduled',
    conversationId: h.conversationId,
    handoffId: h.id,
    payload: { callbackId: cb.id, kind: cb.kind, scheduledFor: cb.scheduledFor?.toISOString() ?? null, timeZone: cb.timeZone },
  });
  const { conversation } = await move(t, h.conversationId, 'callback_retry', at, { handoffId: h.id, assignedAgentId: null });
  return { conversation, handoff: parked };
}

/**
 * waiting → resolved: the customer left the queue before anyone took the handoff; it closes as
 * abandoned, which the metrics count as such.
 */
export async function abandon(t: InTransaction, h: HandoffRecord, at: Date): Promise<{ conversation: ConversationRecord; handoff: HandoffRecord }> {
  const closed = await setHandoffStatus(t.tx, h.id, { status: 'abandoned', resolvedAt: at, offeredAgentId: null });
  const { conversation } = await move(t, h.conversationId, 'abandoned', at, { handoffId: h.id, assignedAgentId: null });
  return { conversation, handoff: closed };
}

/**
 * waiting → resolved: the people of another inbox took the case there (a Chatwoot conversation
 * opened at handoff); Baton's handoff leaves its queue, closed as handled elsewhere.
 */
export async function closeElsewhere(t: InTransaction, h: HandoffRecord, at: Date, where: string): Promise<{ conversation: ConversationRecord; handoff: HandoffRecord }> {
  const resolution: Resolution & Required<Pick<Resolution, 'verdict'>> = { category: 'handled_elsewhere', outcome: where, verdict: 'needed', note: `handled in ${where}` };
  const closed = await setHandoffStatus(t.tx, h.id, { status: 'resolved', resolvedAt: at, resolution, offeredAgentId: null });
  await t.emit({ type: 'handoff.resolved', conversationId: h.conversationId, handoffId: h.id, payload: { resolution, resolvedAt: at.toISOString() } });
  const { conversation } = await move(t, h.conversationId, 'closed', at, { handoffId: h.id, assignedAgentId: null });
  return { conversation, handoff: closed };
}

/** resolved → ai: the customer writes again, and the AI takes it up with the whole history. */
export async function reopen(t: InTransaction, conversationId: string, at: Date): Promise<ConversationRecord> {
  return (await move(t, conversationId, 'reopened', at)).conversation;
}

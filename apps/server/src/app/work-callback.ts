import type { TCallbackOutcome } from '@baton/contracts';
import { callbackSlots, FALLBACK_TEAM_NAME, formatLocal, pickLocale, renderCustomerMessage } from '@baton/core';
import type { AgentRecord } from '../adapters/db/repositories/agents.repository.js';
import type { CallbackRecord } from '../adapters/db/repositories/callbacks.repository.js';
import { lockOpenCallback, updateCallback } from '../adapters/db/repositories/callbacks.repository.js';
import { getConversation, insertMessage } from '../adapters/db/repositories/conversations.repository.js';
import type { HandoffRecord } from '../adapters/db/repositories/handoffs.repository.js';
import { getDefaultTeam, getTeamByName } from '../adapters/db/repositories/teams.repository.js';
import type { Sql } from '../adapters/db/database.js';
import { DomainError } from '../errors.js';
import type { AppContext } from './context.js';
import * as lifecycle from './conversation-lifecycle.js';
import { assertMayTake, lockHandoff } from './load-handoff.js';
import { wireMessage } from './wire.js';
import type { Emit } from './with-events.js';
import { withEvents } from './with-events.js';

export interface WorkCallbackResult {
  handoff: HandoffRecord;
  callback: CallbackRecord;
}

/**
 * An agent works a booked callback or email reply from the callbacks list:
 * - `call_now`: they take it (before its time, when due, or after it was missed) and call;
 * - `done`: the call happened (or the email was answered); the handoff stays theirs to resolve;
 * - `no_answer`: nobody picked up; it is booked again `callbackRetryMinutes` later, within the
 *   team's hours, and closes as unreachable after `callbackMaxAttempts` tries. The customer is
 *   told either way, in their language.
 * Each outcome is one transaction on the locked handoff and callback, so a double click acts
 * once: the second `call_now` by the same agent changes nothing, and a second agent is refused.
 */
export async function workCallback(ctx: AppContext, agent: AgentRecord, handoffId: string, outcome: TCallbackOutcome['outcome']): Promise<WorkCallbackResult> {
  let retryAt: Date | null = null;
  const result = await withEvents(ctx, async (tx, emit) => {
    const h0 = await lockHandoff(tx, handoffId);
    assertMayTake(h0, agent);
    const cb0 = await lockOpenCallback(tx, handoffId);
    if (!cb0) throw new DomainError('CALLBACK_ERR_NOT_FOUND', `handoff ${handoffId} has no callback or email reply still open`);
    if (outcome === 'no_answer' && cb0.kind !== 'callback') throw new DomainError('CALLBACK_ERR_NOT_A_CALL', 'an email reply has no "no answer": answer it, then mark it done', 'outcome');
    const { handoff: h, callback: cb } = await take(ctx, { tx, emit }, h0, cb0, agent);
    if (outcome === 'call_now') return { handoff: h, callback: cb };
    if (outcome === 'done') return { handoff: h, callback: await updateCallback(tx, cb.id, { status: 'done', agentId: agent.id }) };

    const attempts = cb.attempts + 1;
    const conv = (await getConversation(tx, h.conversationId))!;
    const locale = pickLocale(conv.language ?? undefined);
    if (attempts >= ctx.config.callbackMaxAttempts) {
      const closed = await updateCallback(tx, cb.id, { status: 'unreachable', attempts, agentId: agent.id });
      const note = `No answer after ${attempts} call${attempts === 1 ? '' : 's'} to ${cb.contact ?? 'the number given'}.`;
      const { handoff } = await lifecycle.resolve({ tx, emit }, h, agent, { category: 'callback_unreachable', outcome: 'not_solved', verdict: 'needed', note }, ctx.clock());
      await say(ctx, tx, emit, conv.id, renderCustomerMessage({ kind: 'callback_unreachable', tries: attempts, caseNumber: conv.caseNumber }, locale), 'callback_unreachable');
      return { handoff, callback: closed };
    }
    const at = await nextTry(ctx, tx, h);
    retryAt = at;
    const again = await updateCallback(tx, cb.id, { status: 'scheduled', attempts, agentId: null, scheduledFor: at });
    const { handoff } = await lifecycle.retryCallback({ tx, emit }, h, again, ctx.clock());
    const when = formatLocal(at.getTime(), again.timeZone ?? 'UTC', locale);
    await say(ctx, tx, emit, conv.id, renderCustomerMessage({ kind: 'callback_no_answer', when, caseNumber: conv.caseNumber }, locale), 'callback_no_answer');
    return { handoff, callback: again };
  });
  if (retryAt) await ctx.jobs.schedule('callback-due', { callbackId: result.callback.id, phase: 'due' }, retryAt, `callback-due:${result.callback.id}:${result.callback.attempts}`);
  return result;
}

/** The agent takes the handoff if it is not theirs yet; the callback is marked as being worked by them. */
async function take(ctx: AppContext, t: lifecycle.InTransaction, h: HandoffRecord, cb: CallbackRecord, agent: AgentRecord): Promise<{ handoff: HandoffRecord; callback: CallbackRecord }> {
  if (h.status === 'assigned') {
    if (h.agentId !== agent.id) throw new DomainError('HANDOFF_ERR_ALREADY_ACCEPTED', h.agentId ? 'another agent is already working this callback' : 'this callback is being worked');
    return { handoff: h, callback: cb.status === 'calling' ? cb : await updateCallback(t.tx, cb.id, { status: 'calling', agentId: agent.id }) };
  }
  if (h.status !== 'callback' && h.status !== 'waiting') throw new DomainError('HANDOFF_ERR_ALREADY_RESOLVED', `handoff ${h.id} is ${h.status}`);
  const team = (h.teamId ? await getTeamByName(t.tx, h.teamId) : null) ?? (await getDefaultTeam(t.tx));
  const { handoff } = await lifecycle.takeCallback(t, h, agent, ctx.clock(), team?.name ?? FALLBACK_TEAM_NAME);
  return { handoff, callback: await updateCallback(t.tx, cb.id, { status: 'calling', agentId: agent.id }) };
}

/** The next try: `callbackRetryMinutes` from now, moved into the team's open hours when it keeps any. */
async function nextTry(ctx: AppContext, tx: Sql, h: HandoffRecord): Promise<Date> {
  const from = ctx.clock().getTime() + ctx.config.callbackRetryMinutes * 60_000;
  const team = h.teamId ? await getTeamByName(tx, h.teamId) : null;
  const slot = team?.hours ? callbackSlots(team.hours, from, { slotMinutes: 15, count: 1 })[0] : undefined;
  return new Date(slot ?? from);
}

async function say(ctx: AppContext, tx: Sql, emit: Emit, conversationId: string, text: string, action: string): Promise<void> {
  const m = await insertMessage(tx, { id: ctx.newId(), at: ctx.clock(), conversationId, authorKind: 'system', text, action });
  await emit({ type: 'message.created', conversationId, payload: { message: wireMessage(m) } });
}

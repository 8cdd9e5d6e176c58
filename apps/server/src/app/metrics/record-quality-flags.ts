import { clipText, findCustomerRepeat, findRedundantAsk } from '@baton/core';
import type { Sql } from '../../adapters/db/database.js';
import { getConversation } from '../../adapters/db/repositories/conversations.repository.js';
import type { EventRecord } from '../../adapters/db/repositories/events.repository.js';
import type { HandoffRecord } from '../../adapters/db/repositories/handoffs.repository.js';
import { getHandoff, handoffInForceAt } from '../../adapters/db/repositories/handoffs.repository.js';
import type { QualityFlagKind } from '../../adapters/db/repositories/quality-flags.repository.js';
import { insertQualityFlag } from '../../adapters/db/repositories/quality-flags.repository.js';
import type { AppContext } from '../context.js';
import { repeatEscalationFor } from './repeat-escalation-for.js';

/**
 * Records the quality flags an event raises, in the caller's transaction:
 * - an agent's reply that asks for something the brief held: `redundant_ask`;
 * - a customer's message, after the handoff and before it is resolved, that restates a customer
 *   turn of the transcript the agent was given: `customer_repeat`;
 * - a handoff whose customer escalated in the 24 hours before: `repeat_escalation`.
 * Each message or handoff is flagged at most once per kind (a unique index), so replaying an
 * event changes nothing.
 */
export async function recordQualityFlags(ctx: AppContext, tx: Sql, event: EventRecord<'message.created' | 'handoff.requested'>): Promise<void> {
  if (event.type === 'message.created') await flagMessage(ctx, tx, event);
  else if (event.type === 'handoff.requested' && event.handoffId) await flagRepeatEscalation(ctx, tx, event.handoffId);
}

async function flagMessage(ctx: AppContext, tx: Sql, event: EventRecord<'message.created'>): Promise<void> {
  // The event carries the message as it was stored (its time to the millisecond): no read needed.
  const wire = event.payload.message;
  if (wire.private || (wire.author.kind !== 'agent' && wire.author.kind !== 'customer')) return;
  const m = { id: wire.id, conversationId: wire.conversationId, authorKind: wire.author.kind, text: wire.text, createdAt: new Date(wire.createdAt) };
  // The handoff in force when the message was written: requested before it, not yet resolved.
  const h = await handoffInForceAt(tx, m.conversationId, m.createdAt);
  if (!h) return;
  if (m.authorKind === 'agent') {
    const ask = findRedundantAsk(m.text, h.brief);
    if (ask) await insertFlag(ctx, tx, h, m.id, 'redundant_ask', { ...ask }, m.createdAt);
    return;
  }
  const turns = (h.brief.transcript ?? []).filter((t) => t.role === 'Customer');
  const repeat = findCustomerRepeat(m.text, turns.map((t) => t.text));
  if (repeat) {
    const turn = turns[repeat.turnIndex]!;
    await insertFlag(ctx, tx, h, m.id, 'customer_repeat', { transcriptIndex: turn.index, similarity: repeat.similarity, earlier: clipText(turn.text, 200) }, m.createdAt);
  }
}

async function flagRepeatEscalation(ctx: AppContext, tx: Sql, handoffId: string): Promise<void> {
  const h = await getHandoff(tx, handoffId);
  const conv = h ? await getConversation(tx, h.conversationId) : null;
  if (!h || !conv) return;
  const previous = await repeatEscalationFor(tx, conv, h.createdAt, { excludeHandoffId: h.id });
  if (previous) await insertFlag(ctx, tx, h, null, 'repeat_escalation', { ...previous }, h.createdAt);
}

function insertFlag(ctx: AppContext, tx: Sql, h: HandoffRecord, messageId: string | null, kind: QualityFlagKind, detail: Record<string, unknown>, at: Date): Promise<void> {
  return insertQualityFlag(tx, { id: ctx.newId(), handoffId: h.id, conversationId: h.conversationId, messageId, kind, detail, createdAt: at });
}

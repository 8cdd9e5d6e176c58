import { findCustomerRepeat, findRedundantAsk } from '@baton/core';
import type { Sql } from '../../adapters/db/database.js';
import { getConversation } from '../../adapters/db/repositories/conversations.repository.js';
import type { EventRecord } from '../../adapters/db/repositories/events.repository.js';
import type { HandoffRecord } from '../../adapters/db/repositories/handoffs.repository.js';
import { getHandoff, toHandoff } from '../../adapters/db/repositories/handoffs.repository.js';
import type { AppContext } from '../context.js';
import { repeatEscalationFor } from './repeat-escalation-for.js';

/** What a quality flag records (DESIGN §4, §8). */
export type QualityFlagKind = 'redundant_ask' | 'customer_repeat' | 'repeat_escalation';

/**
 * Records the quality flags an event raises, in the caller's transaction:
 * - an agent's reply that asks for something the brief held: `redundant_ask`;
 * - a customer's message, after the handoff and before it is resolved, that restates a customer
 *   turn of the transcript the agent was given: `customer_repeat`;
 * - a handoff whose customer escalated in the 24 hours before: `repeat_escalation`.
 * Each message or handoff is flagged at most once per kind (a unique index), so replaying an
 * event changes nothing.
 */
export async function recordQualityFlags(ctx: AppContext, tx: Sql, event: EventRecord): Promise<void> {
  if (event.type === 'message.created') await flagMessage(ctx, tx, event);
  else if (event.type === 'handoff.requested' && event.handoffId) await flagRepeatEscalation(ctx, tx, event.handoffId);
}

async function flagMessage(ctx: AppContext, tx: Sql, event: EventRecord): Promise<void> {
  const messageId = (event.payload.message as { id?: unknown } | undefined)?.id;
  if (typeof messageId !== 'string') return;
  const [m] = await tx.query<{ id: string; conversation_id: string; author_kind: string; private: boolean; text: string; created_at: Date | string }>(
    'select id, conversation_id, author_kind, private, text, created_at from messages where id = $1',
    [messageId],
  );
  if (!m || m.private || (m.author_kind !== 'agent' && m.author_kind !== 'customer')) return;
  const at = new Date(m.created_at);
  // The handoff in force when the message was written: requested before it, not yet resolved.
  const rows = await tx.query(`select * from handoffs where conversation_id = $1 and created_at < $2 and (resolved_at is null or resolved_at > $2) order by created_at desc limit 1`, [m.conversation_id, at]);
  if (!rows[0]) return;
  const h = toHandoff(rows[0]);
  if (m.author_kind === 'agent') {
    const ask = findRedundantAsk(m.text, h.brief);
    if (ask) await insertFlag(ctx, tx, h, m.id, 'redundant_ask', { ...ask }, at);
    return;
  }
  const turns = (h.brief.transcript ?? []).filter((t) => t.role === 'Customer');
  const repeat = findCustomerRepeat(m.text, turns.map((t) => t.text));
  if (repeat) {
    const turn = turns[repeat.turnIndex]!;
    await insertFlag(ctx, tx, h, m.id, 'customer_repeat', { transcriptIndex: turn.index, similarity: repeat.similarity, earlier: turn.text.slice(0, 200) }, at);
  }
}

async function flagRepeatEscalation(ctx: AppContext, tx: Sql, handoffId: string): Promise<void> {
  const h = await getHandoff(tx, handoffId);
  const conv = h ? await getConversation(tx, h.conversationId) : null;
  if (!h || !conv) return;
  const previous = await repeatEscalationFor(tx, conv, h.createdAt, { excludeHandoffId: h.id });
  if (previous) await insertFlag(ctx, tx, h, null, 'repeat_escalation', { ...previous }, h.createdAt);
}

async function insertFlag(ctx: AppContext, tx: Sql, h: HandoffRecord, messageId: string | null, kind: QualityFlagKind, detail: Record<string, unknown>, at: Date): Promise<void> {
  await tx.query(
    `insert into quality_flags (id, handoff_id, conversation_id, message_id, kind, detail, created_at) values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing`,
    [ctx.newId(), h.id, h.conversationId, messageId, kind, JSON.stringify(detail), at],
  );
}

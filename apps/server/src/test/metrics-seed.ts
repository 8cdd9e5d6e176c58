import type { Priority } from '@baton/core';
import type { Sql } from '../adapters/db/database.js';
import type { ConversationStatus, HandoffStatus, QualityFlagKind } from '../adapters/db/schema.js';

/**
 * Row factories for the metrics and reports tests: each writes one row with the timestamps given,
 * so the expected numbers can be worked out by hand.
 */
export function seeder(db: Sql) {
  let n = 0;
  const self = {
    /** A customer, on the books since `at` (a date before the tests' periods by default). */
    async customer(id: string, email: string, at = '2026-01-01T00:00:00Z'): Promise<void> {
      await db.insertInto('customers').values({ id, name: id, email, createdAt: at }).execute();
    },
    async conversation(id: string, o: { at: string; channel?: string; customerId?: string | null; email?: string | null; teamId?: string | null; status?: ConversationStatus }): Promise<string> {
      n += 1;
      const caseNumber = `C-9${String(n).padStart(4, '0')}`;
      await db
        .insertInto('conversations')
        .values({ id, caseNumber, customerId: o.customerId ?? null, customerEmail: o.email ?? null, channel: o.channel ?? 'web', status: o.status ?? 'ai', tokenHash: `tok-${id}`, teamId: o.teamId ?? null, createdAt: o.at, updatedAt: o.at })
        .execute();
      return caseNumber;
    },
    async message(conversationId: string, seq: number, kind: 'customer' | 'ai' | 'agent', text: string, at: string, o: { id?: string; private?: boolean } = {}): Promise<string> {
      const id = o.id ?? `${conversationId}-m${seq}`;
      await db.insertInto('messages').values({ id, conversationId, seq, authorKind: kind, text, private: o.private ?? false, createdAt: at }).execute();
      return id;
    },
    async decision(messageId: string, conversationId: string, decision: Record<string, unknown>, at: string): Promise<void> {
      await db.insertInto('decisions').values({ messageId, conversationId, decision: JSON.stringify(decision), createdAt: at }).execute();
    },
    async handoff(
      id: string,
      o: {
        conversationId: string;
        at: string;
        reasons: string[];
        priority?: Priority;
        teamId?: string | null;
        status?: HandoffStatus;
        completeness?: number;
        brief?: Record<string, unknown>;
        waitEstimate?: number | null;
        acceptedAt?: string | null;
        briefOpenedAt?: string | null;
        firstReplyAt?: string | null;
        resolvedAt?: string | null;
        resolution?: { category: string; outcome: string; verdict: string } | null;
      },
    ): Promise<void> {
      const brief = { contextCompleteness: o.completeness ?? 0.5, entities: [], intent: { summary: '', topics: [] }, headline: {}, transcript: [], ...o.brief };
      await db
        .insertInto('handoffs')
        .values({
          id,
          conversationId: o.conversationId,
          status: o.status ?? 'waiting',
          priority: o.priority ?? 'medium',
          reasons: JSON.stringify(o.reasons.map((code) => ({ code, detail: code }))),
          teamId: o.teamId ?? null,
          brief: JSON.stringify(brief),
          waitEstimateMinutes: o.waitEstimate ?? null,
          slaDueAt: o.at,
          createdAt: o.at,
          queuedAt: o.at,
          acceptedAt: o.acceptedAt ?? null,
          firstHumanReplyAt: o.firstReplyAt ?? null,
          briefOpenedAt: o.briefOpenedAt ?? null,
          resolvedAt: o.resolvedAt ?? null,
          resolution: o.resolution ? JSON.stringify(o.resolution) : null,
        })
        .execute();
    },
    async csat(conversationId: string, handoffId: string | null, score: number, at: string): Promise<void> {
      await db.insertInto('csat').values({ conversationId, handoffId, score, createdAt: at }).execute();
    },
    async flag(kind: QualityFlagKind, handoffId: string, conversationId: string, messageId: string | null, at: string): Promise<void> {
      n += 1;
      await db.insertInto('qualityFlags').values({ id: `qf-${n}`, handoffId, conversationId, messageId, kind, detail: '{}', createdAt: at }).execute();
    },
  };
  return self;
}

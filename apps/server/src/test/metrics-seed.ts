import type { Sql } from '../adapters/db/database.js';

/**
 * Row factories for the metrics and reports tests: each writes one row with the timestamps given,
 * so the expected numbers can be worked out by hand.
 */
export function seeder(db: Sql) {
  let n = 0;
  const self = {
    async customer(id: string, email: string): Promise<void> {
      await db.query('insert into customers (id, name, email) values ($1, $2, $3)', [id, id, email]);
    },
    async conversation(id: string, o: { at: string; channel?: string; customerId?: string | null; email?: string | null; teamId?: string | null; status?: string }): Promise<string> {
      n += 1;
      const caseNumber = `C-9${String(n).padStart(4, '0')}`;
      await db.query(
        `insert into conversations (id, case_number, customer_id, customer_email, channel, status, token_hash, team_id, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
        [id, caseNumber, o.customerId ?? null, o.email ?? null, o.channel ?? 'web', o.status ?? 'ai', `tok-${id}`, o.teamId ?? null, o.at],
      );
      return caseNumber;
    },
    async message(conversationId: string, seq: number, kind: 'customer' | 'ai' | 'agent', text: string, at: string, o: { id?: string; private?: boolean } = {}): Promise<string> {
      const id = o.id ?? `${conversationId}-m${seq}`;
      await db.query('insert into messages (id, conversation_id, seq, author_kind, text, private, created_at) values ($1, $2, $3, $4, $5, $6, $7)', [id, conversationId, seq, kind, text, o.private ?? false, at]);
      return id;
    },
    async decision(messageId: string, conversationId: string, decision: Record<string, unknown>, at: string): Promise<void> {
      await db.query('insert into decisions (message_id, conversation_id, decision, created_at) values ($1, $2, $3, $4)', [messageId, conversationId, JSON.stringify(decision), at]);
    },
    async handoff(
      id: string,
      o: {
        conversationId: string;
        at: string;
        reasons: string[];
        priority?: string;
        teamId?: string | null;
        status?: string;
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
      await db.query(
        `insert into handoffs (id, conversation_id, status, priority, reasons, team_id, brief, wait_estimate_minutes, sla_due_at, created_at, accepted_at, first_human_reply_at, brief_opened_at, resolved_at, resolution)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $12, $13, $14)`,
        [
          id,
          o.conversationId,
          o.status ?? 'waiting',
          o.priority ?? 'medium',
          JSON.stringify(o.reasons.map((code) => ({ code, detail: code }))),
          o.teamId ?? null,
          JSON.stringify(brief),
          o.waitEstimate ?? null,
          o.at,
          o.acceptedAt ?? null,
          o.firstReplyAt ?? null,
          o.briefOpenedAt ?? null,
          o.resolvedAt ?? null,
          o.resolution ? JSON.stringify(o.resolution) : null,
        ],
      );
    },
    async csat(conversationId: string, handoffId: string | null, score: number, at: string): Promise<void> {
      await db.query('insert into csat (conversation_id, handoff_id, score, created_at) values ($1, $2, $3, $4)', [conversationId, handoffId, score, at]);
    },
    async flag(kind: string, handoffId: string, conversationId: string, messageId: string | null, at: string): Promise<void> {
      n += 1;
      await db.query('insert into quality_flags (id, handoff_id, conversation_id, message_id, kind, detail, created_at) values ($1, $2, $3, $4, $5, $6, $7)', [`qf-${n}`, handoffId, conversationId, messageId, kind, '{}', at]);
    },
  };
  return self;
}

import { CompiledQuery, sql } from 'kysely';
import type { Sql } from './database.js';

/** One node of a query plan: what it does, and on which table. */
export interface PlanStep {
  nodeType: string;
  relation: string | null;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/** The plan PostgreSQL would run `statement` with (EXPLAIN, not executed), flattened. */
export async function explainPlan(db: Sql, statement: string, parameters: readonly unknown[]): Promise<PlanStep[]> {
  const { rows } = await db.executeQuery<{ 'QUERY PLAN': unknown }>(CompiledQuery.raw(`explain (format json) ${statement}`, [...parameters]));
  const raw = rows[0]!['QUERY PLAN'];
  const doc = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  const steps: PlanStep[] = [];
  const walk = (n: PlanNode) => {
    steps.push({ nodeType: n['Node Type'], relation: n['Relation Name'] ?? null });
    for (const c of n.Plans ?? []) walk(c);
  };
  walk(doc[0]!.Plan);
  return steps;
}

/**
 * A history to measure against: `conversations` resolved conversations of `messagesEach`
 * messages, each customer message with its decision, each message with its event, one handoff
 * in ten conversations, all a month before `now` (the app's clock); then ANALYZE, so the planner
 * knows the sizes. Set-based SQL, so a hundred thousand rows take seconds.
 */
export async function seedHistory(db: Sql, opts: { conversations: number; messagesEach: number; tag: string; now: Date }): Promise<void> {
  const { conversations: n, messagesEach: k, tag } = opts;
  const ago = (days: number) => sql`${opts.now}::timestamptz - interval '${sql.raw(String(days))} days'`;
  const id = (g: string) => sql.raw(`'h-${tag}-' || ${g}`);
  await sql`insert into conversations (id, case_number, customer_name, status, token_hash, reply_token, last_seq, created_at, updated_at)
    select ${id('g')}, 'H-${sql.raw(tag)}-' || g, 'A customer', 'resolved', md5(${tag} || g), 'h${sql.raw(tag)}' || g, ${k}, ${ago(30)}, ${ago(30)}
    from generate_series(1, ${n}::int) g`.execute(db);
  await sql`insert into messages (id, conversation_id, seq, author_kind, text, client_message_id, reply_to, created_at)
    select ${id("c || '-' || s")}, ${id('c')}, s, case when s % 2 = 1 then 'customer' else 'ai' end, 'Message ' || s,
      case when s % 2 = 1 then 'cm-' || s end, case when s % 2 = 0 then ${id("c || '-' || (s - 1)")} end, ${ago(30)}
    from generate_series(1, ${n}::int) c cross join generate_series(1, ${k}::int) s`.execute(db);
  await sql`insert into decisions (message_id, conversation_id, decision, created_at)
    select m.id, m.conversation_id, '{"action":"answer"}'::jsonb, m.created_at from messages m
    where m.conversation_id like ${`h-${tag}-%`} and m.author_kind = 'customer'`.execute(db);
  await sql`insert into events (seq, type, conversation_id, payload, created_at)
    select (select coalesce(min(seq), 0) from events) - (c - 1) * ${k}::int - s, 'message.created', ${id('c')}, '{}'::jsonb, ${ago(30)}
    from generate_series(1, ${n}::int) c cross join generate_series(1, ${k}::int) s`.execute(db);
  await sql`insert into handoffs (id, conversation_id, status, priority, reasons, brief, sla_due_at, created_at, queued_at, resolved_at)
    select ${id('g')}, ${id('g')}, 'resolved', 'medium', '[]'::jsonb, '{}'::jsonb, ${ago(29)}, ${ago(30)}, ${ago(30)}, ${ago(29)}
    from generate_series(1, ${n}::int, 10) g`.execute(db);
  await sql`analyze`.execute(db);
}

import type { Expression, SqlBool } from 'kysely';
import { expressionBuilder, sql } from 'kysely';
import type { Sql } from '../database.js';
import type { DB, DecisionTable, HandoffTable, MessageTable } from '../schema.js';
import type { HandoffDimension, Tally } from './metrics.repository.js';
import { handoffDimension } from './metrics.repository.js';

/**
 * The rows behind the learning-loop reports of DESIGN §8: KB gaps, recurring escalations, and
 * why handoffs happen and how they end. Use cases cluster, rank and shape them.
 */

/** A report's period: both ends known, `to` exclusive. */
export interface Period {
  from: Date;
  to: Date;
}

type Scope = DB & { h: HandoffTable; d: DecisionTable; m: MessageTable };
const x = expressionBuilder<Scope, 'h' | 'd' | 'm'>();

const requestedIn = (p: Period) => x.and([x('h.createdAt', '>=', p.from), x('h.createdAt', '<', p.to)]);
/** Resolved, with the agent's resolution recorded. */
const resolvedIn = (p: Period) => x.and([requestedIn(p), x('h.status', '=', 'resolved'), x('h.resolution', 'is not', null)]);
const decisionText = (key: 'intent' | 'action' | 'confidence') => sql<string | null>`${x.ref('d.decision')}->>${sql.lit(key)}`;

/** A customer message the AI could not answer well: clarified, declined, or answered with low confidence. */
export interface GapQuestion {
  text: string;
  conversationId: string;
  confidence: number | null;
  createdAt: Date;
}

/**
 * The customer messages of the period whose decision was to clarify or decline, or whose answerer
 * confidence was under `threshold`, oldest first. Greetings and explicit requests for a person
 * are not questions the KB could answer, and are left out.
 */
export async function kbGapQuestions(db: Sql, period: Period, threshold: number): Promise<GapQuestion[]> {
  const confidence = sql<number | null>`(${decisionText('confidence')})::float`;
  return db
    .selectFrom('decisions as d')
    .innerJoin('messages as m', 'm.id', 'd.messageId')
    .select(['m.text', 'd.conversationId', confidence.as('confidence'), 'd.createdAt'])
    .where('d.createdAt', '>=', period.from)
    .where('d.createdAt', '<', period.to)
    .where('m.authorKind', '=', 'customer')
    .where((eb) => eb(eb.fn.coalesce(decisionText('intent'), sql.lit('')), 'not in', ['greeting', 'human']))
    .where((eb) => eb.or([eb(decisionText('action'), 'in', ['clarify', 'decline']), eb(eb.fn.coalesce(confidence, sql.lit(0)), '<', threshold)]))
    .orderBy('d.createdAt')
    .orderBy('d.messageId')
    .execute();
}

/** Handoffs requested in the period. */
export async function handoffsRequested(db: Sql, period: Period): Promise<number> {
  const row = await db.selectFrom('handoffs as h').select((eb) => eb.fn.countAll<number>().as('n')).where(requestedIn(period)).executeTakeFirstOrThrow();
  return row.n;
}

/**
 * Handoffs requested in the period per key, most first; `resolvedOnly` keeps the resolved ones
 * with a recorded resolution.
 */
export async function requestedTally(db: Sql, period: Period, by: Extract<HandoffDimension, 'reason' | 'category' | 'outcome' | 'verdict'>, opts: { resolvedOnly?: boolean } = {}): Promise<Tally[]> {
  const d = handoffDimension(by);
  const { rows } = await sql<Tally>`
    select ${d.key} as key, count(*)::int as n from handoffs h ${d.join}
     where ${opts.resolvedOnly ? resolvedIn(period) : requestedIn(period)}
     group by 1 order by 2 desc, 1`.execute(db);
  return rows;
}

/** Verdicts per reason code of the resolved handoffs of the period. */
export async function verdictsByReason(db: Sql, period: Period): Promise<{ reason: string; verdict: string | null; n: number }[]> {
  const reason = handoffDimension('reason');
  const verdict = handoffDimension('verdict');
  const { rows } = await sql<{ reason: string; verdict: string | null; n: number }>`
    select ${reason.key} as reason, ${verdict.key} as verdict, count(*)::int as n from handoffs h ${reason.join}
     where ${resolvedIn(period)}
     group by 1, 2 order by 1, 3 desc`.execute(db);
  return rows;
}

/** Quality flags raised in the period, per kind. */
export async function qualityFlagTally(db: Sql, period: Period): Promise<Tally[]> {
  return db
    .selectFrom('qualityFlags as q')
    .select((eb) => ['q.kind as key', eb.fn.countAll<number>().as('n')])
    .where('q.createdAt', '>=', period.from)
    .where('q.createdAt', '<', period.to)
    .groupBy('q.kind')
    .orderBy('n', 'desc')
    .orderBy('q.kind')
    .execute();
}

/** A group of escalations that recur: by reason, by topic, or by both. */
export interface RecurringRow {
  reason?: string | null;
  topic?: string | null;
  count: number;
  previous: number;
  /** The newest case numbers of the period, up to three. */
  examples: string[] | null;
  /** The newest handoff's summary of the customer's intent. */
  example: string | null;
}

/** The brief's intent id (an article or a topic), else its first sensitive topic, else 'unknown'. */
const topic = sql<string>`coalesce(${x.ref('h.brief')}->'intent'->>'id', ${x.ref('h.brief')}->'intent'->'topics'->>0, 'unknown')`;

/**
 * Handoffs grouped by reason code, by the brief's intent/topic, or by both, with the count in
 * `period`, the count from `previousFrom` up to the period, and the newest examples; groups with
 * fewer than `minCount` handoffs in the period are left out. A handoff with two reasons counts in
 * both reason groups.
 */
export async function recurringEscalations(db: Sql, period: Period, previousFrom: Date, keys: { reason?: boolean; topic?: boolean }, minCount: number): Promise<RecurringRow[]> {
  const reason = handoffDimension('reason');
  const groups = [...(keys.reason ? [sql`${reason.key} as reason`] : []), ...(keys.topic ? [sql`${topic} as topic`] : [])];
  const current: Expression<SqlBool> = requestedIn(period);
  const { rows } = await sql<RecurringRow>`
    select ${sql.join(groups)},
           count(distinct h.id) filter (where ${current})::int as count,
           count(distinct h.id) filter (where h.created_at < ${period.from})::int as previous,
           (array_agg(c.case_number order by h.created_at desc) filter (where ${current}))[1:3] as examples,
           (array_agg(h.brief->'intent'->>'summary' order by h.created_at desc) filter (where ${current}))[1] as example
      from handoffs h join conversations c on c.id = h.conversation_id ${keys.reason ? reason.join : sql``}
     where h.created_at >= ${previousFrom} and h.created_at < ${period.to}
     group by ${sql.join(groups.map((_, i) => sql.lit(i + 1)))}
    having count(distinct h.id) filter (where ${current}) >= ${minCount}
     order by count desc, ${sql.join(groups.map((_, i) => sql.lit(i + 1)))}`.execute(db);
  return rows;
}

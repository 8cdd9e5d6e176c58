import type { RedundancyBrief } from '@baton/core';
import type { Expression, RawBuilder, SqlBool } from 'kysely';
import { expressionBuilder, sql } from 'kysely';
import type { Sql } from '../database.js';
import type { ConversationTable, CsatTable, DB, HandoffTable, QualityFlagKind } from '../schema.js';

/**
 * The numbers behind the handoff metrics of DESIGN §8 and the Prometheus endpoint, counted in
 * SQL over the stored rows (handoffs `h`, their conversations `c`, messages, csat, quality
 * flags) on PGlite and PostgreSQL alike. Use cases turn them into rates and round them.
 */

/** The filter every metric and report takes: a period, and optionally one team and one channel. */
export interface MetricsFilter {
  /** Inclusive start of the period. */
  from?: Date;
  /** Exclusive end of the period. */
  to?: Date;
  /** A team id: handoffs routed to it, conversations it holds. */
  teamId?: string;
  /** A channel: 'web', 'email', … */
  channel?: string;
}

/** Which dimension a tally or a breakdown groups handoffs by. */
export type HandoffDimension = 'reason' | 'priority' | 'category' | 'outcome' | 'verdict' | 'team' | 'channel';

/** A count per key; a null key is a handoff without one (no team, no verdict). */
export interface Tally {
  key: string | null;
  n: number;
}

/** Handoffs `h` with their conversation `c`, and conversations `c` with a CSAT rating `s`. */
type Scope = DB & { h: HandoffTable; c: ConversationTable; s: CsatTable };
const x = expressionBuilder<Scope, 'h' | 'c' | 's'>();

/** Conversations created in the period, on the team and channel. */
function conversationFilter(f: MetricsFilter): Expression<SqlBool> {
  return x.and([
    ...(f.from !== undefined ? [x('c.createdAt', '>=', f.from)] : []),
    ...(f.to !== undefined ? [x('c.createdAt', '<', f.to)] : []),
    ...(f.teamId !== undefined ? [x('c.teamId', '=', f.teamId)] : []),
    ...(f.channel !== undefined ? [x('c.channel', '=', f.channel)] : []),
  ]);
}

/** Handoffs requested in the period, routed to the team, on the channel (of their conversation). */
function handoffFilter(f: MetricsFilter): Expression<SqlBool> {
  return x.and([
    ...(f.from !== undefined ? [x('h.createdAt', '>=', f.from)] : []),
    ...(f.to !== undefined ? [x('h.createdAt', '<', f.to)] : []),
    ...(f.teamId !== undefined ? [x('h.teamId', '=', f.teamId)] : []),
    ...(f.channel !== undefined ? [x('c.channel', '=', f.channel)] : []),
  ]);
}

function handoffsIn(db: Sql, f: MetricsFilter) {
  return db.selectFrom('handoffs as h').innerJoin('conversations as c', 'c.id', 'h.conversationId').where(handoffFilter(f));
}

/** Conversations in which the customer wrote at least once (a conversation nobody started is not one). */
function conversationsIn(db: Sql, f: MetricsFilter) {
  return db
    .selectFrom('conversations as c')
    .where(conversationFilter(f))
    .where((eb) => eb.exists(eb.selectFrom('messages as m').select('m.id').whereRef('m.conversationId', '=', 'c.id').where('m.authorKind', '=', 'customer')));
}

/** Seconds between two timestamps of a handoff. */
const secondsBetween = (from: 'h.createdAt', to: 'h.firstHumanReplyAt' | 'h.acceptedAt') => sql<number>`extract(epoch from (${x.ref(to)} - ${x.ref(from)}))`;
const timeToHuman = secondsBetween('h.createdAt', 'h.firstHumanReplyAt');
const timeToAccept = secondsBetween('h.createdAt', 'h.acceptedAt');
const median = (v: RawBuilder<number>) => x.fn.agg<number | null>('percentile_cont', [sql.lit(0.5)]).withinGroupOrderBy(v);
const p90 = (v: RawBuilder<number>) => x.fn.agg<number | null>('percentile_cont', [sql.lit(0.9)]).withinGroupOrderBy(v);

/** `h.resolution->>key`. */
const resolutionText = (key: 'category' | 'outcome' | 'verdict') => sql<string | null>`${x.ref('h.resolution')}->>${sql.lit(key)}`;
/** Requested, never accepted, and closed as abandoned. */
const abandoned = x.and([x('h.status', '=', 'abandoned'), x('h.acceptedAt', 'is', null)]);
/** Resolved by a person (a hand-back to the AI is not a resolution). */
const resolved = x.and([x('h.status', '=', 'resolved'), x(resolutionText('category'), '<>', 'handed_back')]);
// A workaround solves the customer's problem too: both count as solved.
const solved = x.and([resolved, x(resolutionText('outcome'), 'in', ['solved', 'workaround'])]);
const flagged = (kind: QualityFlagKind) => x.exists(x.selectFrom('qualityFlags as q').select('q.id').whereRef('q.handoffId', '=', 'h.id').where('q.kind', '=', kind));
/** Minutes the customer actually waited for an agent. */
const waitedMinutes = sql<number>`(${timeToAccept} / 60.0)`;
const hasEstimate = x.and([x('h.waitEstimateMinutes', 'is not', null), x('h.acceptedAt', 'is not', null)]);
const estimateError = sql<number>`abs(${x.ref('h.waitEstimateMinutes')} - ${waitedMinutes})`;

/** The per-handoff counts and distributions of the period, in one pass. */
export async function handoffSummary(db: Sql, f: MetricsFilter) {
  return handoffsIn(db, f)
    .select((eb) => [
      eb.fn.countAll<number>().as('handoffs'),
      median(timeToHuman).as('timeToHumanP50'),
      p90(timeToHuman).as('timeToHumanP90'),
      eb.fn.count<number>('h.firstHumanReplyAt').as('replied'),
      median(timeToAccept).as('acceptanceP50'),
      p90(timeToAccept).as('acceptanceP90'),
      eb.fn.count<number>('h.acceptedAt').as('accepted'),
      eb.fn.countAll<number>().filterWhere(abandoned).as('abandoned'),
      eb.fn.countAll<number>().filterWhere(resolved).as('resolved'),
      eb.fn.countAll<number>().filterWhere(solved).as('solved'),
      eb.fn.avg<number | null>(sql<number>`(${eb.ref('h.brief')}->>'contextCompleteness')::float`).as('completeness'),
      eb.fn
        .countAll<number>()
        .filterWhere((w) => w.and([w('h.firstHumanReplyAt', 'is not', null), w('h.briefOpenedAt', '<=', w.ref('h.firstHumanReplyAt'))]))
        .as('openedFirst'),
      eb.fn
        .countAll<number>()
        .filterWhere((w) => w.and([w('h.firstHumanReplyAt', 'is not', null), flagged('redundant_ask')]))
        .as('redundant'),
      eb.fn.countAll<number>().filterWhere(flagged('customer_repeat')).as('repeated'),
      eb.fn.countAll<number>().filterWhere(hasEstimate).as('estimated'),
      // A numeric average: the drivers read it as a string.
      eb.fn.avg<string | null>(estimateError).filterWhere(hasEstimate).as('estimateMeanError'),
      eb.fn
        .countAll<number>()
        .filterWhere((w) => w.and([hasEstimate, w(estimateError, '<=', sql<number>`0.5 * ${w.ref('h.waitEstimateMinutes')}`)]))
        .as('estimateWithinHalf'),
    ])
    .executeTakeFirstOrThrow();
}

/** Conversations of the period in which the customer wrote, and how many of them were escalated. */
export async function conversationCounts(db: Sql, f: MetricsFilter): Promise<{ conversations: number; escalated: number }> {
  return conversationsIn(db, f)
    .select((eb) => [
      eb.fn.countAll<number>().as('conversations'),
      eb.fn
        .countAll<number>()
        .filterWhere(eb.exists(eb.selectFrom('handoffs as h').select('h.id').whereRef('h.conversationId', '=', 'c.id')))
        .as('escalated'),
    ])
    .executeTakeFirstOrThrow();
}

/** The customer of a conversation, as an expression per column (a table's columns or parameters). */
interface CustomerOf {
  id: Expression<string>;
  customerId: Expression<string | null>;
  customerEmail: Expression<string | null>;
}

/**
 * Whether conversation `p` belongs to the customer of conversation `c`: the same conversation,
 * the same customer id, or, when either side has no customer id (an email that never matched a
 * profile), the same email address. This is what "the same customer" means across conversations
 * and channels for repeat escalation.
 */
function sameCustomer(c: CustomerOf, p: CustomerOf): Expression<SqlBool> {
  return x.or([
    x(p.id, '=', c.id),
    x.and([x(c.customerId, 'is not', null), x(p.customerId, '=', c.customerId)]),
    x.and([x.or([x(c.customerId, 'is', null), x(p.customerId, 'is', null)]), x(c.customerEmail, 'is not', null), x(x.fn('lower', [p.customerEmail]), '=', x.fn('lower', [c.customerEmail]))]),
  ]);
}

/** A previous escalation by the same customer (see `repeatEscalationBefore`). */
export interface PreviousEscalation {
  handoffId: string;
  caseNumber: string;
  channel: string;
  createdAt: Date;
}

/**
 * The latest handoff of this conversation's customer requested in the `windowHours` before
 * `now` (not at `now` itself), in any conversation and on any channel, or null.
 */
export async function repeatEscalationBefore(
  db: Sql,
  conversation: { id: string; customerId: string | null; customerEmail: string | null },
  now: Date,
  opts: { windowHours: number; excludeHandoffId?: string },
): Promise<PreviousEscalation | null> {
  const asText = (v: string | null) => x.cast<string>(x.val(v), 'text');
  let q = db
    .selectFrom('handoffs as h')
    .innerJoin('conversations as p', 'p.id', 'h.conversationId')
    .select(['h.id as handoffId', 'p.caseNumber', 'p.channel', 'h.createdAt'])
    .where('h.createdAt', '<', now)
    .where('h.createdAt', '>=', new Date(now.getTime() - opts.windowHours * 3_600_000))
    .where((eb) =>
      sameCustomer(
        { id: asText(conversation.id), customerId: asText(conversation.customerId), customerEmail: asText(conversation.customerEmail) },
        { id: eb.ref('p.id'), customerId: eb.ref('p.customerId'), customerEmail: eb.ref('p.customerEmail') },
      ),
    );
  if (opts.excludeHandoffId !== undefined) q = q.where('h.id', '<>', opts.excludeHandoffId);
  return (await q.orderBy('h.createdAt', 'desc').limit(1).executeTakeFirst()) ?? null;
}

/**
 * Handoffs of the period whose customer had escalated in the `windowHours` before, in any
 * conversation: how many, and of how many distinct customers.
 */
export async function repeatEscalationCounts(db: Sql, f: MetricsFilter, windowHours: number): Promise<{ n: number; customers: number }> {
  const repeats = handoffsIn(db, f)
    .select((eb) => eb.fn.coalesce('c.customerId', eb.fn<string>('lower', ['c.customerEmail']), 'c.id').as('customer'))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('handoffs as h2')
          .innerJoin('conversations as p', 'p.id', 'h2.conversationId')
          .select('h2.id')
          .whereRef('h2.id', '<>', 'h.id')
          .whereRef('h2.createdAt', '<', 'h.createdAt')
          .where('h2.createdAt', '>=', sql<Date>`${eb.ref('h.createdAt')} - make_interval(hours => ${windowHours})`)
          .where((w) =>
            sameCustomer(
              { id: w.ref('c.id'), customerId: w.ref('c.customerId'), customerEmail: w.ref('c.customerEmail') },
              { id: w.ref('p.id'), customerId: w.ref('p.customerId'), customerEmail: w.ref('p.customerEmail') },
            ),
          ),
      ),
    );
  return db
    .selectFrom(repeats.as('r'))
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('r.customer').distinct().as('customers')])
    .executeTakeFirstOrThrow();
}

/** Who rates a conversation, in CSAT terms (DESIGN §8). */
export type CsatClass = 'aiOnly' | 'afterHandoff' | 'humanOnly';

const messageBy = (kind: 'ai' | 'agent', visibleOnly: boolean) =>
  x.exists(
    x
      .selectFrom('messages as m')
      .select('m.id')
      .whereRef('m.conversationId', '=', 'c.id')
      .where('m.authorKind', '=', kind)
      .$if(visibleOnly, (q) => q.where('m.private', '=', false)),
  );

/**
 * Which of the three CSAT populations a rated conversation `c` (its rating `s`) belongs to
 * (DESIGN §8: post-handoff CSAT kept apart from AI-only and human-only conversations):
 * - `humanOnly`: a person handled it from the start: no AI message at all and at least one
 *   visible agent message (e.g. an email answered only by agents);
 * - `afterHandoff`: otherwise, the conversation had a handoff (the rating names one, or a
 *   handoff row exists);
 * - `aiOnly`: otherwise: the AI resolved it with no handoff.
 */
const csatClass = x
  .case()
  .when(x.and([x.not(messageBy('ai', false)), messageBy('agent', true)]))
  .then(sql.lit<CsatClass>('humanOnly'))
  .when(x.or([x('s.handoffId', 'is not', null), x.exists(x.selectFrom('handoffs as h').select('h.id').whereRef('h.conversationId', '=', 'c.id'))]))
  .then(sql.lit<CsatClass>('afterHandoff'))
  .else(sql.lit<CsatClass>('aiOnly'))
  .end();

function ratingsIn(db: Sql, f: MetricsFilter) {
  return db.selectFrom('csat as s').innerJoin('conversations as c', 'c.id', 's.conversationId').where(conversationFilter(f));
}

/** CSAT average and count per population, for conversations of the period. */
export async function csatByClass(db: Sql, f: MetricsFilter): Promise<{ csatClass: CsatClass; average: number | null; n: number }[]> {
  return ratingsIn(db, f)
    .select((eb) => [csatClass.as('csatClass'), eb.fn.avg<number | null>(sql<number>`${eb.ref('s.score')}::float`).as('average'), eb.fn.countAll<number>().as('n')])
    .groupBy('csatClass')
    .execute();
}

/** Where a dimension's key comes from: an expression over `h` and `c`, and over what `join` adds. */
const DIMENSIONS: Record<HandoffDimension, { key: Expression<string | null>; join: RawBuilder<unknown> }> = {
  reason: { key: sql`r->>'code'`, join: sql`cross join jsonb_array_elements(${x.ref('h.reasons')}) r` },
  priority: { key: x.ref('h.priority'), join: sql`` },
  category: { key: resolutionText('category'), join: sql`` },
  outcome: { key: resolutionText('outcome'), join: sql`` },
  verdict: { key: resolutionText('verdict'), join: sql`` },
  team: { key: sql`t.name`, join: sql`left join teams t on t.id = ${x.ref('h.teamId')}` },
  channel: { key: x.ref('c.channel'), join: sql`` },
};

/** A dimension's key over handoffs `h` (and conversations `c`), and the join it needs: for reports that group differently. */
export function handoffDimension(by: HandoffDimension): { key: Expression<string | null>; join: RawBuilder<unknown> } {
  return DIMENSIONS[by];
}

/** Handoffs of the period per key, most first; `resolvedOnly` counts resolved handoffs alone. */
export async function handoffTally(db: Sql, f: MetricsFilter, by: HandoffDimension, opts: { resolvedOnly?: boolean } = {}): Promise<Tally[]> {
  const d = DIMENSIONS[by];
  const { rows } = await sql<Tally>`
    select ${d.key} as key, count(*)::int as n
      from handoffs h join conversations c on c.id = h.conversation_id ${d.join}
     where ${handoffFilter(f)} ${opts.resolvedOnly ? sql`and h.status = 'resolved'` : sql``}
     group by 1 order by 2 desc, 1`.execute(db);
  return rows;
}

/** One key's share of the period's handoffs, with its median time to human and its outcomes. */
export interface BreakdownCounts {
  key: string | null;
  handoffs: number;
  timeToHumanP50: number | null;
  abandoned: number;
  resolved: number;
  solved: number;
}

/** The period's handoffs per key, most first, each with its own time to human and outcomes. */
export async function handoffBreakdown(db: Sql, f: MetricsFilter, by: HandoffDimension): Promise<BreakdownCounts[]> {
  const d = DIMENSIONS[by];
  const { rows } = await sql<BreakdownCounts>`
    select ${d.key} as key, count(*)::int as handoffs,
           percentile_cont(0.5) within group (order by ${timeToHuman}) as time_to_human_p50,
           count(*) filter (where ${abandoned})::int as abandoned,
           count(*) filter (where ${resolved})::int as resolved,
           count(*) filter (where ${solved})::int as solved
      from handoffs h join conversations c on c.id = h.conversation_id ${d.join}
     where ${handoffFilter(f)}
     group by 1 order by 2 desc, 1`.execute(db);
  return rows;
}

/**
 * The first visible agent message after each handoff of the period that had a human reply, with
 * the parts of the brief a reply is judged against.
 */
export async function firstHumanReplies(db: Sql, f: MetricsFilter): Promise<{ brief: RedundancyBrief; text: string }[]> {
  return handoffsIn(db, f)
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('messages as m')
          .select('m.text')
          .whereRef('m.conversationId', '=', 'h.conversationId')
          .where('m.authorKind', '=', 'agent')
          .where('m.private', '=', false)
          .whereRef('m.createdAt', '>=', 'h.createdAt')
          .orderBy('m.seq')
          .limit(1)
          .as('r'),
      (join) => join.onTrue(),
    )
    .select((eb) => [
      sql<RedundancyBrief>`jsonb_build_object('entities', coalesce(${eb.ref('h.brief')}->'entities', '[]'::jsonb), 'headline', ${eb.ref('h.brief')}->'headline', 'intent', ${eb.ref('h.brief')}->'intent')`.as('brief'),
      'r.text',
    ])
    .where('h.firstHumanReplyAt', 'is not', null)
    .execute();
}

/** A chart bucket: hours or days, in UTC. */
export type Bucket = 'hour' | 'day';

/** The start of a timestamp's bucket, as `2026-03-01T14:00:00Z`. */
const bucketOf = (bucket: Bucket, at: Expression<Date>) => sql<string>`to_char(date_trunc(${sql.lit(bucket)}, ${at} at time zone 'UTC'), 'YYYY-MM-DD"T"HH24":00:00Z"')`;

/** When the first conversation of the filter started, or null when there is none. */
export async function firstConversationAt(db: Sql, f: MetricsFilter): Promise<Date | null> {
  const row = await db.selectFrom('conversations as c').select((eb) => eb.fn.min('c.createdAt').as('first')).where(conversationFilter(f)).executeTakeFirst();
  return row?.first ?? null;
}

/** Conversations (in which the customer wrote) and escalated conversations per bucket. */
export async function conversationSeries(db: Sql, f: MetricsFilter, bucket: Bucket): Promise<{ bucket: string; conversations: number; escalated: number }[]> {
  return conversationsIn(db, f)
    .select((eb) => [
      bucketOf(bucket, eb.ref('c.createdAt')).as('bucket'),
      eb.fn.countAll<number>().as('conversations'),
      eb.fn
        .countAll<number>()
        .filterWhere(eb.exists(eb.selectFrom('handoffs as h').select('h.id').whereRef('h.conversationId', '=', 'c.id')))
        .as('escalated'),
    ])
    .groupBy('bucket')
    .execute();
}

/** Handoffs and their median time to human per bucket. */
export async function handoffSeries(db: Sql, f: MetricsFilter, bucket: Bucket): Promise<{ bucket: string; handoffs: number; timeToHumanP50: number | null }[]> {
  return handoffsIn(db, f)
    .select((eb) => [bucketOf(bucket, eb.ref('h.createdAt')).as('bucket'), eb.fn.countAll<number>().as('handoffs'), median(timeToHuman).as('timeToHumanP50')])
    .groupBy('bucket')
    .execute();
}

/** The average CSAT after a handoff per bucket (of the conversation's start). */
export async function csatAfterHandoffSeries(db: Sql, f: MetricsFilter, bucket: Bucket): Promise<{ bucket: string; average: number | null }[]> {
  return ratingsIn(db, f)
    .where(csatClass, '=', sql.lit<CsatClass>('afterHandoff'))
    .select((eb) => [bucketOf(bucket, eb.ref('c.createdAt')).as('bucket'), eb.fn.avg<number | null>(sql<number>`${eb.ref('s.score')}::float`).as('average')])
    .groupBy('bucket')
    .execute();
}

/** One priority's histogram of a handoff duration: counts at or under each bound, their sum and count. */
export interface DurationHistogram {
  priority: string;
  /** Cumulative counts, one per bound. */
  buckets: number[];
  sum: number;
  n: number;
}

/**
 * Histograms, per priority, of the seconds from the handoff request to `end` (the first human
 * reply, or the acceptance), over every handoff that reached it.
 */
export async function durationHistograms(db: Sql, end: 'firstHumanReplyAt' | 'acceptedAt', bounds: readonly number[]): Promise<DurationHistogram[]> {
  const seconds = secondsBetween('h.createdAt', `h.${end}`);
  return db
    .selectFrom('handoffs as h')
    .select((eb) => [
      'h.priority',
      sql<number[]>`array[${sql.join(bounds.map((b) => sql`(count(*) filter (where ${seconds} <= ${sql.lit(b)}))::int`))}]`.as('buckets'),
      sql<number>`coalesce(sum(${seconds}), 0)::float`.as('sum'),
      eb.fn.countAll<number>().as('n'),
    ])
    .where(`h.${end}`, 'is not', null)
    .groupBy('h.priority')
    .orderBy('h.priority')
    .execute();
}

/** Conversations per status, for a gauge. */
export async function conversationsByStatus(db: Sql): Promise<{ status: string; n: number }[]> {
  return db.selectFrom('conversations').select((eb) => ['status', eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
}

/** Waiting handoffs per priority: how many, and since when the oldest waits. */
export async function waitingHandoffsByPriority(db: Sql): Promise<{ priority: string; n: number; oldest: Date }[]> {
  return db
    .selectFrom('handoffs')
    .select((eb) => ['priority', eb.fn.countAll<number>().as('n'), eb.fn.min('createdAt').as('oldest')])
    .where('status', '=', 'waiting')
    .groupBy('priority')
    .execute();
}

/** Every handoff ever requested, per reason code (a handoff with two reasons counts under both). */
export async function handoffsByReason(db: Sql): Promise<{ reason: string; n: number }[]> {
  const { rows } = await sql<{ reason: string; n: number }>`select r->>'code' as reason, count(*)::int as n from handoffs h, jsonb_array_elements(h.reasons) r group by 1`.execute(db);
  return rows;
}

/** Every resolved handoff, per outcome and the agent's verdict. */
export async function resolvedByOutcome(db: Sql): Promise<{ outcome: string | null; verdict: string | null; n: number }[]> {
  return db
    .selectFrom('handoffs as h')
    .select((eb) => [resolutionText('outcome').as('outcome'), resolutionText('verdict').as('verdict'), eb.fn.countAll<number>().as('n')])
    .where('h.status', '=', 'resolved')
    .groupBy(['outcome', 'verdict'])
    .execute();
}

/** Every quality flag ever raised, per kind. */
export async function qualityFlagsByKind(db: Sql): Promise<{ kind: string; n: number }[]> {
  return db.selectFrom('qualityFlags').select((eb) => ['kind', eb.fn.countAll<number>().as('n')]).groupBy('kind').execute();
}

/** Agents set online whose workspace was heard from since `liveSince` (the presence grace period): those routing counts. */
export async function agentsOnline(db: Sql, liveSince: Date): Promise<number> {
  const row = await db.selectFrom('agents').select((eb) => eb.fn.countAll<number>().as('n')).where('presence', '=', 'online').where('sessionSeenAt', '>=', liveSince).executeTakeFirstOrThrow();
  return row.n;
}

/** Throws when the database does not answer: the health check. */
export async function pingDatabase(db: Sql): Promise<void> {
  await sql`select 1`.execute(db);
}

import type { TBreakdown as Breakdown, TCsatSplit as CsatSplit, THandoffMetrics as HandoffMetrics } from '@baton/contracts';
import type { Sql } from '../adapters/db/database.js';
import { CSAT_CLASS } from './metrics/csat-class.js';
import { firstResponseQuality } from './metrics/first-response-quality.js';
import type { MetricsFilter } from './metrics/metrics-filter.js';
import { CONVERSATION_WHERE, HANDOFF_WHERE, filterParams, ratio, round3, sameCustomer } from './metrics/metrics-filter.js';
import { metricsSeries } from './metrics/metrics-series.js';
import { REPEAT_ESCALATION_HOURS } from './metrics/repeat-escalation-for.js';

export type { MetricsFilter } from './metrics/metrics-filter.js';

/** The response shape lives in the contracts, shared with the workspace that draws it. */
export type { TBreakdown as Breakdown, TCsatSplit as CsatSplit, THandoffMetrics as HandoffMetrics, TPercentiles as Percentiles } from '@baton/contracts';

/**
 * The handoff metrics of DESIGN §8, computed in SQL over the stored rows (handoffs,
 * conversations, messages, csat, quality_flags) on PGlite and PostgreSQL alike. `now` ends the
 * chart series when no `to` is given.
 */
export async function handoffMetrics(db: Sql, f: MetricsFilter, now: Date = new Date()): Promise<HandoffMetrics> {
  const params = filterParams(f);
  const from = `handoffs h join conversations c on c.id = h.conversation_id`;
  const flagged = (kind: string) => `exists (select 1 from quality_flags q where q.handoff_id = h.id and q.kind = '${kind}')`;
  const tth = `extract(epoch from (h.first_human_reply_at - h.created_at))`;
  const acc = `extract(epoch from (h.accepted_at - h.created_at))`;
  const actualWait = `(extract(epoch from (h.accepted_at - h.created_at)) / 60.0)`;
  const hasEstimate = `h.wait_estimate_minutes is not null and h.accepted_at is not null`;
  const [row] = await db.query<Record<string, number | string | null>>(
    `select
       count(*)::int as handoffs,
       percentile_cont(0.5) within group (order by ${tth}) as tth50,
       percentile_cont(0.9) within group (order by ${tth}) as tth90,
       count(h.first_human_reply_at)::int as replied,
       percentile_cont(0.5) within group (order by ${acc}) as acc50,
       percentile_cont(0.9) within group (order by ${acc}) as acc90,
       count(h.accepted_at)::int as accepted,
       count(*) filter (where h.status = 'abandoned' and h.accepted_at is null)::int as abandoned,
       count(*) filter (where h.status = 'resolved' and h.resolution->>'category' <> 'handed_back')::int as resolved,
       count(*) filter (where h.status = 'resolved' and h.resolution->>'category' <> 'handed_back' and h.resolution->>'outcome' = 'solved')::int as solved,
       avg((h.brief->>'contextCompleteness')::float) as completeness,
       count(*) filter (where h.first_human_reply_at is not null and h.brief_opened_at <= h.first_human_reply_at)::int as opened_first,
       count(*) filter (where h.first_human_reply_at is not null and ${flagged('redundant_ask')})::int as redundant,
       count(*) filter (where ${flagged('customer_repeat')})::int as repeated,
       count(*) filter (where ${hasEstimate})::int as estimated,
       avg(abs(h.wait_estimate_minutes - ${actualWait})) filter (where ${hasEstimate}) as mae,
       count(*) filter (where ${hasEstimate} and abs(h.wait_estimate_minutes - ${actualWait}) <= 0.5 * h.wait_estimate_minutes)::int as within_half
     from ${from} where ${HANDOFF_WHERE}`,
    params,
  );
  const r = row ?? {};
  const [conv] = await db.query<{ conversations: number; escalated: number }>(
    `select count(*)::int as conversations, count(*) filter (where exists (select 1 from handoffs h where h.conversation_id = c.id))::int as escalated
       from conversations c where ${CONVERSATION_WHERE} and exists (select 1 from messages m where m.conversation_id = c.id and m.author_kind = 'customer')`,
    params,
  );
  const [repeat] = await db.query<{ n: number; customers: number }>(
    `select count(*)::int as n, count(distinct ckey)::int as customers from (
       select coalesce(c.customer_id, lower(c.customer_email), c.id) as ckey
         from ${from} where ${HANDOFF_WHERE} and exists (
           select 1 from handoffs h2 join conversations p on p.id = h2.conversation_id
            where h2.id <> h.id and h2.created_at < h.created_at and h2.created_at >= h.created_at - interval '${REPEAT_ESCALATION_HOURS} hours' and ${sameCustomer('c', 'p')})
     ) x`,
    params,
  );
  const csatRows = await db.query<{ cls: 'aiOnly' | 'afterHandoff' | 'humanOnly'; avg: number | null; n: number }>(
    `select ${CSAT_CLASS} as cls, avg(s.score)::float as avg, count(*)::int as n from csat s join conversations c on c.id = s.conversation_id where ${CONVERSATION_WHERE} group by 1`,
    params,
  );
  const tally = async (key: string, extra = '', where = '') =>
    Object.fromEntries(
      (await db.query<{ k: string | null; n: number }>(`select ${key} as k, count(*)::int as n from ${from}${extra} where ${HANDOFF_WHERE}${where} group by 1 order by 2 desc, 1`, params)).map((x) => [x.k ?? 'none', Number(x.n)]),
    );
  const breakdown = async (key: string, extra = ''): Promise<Breakdown[]> =>
    (
      await db.query<{ k: string | null; handoffs: number; tth: number | null; abandoned: number; resolved: number; solved: number }>(
        `select ${key} as k, count(*)::int as handoffs,
                percentile_cont(0.5) within group (order by ${tth}) as tth,
                count(*) filter (where h.status = 'abandoned' and h.accepted_at is null)::int as abandoned,
                count(*) filter (where h.status = 'resolved' and h.resolution->>'category' <> 'handed_back')::int as resolved,
                count(*) filter (where h.status = 'resolved' and h.resolution->>'category' <> 'handed_back' and h.resolution->>'outcome' = 'solved')::int as solved
           from ${from}${extra} where ${HANDOFF_WHERE} group by 1 order by 2 desc, 1`,
        params,
      )
    ).map((x) => ({
      key: x.k ?? 'none',
      handoffs: Number(x.handoffs),
      timeToHumanP50: round3(x.tth),
      abandonmentRate: ratio(x.abandoned, x.handoffs),
      resolutionRate: ratio(x.solved, x.resolved),
    }));
  const reasons = `, jsonb_array_elements(h.reasons) r`;
  const teams = ` left join teams t on t.id = h.team_id`;
  const handoffs = Number(r.handoffs ?? 0);
  const replied = Number(r.replied ?? 0);
  const cs = (cls: 'aiOnly' | 'afterHandoff' | 'humanOnly'): CsatSplit => {
    const x = csatRows.find((y) => y.cls === cls);
    return { average: round3(x?.avg), n: Number(x?.n ?? 0) };
  };
  const { bucket, series } = await metricsSeries(db, f, now);
  return {
    period: { from: f.from?.toISOString() ?? null, to: f.to?.toISOString() ?? null },
    conversations: Number(conv?.conversations ?? 0),
    escalatedConversations: Number(conv?.escalated ?? 0),
    handoffs,
    handoffRate: ratio(conv?.escalated, conv?.conversations),
    timeToHumanSeconds: { p50: round3(r.tth50), p90: round3(r.tth90), n: replied },
    acceptanceSeconds: { p50: round3(r.acc50), p90: round3(r.acc90), n: Number(r.accepted ?? 0) },
    abandonmentRate: ratio(r.abandoned, handoffs),
    abandoned: Number(r.abandoned ?? 0),
    resolutionRate: ratio(r.solved, r.resolved),
    resolved: Number(r.resolved ?? 0),
    solved: Number(r.solved ?? 0),
    contextCompleteness: round3(r.completeness),
    contextUtilisation: ratio(r.opened_first, replied),
    redundancyRate: ratio(r.redundant, replied),
    customerRepeatRate: ratio(r.repeated, handoffs),
    firstResponseQuality: await firstResponseQuality(db, f),
    repeatEscalation: { rate: ratio(repeat?.n, handoffs), n: Number(repeat?.n ?? 0), customers: Number(repeat?.customers ?? 0), windowHours: REPEAT_ESCALATION_HOURS },
    waitEstimate: { n: Number(r.estimated ?? 0), meanAbsoluteErrorMinutes: round3(r.mae), withinHalfRate: ratio(r.within_half, r.estimated) },
    csat: { aiOnly: cs('aiOnly'), afterHandoff: cs('afterHandoff'), humanOnly: cs('humanOnly') },
    byReason: await tally(`r->>'code'`, reasons),
    byPriority: await tally('h.priority'),
    verdicts: await tally(`h.resolution->>'verdict'`, '', ` and h.status = 'resolved'`),
    categories: await tally(`h.resolution->>'category'`, '', ` and h.status = 'resolved'`),
    breakdowns: {
      reason: await breakdown(`r->>'code'`, reasons),
      team: await breakdown(`t.name`, teams),
      channel: await breakdown('c.channel'),
    },
    bucket,
    series,
  };
}

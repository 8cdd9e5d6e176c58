import type { Sql } from '../adapters/db/database.js';

export interface MetricsFilter {
  from?: Date;
  to?: Date;
  teamId?: string;
  channel?: string;
}

export interface HandoffMetrics {
  period: { from: string | null; to: string | null };
  conversations: number;
  handoffs: number;
  /** Handoffs per conversation in the period. */
  handoffRate: number | null;
  /** Trigger to first human message, in seconds. */
  timeToHumanSeconds: { p50: number | null; p90: number | null; n: number };
  /** Trigger to acceptance, in seconds. */
  acceptanceSeconds: { p50: number | null; p90: number | null; n: number };
  /** Share of handoffs abandoned while waiting. */
  abandonmentRate: number | null;
  /** Share of resolved handoffs the agent marked solved. */
  resolutionRate: number | null;
  /** Share of handoffs whose brief an agent opened. */
  contextUtilisation: number | null;
  /** Average context completeness of the briefs, 0..1. */
  contextCompleteness: number | null;
  csat: { afterHandoff: { average: number | null; n: number }; aiOnly: { average: number | null; n: number } };
  byReason: Record<string, number>;
  byPriority: Record<string, number>;
  verdicts: Record<string, number>;
}

/**
 * The handoff metrics of DESIGN §8 that the stored rows answer today. Computed in SQL over the
 * handoffs and conversations tables, on PGlite and PostgreSQL alike. The learning-loop reports
 * and the per-event breakdowns come with the metrics issue.
 */
export async function handoffMetrics(db: Sql, f: MetricsFilter): Promise<HandoffMetrics> {
  const params = [f.from ?? null, f.to ?? null, f.teamId ?? null, f.channel ?? null];
  const convWhere = `($1::timestamptz is null or c.created_at >= $1) and ($2::timestamptz is null or c.created_at < $2) and ($4::text is null or c.channel = $4) and ($3::text is null or c.team_id = $3)`;
  const hWhere = `($1::timestamptz is null or h.created_at >= $1) and ($2::timestamptz is null or h.created_at < $2) and ($3::text is null or h.team_id = $3) and ($4::text is null or c.channel = $4)`;
  const [counts] = await db.query<Record<string, number | null>>(
    `select
       (select count(*)::int from conversations c where ${convWhere} and exists (select 1 from messages m where m.conversation_id = c.id and m.author_kind = 'customer')) as conversations,
       count(*)::int as handoffs,
       percentile_cont(0.5) within group (order by extract(epoch from (h.first_human_reply_at - h.created_at))) as tth50,
       percentile_cont(0.9) within group (order by extract(epoch from (h.first_human_reply_at - h.created_at))) as tth90,
       count(h.first_human_reply_at)::int as tthn,
       percentile_cont(0.5) within group (order by extract(epoch from (h.accepted_at - h.created_at))) as acc50,
       percentile_cont(0.9) within group (order by extract(epoch from (h.accepted_at - h.created_at))) as acc90,
       count(h.accepted_at)::int as accn,
       count(*) filter (where h.status = 'abandoned')::int as abandoned,
       count(*) filter (where h.status = 'resolved' and h.resolution->>'category' <> 'handed_back')::int as resolved,
       count(*) filter (where h.status = 'resolved' and h.resolution->>'outcome' = 'solved')::int as solved,
       count(h.brief_opened_at)::int as opened,
       avg((h.brief->>'contextCompleteness')::float) as completeness
     from handoffs h join conversations c on c.id = h.conversation_id where ${hWhere}`,
    params,
  );
  const c = counts ?? {};
  const group = async (expr: string) =>
    Object.fromEntries(
      (await db.query<{ k: string; n: number }>(`select ${expr} as k, count(*)::int as n from handoffs h join conversations c on c.id = h.conversation_id where ${hWhere} group by 1 order by 2 desc`, params)).map((r) => [
        r.k ?? 'none',
        Number(r.n),
      ]),
    );
  const byReason = Object.fromEntries(
    (
      await db.query<{ k: string; n: number }>(
        `select r->>'code' as k, count(*)::int as n from handoffs h join conversations c on c.id = h.conversation_id, jsonb_array_elements(h.reasons) r where ${hWhere} group by 1 order by 2 desc`,
        params,
      )
    ).map((r) => [r.k, Number(r.n)]),
  );
  const csat = await db.query<{ after: boolean; avg: number | null; n: number }>(
    `select s.handoff_id is not null as after, avg(s.score)::float as avg, count(*)::int as n from csat s join conversations c on c.id = s.conversation_id where ${convWhere} group by 1`,
    params,
  );
  const handoffs = Number(c.handoffs ?? 0);
  const conversations = Number(c.conversations ?? 0);
  const ratio = (a: unknown, b: number) => (b ? Number(a ?? 0) / b : null);
  const num = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 1000) / 1000);
  const cs = (after: boolean) => {
    const row = csat.find((r) => r.after === after);
    return { average: num(row?.avg), n: Number(row?.n ?? 0) };
  };
  return {
    period: { from: f.from?.toISOString() ?? null, to: f.to?.toISOString() ?? null },
    conversations,
    handoffs,
    handoffRate: num(ratio(handoffs, conversations)),
    timeToHumanSeconds: { p50: num(c.tth50), p90: num(c.tth90), n: Number(c.tthn ?? 0) },
    acceptanceSeconds: { p50: num(c.acc50), p90: num(c.acc90), n: Number(c.accn ?? 0) },
    abandonmentRate: num(ratio(c.abandoned, handoffs)),
    resolutionRate: num(ratio(c.solved, Number(c.resolved ?? 0))),
    contextUtilisation: num(ratio(c.opened, handoffs)),
    contextCompleteness: num(c.completeness),
    csat: { afterHandoff: cs(true), aiOnly: cs(false) },
    byReason,
    byPriority: await group('h.priority'),
    verdicts: await group(`h.resolution->>'verdict'`),
  };
}

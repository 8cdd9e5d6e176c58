import type { Brief, Priority } from '@baton/core';
import type { Sql } from '../database.js';

export type HandoffStatus = 'waiting' | 'assigned' | 'resolved' | 'abandoned' | 'callback';

export interface HandoffReason {
  code: string;
  detail: string;
  messageId?: string;
}

export interface Resolution {
  category: string;
  outcome: string;
  verdict: 'needed' | 'unnecessary' | 'too_late' | 'wrong_team';
  note?: string;
}

export interface HandoffRecord {
  id: string;
  conversationId: string;
  status: HandoffStatus;
  priority: Priority;
  reasons: HandoffReason[];
  teamId: string | null;
  offeredAgentId: string | null;
  agentId: string | null;
  brief: Brief;
  waitEstimateMinutes: number | null;
  slaDueAt: Date;
  createdAt: Date;
  acceptedAt: Date | null;
  firstHumanReplyAt: Date | null;
  briefOpenedAt: Date | null;
  resolvedAt: Date | null;
  resolution: Resolution | null;
}

export async function insertHandoff(
  tx: Sql,
  h: { id: string; conversationId: string; priority: Priority; reasons: HandoffReason[]; teamId: string | null; offeredAgentId: string | null; brief: Brief; waitEstimateMinutes: number | null; slaDueAt: Date; status?: HandoffStatus },
): Promise<HandoffRecord> {
  const rows = await tx.query(
    `insert into handoffs (id, conversation_id, status, priority, reasons, team_id, offered_agent_id, brief, wait_estimate_minutes, sla_due_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning *`,
    [h.id, h.conversationId, h.status ?? 'waiting', h.priority, JSON.stringify(h.reasons), h.teamId, h.offeredAgentId, JSON.stringify(h.brief), h.waitEstimateMinutes, h.slaDueAt],
  );
  return toHandoff(rows[0]!);
}

export async function getHandoff(db: Sql, id: string): Promise<HandoffRecord | null> {
  const rows = await db.query('select * from handoffs where id = $1', [id]);
  return rows[0] ? toHandoff(rows[0]) : null;
}

export async function openHandoffFor(db: Sql, conversationId: string): Promise<HandoffRecord | null> {
  const rows = await db.query(`select * from handoffs where conversation_id = $1 and status in ('waiting', 'assigned', 'callback')`, [conversationId]);
  return rows[0] ? toHandoff(rows[0]) : null;
}

export async function latestHandoffFor(db: Sql, conversationId: string): Promise<HandoffRecord | null> {
  const rows = await db.query('select * from handoffs where conversation_id = $1 order by created_at desc limit 1', [conversationId]);
  return rows[0] ? toHandoff(rows[0]) : null;
}

/**
 * Accepts a waiting handoff for one agent, atomically: the conditional update lets exactly one of
 * two simultaneous accepts through; the other gets null and reports the conflict.
 */
export async function claimHandoff(tx: Sql, id: string, agentId: string, at: Date): Promise<HandoffRecord | null> {
  const rows = await tx.query(`update handoffs set status = 'assigned', agent_id = $2, accepted_at = coalesce(accepted_at, $3) where id = $1 and status = 'waiting' returning *`, [id, agentId, at]);
  return rows[0] ? toHandoff(rows[0]) : null;
}

export async function updateHandoff(
  tx: Sql,
  id: string,
  patch: Partial<{ status: HandoffStatus; teamId: string | null; offeredAgentId: string | null; agentId: string | null; firstHumanReplyAt: Date; briefOpenedAt: Date; resolvedAt: Date; resolution: Resolution; waitEstimateMinutes: number | null; slaDueAt: Date; priority: Priority }>,
): Promise<HandoffRecord> {
  const map: Record<string, string> = {
    status: 'status',
    teamId: 'team_id',
    offeredAgentId: 'offered_agent_id',
    agentId: 'agent_id',
    firstHumanReplyAt: 'first_human_reply_at',
    briefOpenedAt: 'brief_opened_at',
    resolvedAt: 'resolved_at',
    resolution: 'resolution',
    waitEstimateMinutes: 'wait_estimate_minutes',
    slaDueAt: 'sla_due_at',
    priority: 'priority',
  };
  const cols: string[] = [];
  const vals: unknown[] = [];
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    vals.push(k === 'resolution' ? JSON.stringify(v) : v);
    cols.push(`${map[k]} = $${vals.length}`);
  }
  vals.push(id);
  const rows = await tx.query(`update handoffs set ${cols.join(', ')} where id = $${vals.length} returning *`, vals);
  return toHandoff(rows[0]!);
}

/** Waiting handoffs, in queue order: priority, then SLA deadline, then age. */
export async function listHandoffs(db: Sql, filter: { status?: HandoffStatus; teamId?: string; agentId?: string; limit?: number } = {}): Promise<HandoffRecord[]> {
  const rows = await db.query(
    `select * from handoffs where ($1::text is null or status = $1) and ($2::text is null or team_id = $2) and ($3::text is null or agent_id = $3)
     order by case priority when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end, sla_due_at, created_at, id limit $4`,
    [filter.status ?? null, filter.teamId ?? null, filter.agentId ?? null, Math.min(filter.limit ?? 200, 1000)],
  );
  return rows.map(toHandoff);
}

/** Recent handle times (accept to resolve), newest first, for wait estimates. */
export async function recentHandleMinutes(db: Sql, teamId: string | null, limit = 20): Promise<number[]> {
  const rows = await db.query<{ m: number }>(
    `select extract(epoch from (resolved_at - accepted_at)) / 60 as m from handoffs where status = 'resolved' and accepted_at is not null and resolved_at is not null
     and ($1::text is null or team_id = $1) order by resolved_at desc limit $2`,
    [teamId, limit],
  );
  return rows.map((r) => Number(r.m)).filter((m) => Number.isFinite(m) && m >= 0);
}

function json<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}
const date = (v: unknown) => (v ? new Date(v as string) : null);

export function toHandoff(r: Record<string, unknown>): HandoffRecord {
  return {
    id: r.id as string,
    conversationId: r.conversation_id as string,
    status: r.status as HandoffStatus,
    priority: r.priority as Priority,
    reasons: json(r.reasons),
    teamId: (r.team_id as string | null) ?? null,
    offeredAgentId: (r.offered_agent_id as string | null) ?? null,
    agentId: (r.agent_id as string | null) ?? null,
    brief: json(r.brief),
    waitEstimateMinutes: r.wait_estimate_minutes === null || r.wait_estimate_minutes === undefined ? null : Number(r.wait_estimate_minutes),
    slaDueAt: new Date(r.sla_due_at as string),
    createdAt: new Date(r.created_at as string),
    acceptedAt: date(r.accepted_at),
    firstHumanReplyAt: date(r.first_human_reply_at),
    briefOpenedAt: date(r.brief_opened_at),
    resolvedAt: date(r.resolved_at),
    resolution: r.resolution ? json(r.resolution) : null,
  };
}

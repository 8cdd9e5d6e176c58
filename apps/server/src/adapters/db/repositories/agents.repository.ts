import type { Skill, Team } from '@baton/core';
import type { Sql } from '../database.js';

export type Role = 'agent' | 'supervisor' | 'admin';
export type Presence = 'online' | 'away' | 'offline';

export interface AgentRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  capacity: number;
  presence: Presence;
  skills: Skill[];
  teamIds: string[];
  lastAssignedAt: Date | null;
  createdAt: Date;
}

const AGENT_SELECT = `select a.*, coalesce((select json_agg(t.team_id order by t.team_id) from agent_teams t where t.agent_id = a.id), '[]'::json) as team_ids from agents a`;

export async function insertAgent(tx: Sql, a: { id: string; email: string; name: string; role: Role; passwordHash: string; capacity: number; skills: Skill[]; teamIds: string[] }): Promise<AgentRecord> {
  await tx.query('insert into agents (id, email, name, role, password_hash, capacity, skills) values ($1, $2, $3, $4, $5, $6, $7)', [
    a.id,
    a.email.toLowerCase(),
    a.name,
    a.role,
    a.passwordHash,
    a.capacity,
    JSON.stringify(a.skills),
  ]);
  for (const teamId of a.teamIds) await tx.query('insert into agent_teams (agent_id, team_id) values ($1, $2) on conflict do nothing', [a.id, teamId]);
  return (await getAgent(tx, a.id))!;
}

export async function getAgent(db: Sql, id: string): Promise<AgentRecord | null> {
  const rows = await db.query(`${AGENT_SELECT} where a.id = $1`, [id]);
  return rows[0] ? toAgent(rows[0]) : null;
}

export async function getAgentByEmail(db: Sql, email: string): Promise<AgentRecord | null> {
  const rows = await db.query(`${AGENT_SELECT} where a.email = $1`, [email.toLowerCase()]);
  return rows[0] ? toAgent(rows[0]) : null;
}

export async function listAgents(db: Sql): Promise<AgentRecord[]> {
  return (await db.query(`${AGENT_SELECT} order by a.name, a.id`)).map(toAgent);
}

export async function updateAgent(tx: Sql, id: string, patch: { presence?: Presence; capacity?: number; lastAssignedAt?: Date }): Promise<AgentRecord | null> {
  await tx.query(
    `update agents set presence = coalesce($2, presence), capacity = coalesce($3, capacity), last_assigned_at = coalesce($4, last_assigned_at) where id = $1`,
    [id, patch.presence ?? null, patch.capacity ?? null, patch.lastAssignedAt ?? null],
  );
  return getAgent(tx, id);
}

/** Open conversations each agent holds: their load, for routing and the supervisor view. */
export async function agentLoads(db: Sql): Promise<Map<string, number>> {
  const rows = await db.query<{ agent_id: string; n: number }>(`select agent_id, count(*)::int as n from handoffs where status = 'assigned' and agent_id is not null group by agent_id`);
  return new Map(rows.map((r) => [r.agent_id, Number(r.n)]));
}

export async function insertSession(tx: Sql, s: { tokenHash: string; agentId: string; expiresAt: Date }): Promise<void> {
  await tx.query('insert into sessions (token_hash, agent_id, expires_at) values ($1, $2, $3)', [s.tokenHash, s.agentId, s.expiresAt]);
}

export async function agentForSession(db: Sql, tokenHash: string, now: Date): Promise<AgentRecord | null> {
  const rows = await db.query(`${AGENT_SELECT} join sessions s on s.agent_id = a.id where s.token_hash = $1 and s.expires_at > $2`, [tokenHash, now]);
  return rows[0] ? toAgent(rows[0]) : null;
}

export async function deleteSession(tx: Sql, tokenHash: string): Promise<void> {
  await tx.query('delete from sessions where token_hash = $1', [tokenHash]);
}

export async function insertTeam(tx: Sql, t: Team): Promise<Team> {
  await tx.query('insert into teams (id, name, skills, tiers, overflow, sla, hours, is_default) values ($1, $2, $3, $4, $5, $6, $7, $8)', [
    t.id,
    t.name,
    JSON.stringify(t.skills),
    JSON.stringify(t.tiers ?? []),
    t.overflow ? JSON.stringify(t.overflow) : null,
    JSON.stringify(t.sla),
    t.hours ? JSON.stringify(t.hours) : null,
    t.isDefault ?? false,
  ]);
  return t;
}

/** Updates what is given of a team; `hours: null` means always open. Setting a default team unsets the others. */
export async function updateTeam(tx: Sql, id: string, patch: { skills?: Team['skills']; tiers?: string[]; isDefault?: boolean; sla?: Team['sla']; hours?: Team['hours'] | null }): Promise<Team | null> {
  if (patch.isDefault) await tx.query('update teams set is_default = false where id <> $1', [id]);
  await tx.query(
    `update teams set skills = coalesce($2, skills), tiers = coalesce($3, tiers), is_default = coalesce($4, is_default), sla = coalesce($5, sla),
       hours = case when $6 then $7::jsonb else hours end where id = $1`,
    [
      id,
      patch.skills ? JSON.stringify(patch.skills) : null,
      patch.tiers ? JSON.stringify(patch.tiers) : null,
      patch.isDefault ?? null,
      patch.sla ? JSON.stringify(patch.sla) : null,
      patch.hours !== undefined,
      patch.hours ? JSON.stringify(patch.hours) : null,
    ],
  );
  return getTeamByName(tx, id);
}

export async function listTeams(db: Sql): Promise<Team[]> {
  return (await db.query('select * from teams order by name')).map(toTeam);
}

export async function getTeamByName(db: Sql, name: string): Promise<Team | null> {
  const rows = await db.query('select * from teams where lower(name) = lower($1) or id = $1', [name]);
  return rows[0] ? toTeam(rows[0]) : null;
}

function json<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

function toAgent(r: Record<string, unknown>): AgentRecord {
  return {
    id: r.id as string,
    email: r.email as string,
    name: r.name as string,
    role: r.role as Role,
    passwordHash: r.password_hash as string,
    capacity: Number(r.capacity),
    presence: r.presence as Presence,
    skills: json<Skill[]>(r.skills),
    teamIds: json<string[]>(r.team_ids),
    lastAssignedAt: r.last_assigned_at ? new Date(r.last_assigned_at as string) : null,
    createdAt: new Date(r.created_at as string),
  };
}

function toTeam(r: Record<string, unknown>): Team {
  const t: Team = { id: r.id as string, name: r.name as string, skills: json(r.skills), sla: json(r.sla), isDefault: Boolean(r.is_default) };
  const tiers = json<string[]>(r.tiers);
  if (tiers.length) t.tiers = tiers;
  if (r.overflow) t.overflow = json(r.overflow);
  if (r.hours) t.hours = json(r.hours);
  return t;
}

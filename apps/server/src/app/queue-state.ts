import type { AgentState, QueueItem, Team } from '@baton/core';
import { teamWaitMinutes } from '@baton/core';
import type { Sql } from '../adapters/db/database.js';
import { agentLoads, listAgents } from '../adapters/db/repositories/agents.repository.js';
import type { HandoffRecord } from '../adapters/db/repositories/handoffs.repository.js';
import { listHandoffs, recentHandleMinutes } from '../adapters/db/repositories/handoffs.repository.js';
import type { AppContext } from './context.js';

/** Agents as routing sees them: with their current load. */
export async function agentStates(db: Sql): Promise<AgentState[]> {
  const [agents, loads] = await Promise.all([listAgents(db), agentLoads(db)]);
  return agents.map((a) => ({
    id: a.id,
    name: a.name,
    teamIds: a.teamIds,
    skills: a.skills,
    capacity: a.capacity,
    load: loads.get(a.id) ?? 0,
    presence: a.presence,
    ...(a.lastAssignedAt ? { lastAssignedAt: a.lastAssignedAt.getTime() } : {}),
  }));
}

/** A waiting handoff's place in its team's queue, 1-based, and the live wait estimate. */
export async function queueEstimate(ctx: AppContext, db: Sql, handoff: Pick<HandoffRecord, 'id' | 'teamId'>, team: Team | null): Promise<{ position: number; waitMinutes: number | null }> {
  const waiting = await listHandoffs(db, { status: 'waiting', ...(handoff.teamId ? { teamId: handoff.teamId } : {}) });
  const index = waiting.findIndex((h) => h.id === handoff.id);
  const position = index >= 0 ? index + 1 : waiting.length + 1;
  return { position, waitMinutes: await waitFor(ctx, db, team, position) };
}

/** The wait for a given place in a team's queue, from agents online and recent handle times. */
export async function waitFor(ctx: AppContext, db: Sql, team: Team | null, position: number): Promise<number | null> {
  const teamId = team?.id ?? null;
  const [agents, recent] = await Promise.all([agentStates(db), recentHandleMinutes(db, teamId)]);
  return teamWaitMinutes({ position, teamId, agents, recentHandleMinutes: recent, defaultHandleMinutes: ctx.config.defaultHandleMinutes });
}

/** A team's queue as `planHandoff` sees it before a new handoff joins: who waits, who works it, how long handling takes. */
export async function queueState(tx: Sql, team: Team | null): Promise<{ waiting: QueueItem[]; agents: AgentState[]; recentHandleMinutes: number[] }> {
  // One after another: inside a transaction the queries share one connection.
  const waiting = await listHandoffs(tx, { status: 'waiting', ...(team ? { teamId: team.id } : {}), limit: 1000 });
  const agents = await agentStates(tx);
  return {
    waiting: waiting.map((h) => ({ id: h.id, priority: h.priority, slaDueAt: h.slaDueAt.getTime(), createdAt: h.createdAt.getTime() })),
    agents,
    recentHandleMinutes: await recentHandleMinutes(tx, team?.id ?? null),
  };
}

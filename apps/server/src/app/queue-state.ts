import type { AgentState, Team } from '@baton/core';
import { estimateWaitMinutes } from '@baton/core';
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
  const agents = (await agentStates(db)).filter((a) => a.presence === 'online' && (!team || a.teamIds.includes(team.id)));
  const spareSlots = agents.reduce((n, a) => n + Math.max(0, a.capacity - a.load), 0);
  return estimateWaitMinutes({
    position,
    agentsOnline: agents.length,
    spareSlots,
    recentHandleMinutes: await recentHandleMinutes(db, team?.id ?? null),
    defaultHandleMinutes: ctx.config.defaultHandleMinutes,
  });
}

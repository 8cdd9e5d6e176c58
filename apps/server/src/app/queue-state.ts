import type { AgentState, QueueEstimate, Team, WaitingItem } from '@baton/core';
import { estimateQueue, teamWaitMinutes } from '@baton/core';
import type { Sql } from '../adapters/db/database.js';
import type { AgentRecord } from '../adapters/db/repositories/agents.repository.js';
import { agentLoads, listAgents } from '../adapters/db/repositories/agents.repository.js';
import type { HandoffRecord } from '../adapters/db/repositories/handoffs.repository.js';
import { listHandoffs, recentHandleMinutes } from '../adapters/db/repositories/handoffs.repository.js';
import type { AppContext } from './context.js';

/**
 * Whether one of the agent's realtime streams is open, or closed less than
 * BATON_PRESENCE_GRACE_SECONDS ago (a reload, a short network loss). An agent who never opened
 * the workspace (a seeded demo agent) is never live.
 */
export function hasLiveSession(ctx: AppContext, agent: Pick<AgentRecord, 'sessionSeenAt'>): boolean {
  return agent.sessionSeenAt !== null && ctx.clock().getTime() - agent.sessionSeenAt.getTime() <= ctx.config.presenceGraceSeconds * 1000;
}

/**
 * The presence routing and wait estimates go by: the agent's own setting, but `online` only with a
 * live session. Read from the database, so every node sees the same.
 */
export function routingPresence(ctx: AppContext, agent: Pick<AgentRecord, 'presence' | 'sessionSeenAt'>): AgentState['presence'] {
  return agent.presence === 'online' && !hasLiveSession(ctx, agent) ? 'offline' : agent.presence;
}

/** Agents as routing sees them: with their current load and their live presence. */
export async function agentStates(ctx: AppContext, db: Sql): Promise<AgentState[]> {
  // One after another: inside a transaction the queries share one connection.
  const agents = await listAgents(db);
  const loads = await agentLoads(db);
  return agents
    .filter((a) => a.disabledAt === null)
    .map((a) => ({
      id: a.id,
      name: a.name,
      teamIds: a.teamIds,
      skills: a.skills,
      capacity: a.capacity,
      load: loads.get(a.id) ?? 0,
      presence: routingPresence(ctx, a),
      ...(a.lastAssignedAt ? { lastAssignedAt: a.lastAssignedAt.getTime() } : {}),
    }));
}

function waitingItem(h: HandoffRecord): WaitingItem {
  return { id: h.id, priority: h.priority, slaDueAt: h.slaDueAt.getTime(), createdAt: h.createdAt.getTime(), queuedAt: h.queuedAt.getTime() };
}

/** A team's queue as the estimates see it: who waits, who works it, how long handling takes. */
export async function queueState(ctx: AppContext, db: Sql, teamId: string | null): Promise<{ waiting: WaitingItem[]; agents: AgentState[]; recentHandleMinutes: number[] }> {
  const waiting = await listHandoffs(db, { status: 'waiting', ...(teamId ? { teamId } : {}), limit: 1000 });
  const agents = await agentStates(ctx, db);
  return { waiting: waiting.map(waitingItem), agents, recentHandleMinutes: await recentHandleMinutes(db, teamId) };
}

/** Every waiting customer's place and wait in one team's queue, computed together so they agree (see `estimateQueue`). */
export async function queueEstimates(ctx: AppContext, db: Sql, teamId: string | null): Promise<QueueEstimate[]> {
  const q = await queueState(ctx, db, teamId);
  return estimateQueue({ ...q, teamId, defaultHandleMinutes: ctx.config.defaultHandleMinutes, now: ctx.clock().getTime() });
}

/** A waiting handoff's place in its team's queue, 1-based, and its wait; null when it no longer waits. */
export async function queueEstimate(ctx: AppContext, db: Sql, handoff: Pick<HandoffRecord, 'id' | 'teamId'>): Promise<QueueEstimate | null> {
  return (await queueEstimates(ctx, db, handoff.teamId)).find((e) => e.id === handoff.id) ?? null;
}

/** The live model's wait for a given place in a team's queue (what a customer would be told on joining it now). */
export async function waitFor(ctx: AppContext, db: Sql, team: Team | null, position: number): Promise<number | null> {
  const teamId = team?.id ?? null;
  const [agents, recent] = await Promise.all([agentStates(ctx, db), recentHandleMinutes(db, teamId)]);
  return teamWaitMinutes({ position, teamId, agents, recentHandleMinutes: recent, defaultHandleMinutes: ctx.config.defaultHandleMinutes });
}

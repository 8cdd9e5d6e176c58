import type { AgentState } from './agent-state.js';
import { estimateWaitMinutes } from './estimate-wait.js';

/** A team's live queue, as loaded for a wait estimate. */
export interface TeamWaitInput {
  /** 1-based place in the queue. */
  position: number;
  /** The team whose agents take the queue; null is the general queue, worked by everyone. */
  teamId: string | null;
  /** All agents with their current load; those offline or in other teams are left out here. */
  agents: readonly AgentState[];
  /** Recent handle times in minutes for the team (or everyone, for the general queue). */
  recentHandleMinutes: number[];
  /** Used when there is no history yet. */
  defaultHandleMinutes: number;
}

/**
 * The wait for a place in a team's queue (DESIGN §5): from the team's agents who are online,
 * their spare capacity and the recent handle time. Null when nobody in the team is online.
 */
export function teamWaitMinutes(input: TeamWaitInput): number | null {
  const online = input.agents.filter((a) => a.presence === 'online' && (input.teamId === null || a.teamIds.includes(input.teamId)));
  return estimateWaitMinutes({
    position: input.position,
    agentsOnline: online.length,
    spareSlots: online.reduce((n, a) => n + Math.max(0, a.capacity - a.load), 0),
    recentHandleMinutes: input.recentHandleMinutes,
    defaultHandleMinutes: input.defaultHandleMinutes,
  });
}

import type { AgentState } from './agent-state.js';
import type { HandoffNeed } from './handoff-need.js';
import { skillProficiency } from './skill.js';

// Proficiencies are 0..5, so these place values keep the order strict: language, then
// category, then channel.
function skillScore(need: HandoffNeed, agent: AgentState): number {
  return (
    100 * skillProficiency(agent.skills, 'language', need.language) +
    10 * skillProficiency(agent.skills, 'category', need.category) +
    skillProficiency(agent.skills, 'channel', need.channel)
  );
}

function compare(need: HandoffNeed, a: AgentState, b: AgentState): number {
  const skill = skillScore(need, b) - skillScore(need, a);
  if (skill !== 0) return skill;
  // load/capacity compared by cross-multiplying: exact, no float ties.
  const load = a.load * b.capacity - b.load * a.capacity;
  if (load !== 0) return load;
  const since = (a.lastAssignedAt ?? Number.NEGATIVE_INFINITY) - (b.lastAssignedAt ?? Number.NEGATIVE_INFINITY);
  if (since !== 0 && !Number.isNaN(since)) return since;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Who can take a conversation now: online, in the team, with a free slot. */
export function isAssignable(agent: AgentState, teamId: string): boolean {
  return agent.presence === 'online' && agent.load < agent.capacity && agent.teamIds.includes(teamId);
}

/**
 * The agent to auto-assign (DESIGN §5): among online team members with spare capacity, the best
 * skill match (language, then category, then channel), then the least loaded by share of
 * capacity, then whoever waited longest since their last assignment, then id, so that the same
 * inputs always give the same agent on every node. Null when nobody can take it; the handoff
 * stays queued.
 */
export function chooseAgent(need: HandoffNeed, teamId: string, agents: readonly AgentState[]): AgentState | null {
  let best: AgentState | null = null;
  for (const agent of agents) {
    if (!isAssignable(agent, teamId)) continue;
    if (!best || compare(need, agent, best) < 0) best = agent;
  }
  return best;
}

import type { AgentState } from './agent-state.js';
import { compareQueueItems, type QueueItem } from './queue-order.js';

/** A waiting handoff as push sees it. */
export interface OfferableItem extends QueueItem {
  /** Its queue; null is the general queue, anyone's. */
  teamId: string | null;
  /** The agent it is offered to now, if any. */
  offeredAgentId: string | null;
}

/**
 * Push (DESIGN §5): the waiting handoffs to offer at once to an agent who came online or freed a
 * slot, best first (queue order: priority, SLA deadline, age), one per free slot. A slot already
 * promised to a handoff offered to this agent is not free. Only handoffs of the agent's teams (or
 * of the general queue) that are offered to nobody, or to an agent no longer online, are taken:
 * an offer to someone still there stands until it times out.
 */
export function chooseWaitingFor(agent: AgentState, waiting: readonly OfferableItem[], agents: readonly AgentState[]): string[] {
  if (agent.presence !== 'online') return [];
  const free = agent.capacity - agent.load - waiting.filter((w) => w.offeredAgentId === agent.id).length;
  if (free <= 0) return [];
  const online = new Set(agents.filter((a) => a.presence === 'online').map((a) => a.id));
  return waiting
    .filter((w) => (w.teamId === null || agent.teamIds.includes(w.teamId)) && (w.offeredAgentId === null || !online.has(w.offeredAgentId)))
    .sort(compareQueueItems)
    .slice(0, free)
    .map((w) => w.id);
}

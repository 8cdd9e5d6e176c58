import type { Sql } from '../adapters/db/database.js';
import type { AgentRecord } from '../adapters/db/repositories/agents.repository.js';
import type { HandoffRecord } from '../adapters/db/repositories/handoffs.repository.js';
import { getHandoff } from '../adapters/db/repositories/handoffs.repository.js';
import { DomainError } from '../errors.js';

/** A handoff that must exist, locked for the rest of the transaction. */
export async function lockHandoff(tx: Sql, id: string): Promise<HandoffRecord> {
  const h = await getHandoff(tx, id, { forUpdate: true });
  if (!h) throw new DomainError('HANDOFF_ERR_NOT_FOUND', `no handoff ${id}`);
  return h;
}

/** Only the assigned agent, or a supervisor or admin, may act on an assigned handoff. */
export function assertOwner(h: HandoffRecord, agent: AgentRecord): void {
  if (h.status !== 'assigned') throw new DomainError('HANDOFF_ERR_NOT_ASSIGNED', `handoff ${h.id} is ${h.status}, not assigned`);
  if (h.agentId !== agent.id && agent.role === 'agent') throw new DomainError('CONVERSATION_ERR_NOT_YOURS', `handoff ${h.id} is assigned to another agent`);
}

/**
 * Whether an agent may take up a handoff waiting in a queue: an agent of its team (the team's
 * skills), the agent it was offered to by name, or a supervisor or admin. A handoff with no
 * team is anyone's.
 */
export function assertMayTake(h: { id: string; teamId: string | null; offeredAgentId: string | null }, agent: AgentRecord): void {
  if (agent.role !== 'agent' || !h.teamId || agent.teamIds.includes(h.teamId) || h.offeredAgentId === agent.id) return;
  throw new DomainError('AUTH_ERR_OTHER_TEAM', `handoff ${h.id} waits in another team's queue; a supervisor can take it, or transfer it to your team`);
}

/** Whether an agent may read a handoff's case: those who may take it, and whoever holds it. */
export function assertMaySee(h: { id: string; teamId: string | null; offeredAgentId: string | null; agentId: string | null }, agent: AgentRecord): void {
  if (h.agentId === agent.id) return;
  assertMayTake(h, agent);
}

import { FALLBACK_TEAM_NAME, firstName } from '@baton/core';
import { getAgent } from '../adapters/db/repositories/agents.repository.js';
import type { ConversationRecord } from '../adapters/db/repositories/conversations.repository.js';
import { getDefaultTeam, teamName } from '../adapters/db/repositories/teams.repository.js';
import type { AppContext } from './context.js';

/**
 * Who the customer is talking to now, as they were told when the agent joined: the first name and
 * the team. Null unless a person has the conversation (the AI, the queue, a callback, resolved).
 */
export async function agentWithCustomer(ctx: AppContext, conv: ConversationRecord): Promise<{ name: string; team: string } | null> {
  if (conv.status !== 'assigned' || !conv.assignedAgentId) return null;
  const agent = await getAgent(ctx.db, conv.assignedAgentId);
  if (!agent) return null;
  const team = (await teamName(ctx.db, conv.teamId)) ?? (await getDefaultTeam(ctx.db))?.name ?? FALLBACK_TEAM_NAME;
  return { name: firstName(agent.name), team };
}

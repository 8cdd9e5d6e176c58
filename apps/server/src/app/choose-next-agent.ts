import type { AgentState, Team } from '@baton/core';
import { chooseAgent } from '@baton/core';
import type { HandoffRecord } from '../adapters/db/repositories/handoffs.repository.js';
import { getTeamByName } from '../adapters/db/repositories/teams.repository.js';
import type { AppContext } from './context.js';
import { agentStates } from './queue-state.js';

/**
 * Who a handoff goes to next when the agent who had it is out of the picture (an offer not
 * accepted, an answer not given, an agent gone offline): the best online agent of its team with
 * a free slot, never `except`; null when nobody fits, so the whole team's queue has it.
 */
export async function chooseNextAgent(ctx: AppContext, h: Pick<HandoffRecord, 'teamId' | 'priority' | 'brief'>, except: string, channel = 'web'): Promise<{ team: Team | null; next: AgentState | null }> {
  const team = h.teamId ? await getTeamByName(ctx.db, h.teamId) : null;
  if (!team) return { team, next: null };
  const agents = (await agentStates(ctx, ctx.db)).filter((a) => a.id !== except);
  return { team, next: chooseAgent({ language: h.brief.language ?? 'en', channel, priority: h.priority }, team.id, agents) };
}

import type { Skill, Team } from '@baton/core';
import { DEFAULT_SLA_MINUTES } from '@baton/core';
import type { AgentRecord, Presence, Role } from '../adapters/db/repositories/agents.repository.js';
import { getAgentByEmail, insertAgent, updateAgent } from '../adapters/db/repositories/agents.repository.js';
import { getTeamByName, insertTeam } from '../adapters/db/repositories/teams.repository.js';
import { DomainError } from '../errors.js';
import type { AppContext } from './context.js';
import { checkPasswordPolicy } from './password-policy.js';
import { hashPassword } from './tokens.js';
import { pushWaitingWork } from './offer-waiting-work.js';
import { withEvents } from './with-events.js';

export interface CreateAgentOptions {
  email: string;
  name: string;
  password: string;
  role?: Role;
  teams?: string[];
  capacity?: number;
  skills?: Skill[];
}

/** Creates an agent; `teams` are team names or ids. */
export async function createAgent(ctx: AppContext, o: CreateAgentOptions): Promise<AgentRecord> {
  if (await getAgentByEmail(ctx.db, o.email)) throw new DomainError('AGENT_ERR_EMAIL_TAKEN', `an agent with email ${o.email} already exists`, 'email');
  const teamIds: string[] = [];
  for (const t of o.teams ?? []) {
    const team = await getTeamByName(ctx.db, t);
    if (!team) throw new DomainError('TEAM_ERR_NOT_FOUND', `no team "${t}"`, 'team');
    teamIds.push(team.id);
  }
  checkPasswordPolicy(o.password, o);
  const passwordHash = await hashPassword(o.password, ctx.config.passwordCostLog2);
  const agent = await ctx.db.transaction().execute((tx) =>
    insertAgent(tx, { id: ctx.newId(), email: o.email, name: o.name, role: o.role ?? 'agent', passwordHash, capacity: o.capacity ?? 3, skills: o.skills ?? [], teamIds, at: ctx.clock() }),
  );
  // The check above can lose a race (a double click, two admins): the database's unique email decides.
  if (!agent) throw new DomainError('AGENT_ERR_EMAIL_TAKEN', `an agent with email ${o.email} already exists`, 'email');
  return agent;
}

/** Creates a team. SLA minutes by priority default to support practice (core's `DEFAULT_SLA_MINUTES`). */
export async function createTeam(ctx: AppContext, t: Omit<Team, 'id' | 'sla'> & { id?: string; sla?: Team['sla'] }): Promise<Team> {
  if (await getTeamByName(ctx.db, t.name)) throw new DomainError('TEAM_ERR_NAME_TAKEN', `a team named ${t.name} already exists`, 'name');
  const team: Team = { ...t, id: t.id ?? ctx.newId(), sla: t.sla ?? { ...DEFAULT_SLA_MINUTES } };
  return ctx.db.transaction().execute((tx) => insertTeam(tx, team, ctx.clock()));
}

/**
 * An agent sets their presence and capacity; going offline puts nothing back in the queue by itself
 * (see DESIGN §5). `online` takes work only while the agent's workspace is open (`routingPresence`).
 */
export async function setPresence(ctx: AppContext, agent: AgentRecord, patch: { presence?: Presence; capacity?: number }): Promise<AgentRecord> {
  const updated = await withEvents(ctx, async (tx, emit) => {
    const changed = (await updateAgent(tx, agent.id, patch))!;
    await emit({ type: 'agent.presence_changed', agentId: agent.id, payload: { presence: changed.presence, capacity: changed.capacity } });
    return changed;
  });
  // Back online, or more slots: the best waiting handoffs are offered at once (when the agent's workspace is open).
  if (updated.presence === 'online') await pushWaitingWork(ctx, agent.id);
  return updated;
}

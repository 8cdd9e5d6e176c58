import type { AgentRecord, Role } from '../adapters/db/repositories/agents.repository.js';
import { countActiveAdmins, getAgent, updateAgent } from '../adapters/db/repositories/agents.repository.js';
import { insertMessage } from '../adapters/db/repositories/conversations.repository.js';
import { listHandoffs, withdrawOffersTo } from '../adapters/db/repositories/handoffs.repository.js';
import { deleteSessionsOf } from '../adapters/db/repositories/sessions.repository.js';
import type { Sql } from '../adapters/db/database.js';
import { DomainError } from '../errors.js';
import type { AppContext } from './context.js';
import * as lifecycle from './conversation-lifecycle.js';
import { checkPasswordPolicy } from './password-policy.js';
import { hashPassword } from './tokens.js';
import { wireMessage } from './wire.js';
import type { Emit } from './with-events.js';
import { withEvents } from './with-events.js';

async function agentOrFail(db: Sql, id: string): Promise<AgentRecord> {
  const agent = await getAgent(db, id);
  if (!agent) throw new DomainError('AGENT_ERR_NOT_FOUND', `no agent ${id}`, 'id');
  return agent;
}

/** Refuses to leave the server without an admin who can log in. */
async function keepAnAdmin(tx: Sql, agent: AgentRecord, change: { role?: Role; disabled?: boolean }): Promise<void> {
  const losesAdmin = agent.role === 'admin' && !agent.disabledAt && ((change.role !== undefined && change.role !== 'admin') || change.disabled === true);
  if (losesAdmin && (await countActiveAdmins(tx)) <= 1) throw new DomainError('AGENT_ERR_LAST_ADMIN', `${agent.email} is the last active admin; make another admin first`, change.disabled ? 'disabled' : 'role');
}

/**
 * Everything the agent holds goes back to the queue, through the lifecycle owner: their
 * assigned handoffs return to their team's whole queue (with a private note saying why), and
 * the handoffs offered to them are offered to nobody, so routing picks someone else.
 */
async function releaseHandoffs(ctx: AppContext, tx: Sql, emit: Emit, agent: AgentRecord): Promise<void> {
  for (const h of await listHandoffs(tx, { status: 'assigned', agentId: agent.id, limit: 1000 })) {
    const back = await lifecycle.releaseFromAgent({ tx, emit }, h, ctx.clock());
    const note = await insertMessage(tx, { id: ctx.newId(), at: ctx.clock(), conversationId: back.conversation.id, authorKind: 'system', text: `Back in the queue: ${agent.name}'s account was disabled.`, private: true, action: 'agent_disabled' });
    await emit({ type: 'message.created', conversationId: back.conversation.id, payload: { message: wireMessage(note) } });
  }
  await withdrawOffersTo(tx, agent.id);
}

/**
 * An admin changes an agent's role, or disables or enables the account. Either ends every
 * session of the agent, so their open streams close and they sign in again with what they are
 * now allowed. A disabled agent cannot sign in, goes offline, and what they held returns to the queue.
 */
export async function updateAgentAccess(ctx: AppContext, agentId: string, change: { role?: Role; disabled?: boolean }): Promise<AgentRecord> {
  return withEvents(ctx, async (tx, emit) => {
    const agent = await agentOrFail(tx, agentId);
    await keepAnAdmin(tx, agent, change);
    const disable = change.disabled === true && !agent.disabledAt;
    const enable = change.disabled === false && agent.disabledAt !== null;
    const newRole = change.role !== undefined && change.role !== agent.role ? change.role : undefined;
    if (!disable && !enable && !newRole) return agent;
    await updateAgent(tx, agent.id, {
      ...(newRole ? { role: newRole } : {}),
      ...(disable ? { disabledAt: ctx.clock(), presence: 'offline' as const } : {}),
      ...(enable ? { disabledAt: null } : {}),
    });
    await deleteSessionsOf(tx, agent.id);
    if (disable) await releaseHandoffs(ctx, tx, emit, agent);
    const reason = disable ? 'disabled' : enable ? 'enabled' : 'role_changed';
    await emit({ type: 'agent.access_changed', agentId: agent.id, payload: { reason } });
    ctx.log('info', `agent ${agent.email}: ${reason === 'role_changed' ? `role ${agent.role} → ${newRole}` : reason}; their sessions ended`, { agentId: agent.id });
    return (await getAgent(tx, agent.id))!;
  });
}

/** An admin sets a new password for an agent (the policy applies); every session of the agent ends. */
export async function resetAgentPassword(ctx: AppContext, agentId: string, password: string): Promise<AgentRecord> {
  const agent = await agentOrFail(ctx.db, agentId);
  checkPasswordPolicy(password, agent);
  const passwordHash = await hashPassword(password, ctx.config.passwordCostLog2);
  return withEvents(ctx, async (tx, emit) => {
    await updateAgent(tx, agent.id, { passwordHash });
    await deleteSessionsOf(tx, agent.id);
    await emit({ type: 'agent.access_changed', agentId: agent.id, payload: { reason: 'password_reset' } });
    ctx.log('info', `agent ${agent.email}: password reset; their sessions ended`, { agentId: agent.id });
    return (await getAgent(tx, agent.id))!;
  });
}

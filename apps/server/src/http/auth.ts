import type { FastifyRequest } from 'fastify';
import type { AgentRecord, Role } from '../adapters/db/repositories/agents.repository.js';
import { authenticateAgent, authenticateCustomer } from '../app/agent-auth.js';
import type { AppContext } from '../app/context.js';
import { DomainError } from '../errors.js';

/** Who is calling: an agent with a session, or a customer holding one conversation's token. */
export type Principal = { kind: 'agent'; agent: AgentRecord } | { kind: 'customer'; conversationId: string };

export function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (typeof h === 'string' && h.startsWith('Bearer ')) return h.slice(7).trim() || null;
  const q = (req.query as Record<string, unknown> | undefined)?.token;
  return typeof q === 'string' && q ? q : null;
}

/** Resolves a token to its principal; unknown or expired tokens are refused. */
export async function principalFor(ctx: AppContext, token: string | null): Promise<Principal> {
  if (!token) throw new DomainError('AUTH_ERR_MISSING_TOKEN', 'this endpoint needs a bearer token');
  const agent = await authenticateAgent(ctx, token);
  if (agent) return { kind: 'agent', agent };
  const conversationId = await authenticateCustomer(ctx, token);
  if (conversationId) return { kind: 'customer', conversationId };
  throw new DomainError('AUTH_ERR_INVALID_TOKEN', 'the token is unknown or has expired');
}

const RANK: Record<Role, number> = { agent: 0, supervisor: 1, admin: 2 };

/** An agent at least `role`; customer tokens are refused. */
export async function requireAgent(ctx: AppContext, req: FastifyRequest, role: Role = 'agent'): Promise<AgentRecord> {
  const p = await principalFor(ctx, bearer(req));
  if (p.kind !== 'agent') throw new DomainError('AUTH_ERR_FORBIDDEN', 'this endpoint is for agents');
  if (RANK[p.agent.role] < RANK[role]) throw new DomainError('AUTH_ERR_FORBIDDEN', `this needs the ${role} role`);
  return p.agent;
}

/** The customer of this conversation, or any agent. */
export async function requireConversationAccess(ctx: AppContext, req: FastifyRequest, conversationId: string): Promise<Principal> {
  const p = await principalFor(ctx, bearer(req));
  if (p.kind === 'customer' && p.conversationId !== conversationId) throw new DomainError('AUTH_ERR_WRONG_CONVERSATION', 'this token belongs to another conversation');
  return p;
}

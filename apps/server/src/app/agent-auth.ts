import type { AgentRecord } from '../adapters/db/repositories/agents.repository.js';
import { getAgentByEmail } from '../adapters/db/repositories/agents.repository.js';
import { conversationIdForToken } from '../adapters/db/repositories/conversations.repository.js';
import { agentForSession, deleteSession, insertSession } from '../adapters/db/repositories/sessions.repository.js';
import { DomainError } from '../errors.js';
import type { AppContext } from './context.js';
import { hashPassword, hashToken, newToken, verifyPassword } from './tokens.js';

// Compared against when the email is unknown, so a wrong email and a wrong password take as long.
let dummyHash: Promise<string> | undefined;

/** Agent login: an opaque bearer token with an expiry, stored hashed. */
export async function login(ctx: AppContext, email: string, password: string): Promise<{ token: string; expiresAt: Date; agent: AgentRecord }> {
  const agent = await getAgentByEmail(ctx.db, email);
  dummyHash ??= hashPassword('not a real password');
  const ok = await verifyPassword(password, agent?.passwordHash ?? (await dummyHash));
  if (!agent || !ok) throw new DomainError('AUTH_ERR_BAD_CREDENTIALS', 'wrong email or password');
  const { token, hash } = newToken();
  const expiresAt = new Date(ctx.clock().getTime() + ctx.config.sessionHours * 3_600_000);
  await ctx.db.transaction().execute((tx) => insertSession(tx, { tokenHash: hash, agentId: agent.id, expiresAt }));
  return { token, expiresAt, agent };
}

export async function logout(ctx: AppContext, token: string): Promise<void> {
  await ctx.db.transaction().execute((tx) => deleteSession(tx, hashToken(token)));
}

/** The conversation a customer's token opens, or null when it is unknown. */
export async function authenticateCustomer(ctx: AppContext, token: string): Promise<string | null> {
  return conversationIdForToken(ctx.db, hashToken(token));
}

/** The agent behind a bearer token, or null when it is unknown or expired. */
export async function authenticateAgent(ctx: AppContext, token: string): Promise<AgentRecord | null> {
  return agentForSession(ctx.db, hashToken(token), ctx.clock());
}

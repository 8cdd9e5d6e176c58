import type { AgentRecord } from '../adapters/db/repositories/agents.repository.js';
import { clearAgentSession, getAgentByEmail, updateAgent } from '../adapters/db/repositories/agents.repository.js';
import { callbackDueTimes } from '../adapters/db/repositories/callbacks.repository.js';
import { customerTokenUses, touchCustomerTokens } from '../adapters/db/repositories/conversations.repository.js';
import { customerDeviceTokenUses, touchCustomerDeviceTokens } from '../adapters/db/repositories/customer-tokens.repository.js';
import { agentForSession, deleteSession, insertSession } from '../adapters/db/repositories/sessions.repository.js';
import { DomainError } from '../errors.js';
import type { AppContext } from './context.js';
import { watchAgentPresence } from './release-absent-agent.js';
import { hashPassword, hashToken, needsRehash, newToken, verifyPassword } from './tokens.js';
import { withEvents } from './with-events.js';

// Compared against when the email is unknown, so a wrong email and a wrong password take as long.
const dummyHashes = new Map<number, Promise<string>>();

/**
 * Agent login: an opaque bearer token with an expiry, stored hashed. Failures count towards a
 * lockout of the account and of the address (with backoff), checked before the password, so a
 * guesser learns nothing during a lockout, not even a right guess. A hash made at a lower cost
 * than the configured one is replaced, transparently, once the password is known to be right.
 */
export async function login(ctx: AppContext, email: string, password: string, address: string): Promise<{ token: string; expiresAt: Date; agent: AgentRecord }> {
  const account = email.toLowerCase();
  await ctx.limiter.checkLogin(account, address);
  const agent = await getAgentByEmail(ctx.db, account);
  const cost = ctx.config.passwordCostLog2;
  if (!dummyHashes.has(cost)) dummyHashes.set(cost, hashPassword('not a real password', cost));
  const ok = await verifyPassword(password, agent?.passwordHash ?? (await dummyHashes.get(cost)!));
  if (!agent || !ok) {
    await ctx.limiter.loginFailed(account, address);
    throw new DomainError('AUTH_ERR_BAD_CREDENTIALS', 'wrong email or password');
  }
  await ctx.limiter.loginSucceeded(account);
  // Said only to someone who knows the password: it reveals nothing to a guesser.
  if (agent.disabledAt) throw new DomainError('AUTH_ERR_ACCOUNT_DISABLED', 'this account was disabled by an administrator');
  const rehash = needsRehash(agent.passwordHash, cost) ? await hashPassword(password, cost) : null;
  const { token, hash } = newToken();
  const now = ctx.clock();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionHours * 3_600_000);
  await ctx.db.transaction().execute(async (tx) => {
    if (rehash) await updateAgent(tx, agent.id, { passwordHash: rehash });
    await insertSession(tx, { tokenHash: hash, agentId: agent.id, expiresAt, createdAt: now });
  });
  if (rehash) ctx.log('info', `agent ${agent.email}: password hash upgraded to scrypt N=2^${cost}`, { agentId: agent.id });
  return { token, expiresAt, agent };
}

/**
 * Ends the session; the agent's open streams check theirs again, and the one on this token closes.
 * The agent stops taking work at once (no grace period); another tab still open brings them back
 * within seconds.
 */
export async function logout(ctx: AppContext, token: string): Promise<void> {
  const agentId = await withEvents(ctx, async (tx, emit) => {
    const id = await deleteSession(tx, hashToken(token));
    if (id) await clearAgentSession(tx, id);
    if (id) await emit({ type: 'agent.access_changed', agentId: id, payload: { reason: 'logout' } });
    return id;
  });
  // Signed out for good (no other tab within the grace period): what waits on them goes back to the queue.
  if (agentId) await watchAgentPresence(ctx, agentId);
}

// Writing the last use on every request would make each read a write: once a minute is enough.
const TOUCH_EVERY_MS = 60_000;

/**
 * The conversation a customer's token opens, or null when it is unknown or has not been used for
 * `BATON_CUSTOMER_TOKEN_IDLE_HOURS` (the widget then starts a new conversation). A callback or email
 * reply booked on the conversation counts as a use when it is due.
 */
export async function authenticateCustomer(ctx: AppContext, token: string): Promise<string | null> {
  const hash = hashToken(token);
  return (await authenticateCustomers(ctx, [hash])).get(hash) ?? null;
}

/**
 * `authenticateCustomer` for many tokens at once, by token hash: the conversation each still
 * opens (a hash missing from the answer opens none). Each token is the conversation's own, or one
 * a continue link gave another device. One read (two when some are not conversations' own), and
 * one write for the tokens whose last use is due to be noted, whatever their number.
 */
export async function authenticateCustomers(ctx: AppContext, tokenHashes: readonly string[]): Promise<Map<string, string>> {
  const own = await customerTokenUses(ctx.db, tokenHashes);
  // The rest may be tokens continue links gave other devices.
  const devices = await customerDeviceTokenUses(ctx.db, tokenHashes.filter((h) => !own.has(h)));
  const now = ctx.clock();
  const idleMs = ctx.config.customerTokenIdleHours * 3_600_000;
  // A booked callback or email reply counts as a use at the time it is due: the customer who booked
  // Monday's call on Saturday still opens the conversation before and after it. Read only for the
  // tokens that would otherwise have lapsed.
  const lapsed = [...own.values(), ...devices.values()].filter((u) => now.getTime() - u.lastUsedAt.getTime() > idleMs).map((u) => u.id);
  const booked = await callbackDueTimes(ctx.db, [...new Set(lapsed)], now);
  const alive = new Map<string, string>();
  const touchOwn: string[] = [];
  const touchDevices: string[] = [];
  for (const [uses, touch, key] of [[own, touchOwn, 'id'], [devices, touchDevices, 'hash']] as const) {
    for (const [hash, use] of uses) {
      const idle = now.getTime() - Math.max(use.lastUsedAt.getTime(), booked.get(use.id)?.getTime() ?? 0);
      if (idle > idleMs) continue;
      if (idle > TOUCH_EVERY_MS) touch.push(key === 'id' ? use.id : hash);
      alive.set(hash, use.id);
    }
  }
  await touchCustomerTokens(ctx.db, touchOwn, now);
  await touchCustomerDeviceTokens(ctx.db, touchDevices, now);
  return alive;
}

/** The agent behind a bearer token, or null when it is unknown, expired, or the agent is disabled. */
export async function authenticateAgent(ctx: AppContext, token: string): Promise<AgentRecord | null> {
  return agentForSession(ctx.db, hashToken(token), ctx.clock());
}

import type { Sql } from '../database.js';
import type { AgentRecord } from './agents.repository.js';
import { selectAgents } from './agents.repository.js';

/** An agent's login: the hash of its bearer token, until it expires. */
export async function insertSession(tx: Sql, s: { tokenHash: string; agentId: string; expiresAt: Date; createdAt: Date }): Promise<void> {
  await tx.insertInto('sessions').values(s).execute();
}

/** The agent behind a session that has not expired at `now`, unless the agent is disabled. */
export async function agentForSession(db: Sql, tokenHash: string, now: Date): Promise<AgentRecord | null> {
  const row = await selectAgents(db)
    .innerJoin('sessions as s', 's.agentId', 'a.id')
    .where('s.tokenHash', '=', tokenHash)
    .where('s.expiresAt', '>', now)
    .where('a.disabledAt', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}

/** Ends every session of an agent (disabled, re-roled, new password). */
export async function deleteSessionsOf(tx: Sql, agentId: string): Promise<number> {
  const r = await tx.deleteFrom('sessions').where('agentId', '=', agentId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Ends one session; returns its agent, or null when there was none. */
export async function deleteSession(tx: Sql, tokenHash: string): Promise<string | null> {
  const row = await tx.deleteFrom('sessions').where('tokenHash', '=', tokenHash).returning('agentId').executeTakeFirst();
  return row?.agentId ?? null;
}

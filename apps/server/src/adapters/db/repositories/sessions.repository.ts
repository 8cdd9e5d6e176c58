import type { Sql } from '../database.js';
import type { AgentRecord } from './agents.repository.js';
import { selectAgents } from './agents.repository.js';

/** An agent's login: the hash of its bearer token, until it expires. */
export async function insertSession(tx: Sql, s: { tokenHash: string; agentId: string; expiresAt: Date }): Promise<void> {
  await tx.insertInto('sessions').values(s).execute();
}

/** The agent behind a session that has not expired at `now`. */
export async function agentForSession(db: Sql, tokenHash: string, now: Date): Promise<AgentRecord | null> {
  const row = await selectAgents(db).innerJoin('sessions as s', 's.agentId', 'a.id').where('s.tokenHash', '=', tokenHash).where('s.expiresAt', '>', now).executeTakeFirst();
  return row ?? null;
}

export async function deleteSession(tx: Sql, tokenHash: string): Promise<void> {
  await tx.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute();
}

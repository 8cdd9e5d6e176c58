import type { Sql } from '../database.js';

/** Stores a conversation's rating; false when it already had one (one rating per conversation). */
export async function insertCsat(tx: Sql, r: { conversationId: string; handoffId: string | null; score: number; comment: string | null; createdAt: Date }): Promise<boolean> {
  const row = await tx.insertInto('csat').values(r).onConflict((oc) => oc.doNothing()).returning('score').executeTakeFirst();
  return row !== undefined;
}

import type { Sql } from '../database.js';

/** A further device's token for a conversation (a continue link opened there). */
export async function insertCustomerDeviceToken(tx: Sql, t: { tokenHash: string; conversationId: string; at: Date }): Promise<void> {
  await tx.insertInto('customerDeviceTokens').values({ tokenHash: t.tokenHash, conversationId: t.conversationId, createdAt: t.at, usedAt: t.at }).execute();
}

/** The conversation each further device's token opens, and when it was last used, in one read, keyed by token hash. */
export async function customerDeviceTokenUses(db: Sql, tokenHashes: readonly string[]): Promise<Map<string, { id: string; lastUsedAt: Date }>> {
  if (!tokenHashes.length) return new Map();
  const rows = await db.selectFrom('customerDeviceTokens').select(['tokenHash', 'conversationId', 'usedAt']).where('tokenHash', 'in', tokenHashes).execute();
  return new Map(rows.map((r) => [r.tokenHash, { id: r.conversationId, lastUsedAt: r.usedAt }]));
}

export async function touchCustomerDeviceTokens(db: Sql, tokenHashes: readonly string[], at: Date): Promise<void> {
  if (tokenHashes.length) await db.updateTable('customerDeviceTokens').set({ usedAt: at }).where('tokenHash', 'in', tokenHashes).execute();
}

/** Records that a continue link was opened; false when it already was (each link opens the conversation once). */
export async function recordContinueLinkUse(tx: Sql, u: { linkId: string; conversationId: string; at: Date }): Promise<boolean> {
  const row = await tx.insertInto('continueLinkUses').values({ linkId: u.linkId, conversationId: u.conversationId, usedAt: u.at }).onConflict((oc) => oc.column('linkId').doNothing()).returning('linkId').executeTakeFirst();
  return Boolean(row);
}

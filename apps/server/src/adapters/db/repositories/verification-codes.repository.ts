import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Sql } from '../database.js';
import type { IdentityState, VerificationCodeTable } from '../schema.js';

/** A row of `verification_codes`: the hash of a one-time code, never the code. */
export type VerificationCodeRecord = Selectable<VerificationCodeTable>;

export async function insertVerificationCode(tx: Sql, c: { id: string; conversationId: string; address: string; codeHash: string; expiresAt: Date; createdAt: Date }): Promise<void> {
  await tx.insertInto('verificationCodes').values(c).execute();
}

/** How many codes went to this conversation, and to this address, since `since`: the request limits. */
export async function countCodesSince(db: Sql, o: { conversationId: string; address: string; since: Date }): Promise<{ conversation: number; address: number; lastAt: Date | null }> {
  const row = await db
    .selectFrom('verificationCodes')
    .select([
      sql<number>`count(*) filter (where conversation_id = ${o.conversationId})::int`.as('conversation'),
      sql<number>`count(*) filter (where address = ${o.address})::int`.as('address'),
      sql<Date | null>`max(created_at) filter (where conversation_id = ${o.conversationId})`.as('lastAt'),
    ])
    .where('createdAt', '>=', o.since)
    .where((eb) => eb.or([eb('conversationId', '=', o.conversationId), eb('address', '=', o.address)]))
    .executeTakeFirstOrThrow();
  return { conversation: Number(row.conversation), address: Number(row.address), lastAt: row.lastAt ? new Date(row.lastAt) : null };
}

/** The conversation's newest code, locked, so two submissions of one code count as two tries. */
export async function latestCodeForUpdate(tx: Sql, conversationId: string): Promise<VerificationCodeRecord | null> {
  return (await tx.selectFrom('verificationCodes').selectAll().where('conversationId', '=', conversationId).orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(1).forUpdate().executeTakeFirst()) ?? null;
}

export async function countCodeAttempt(tx: Sql, id: string): Promise<void> {
  await tx.updateTable('verificationCodes').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('id', '=', id).execute();
}

export async function consumeCode(tx: Sql, id: string, at: Date): Promise<void> {
  await tx.updateTable('verificationCodes').set({ consumedAt: at }).where('id', '=', id).execute();
}

/**
 * Records how the conversation's customer was verified and links the account the address
 * belongs to. Only the identity use cases call this.
 */
export async function setConversationIdentity(tx: Sql, id: string, change: { identity: IdentityState; emailVerified: boolean; customerId: string | null; customerEmail?: string; claimedCustomerId?: string | null }): Promise<void> {
  await tx.updateTable('conversations').set(change).where('id', '=', id).execute();
}

/** The claimed address of an unverified conversation, and the account it points at (a claim). */
export async function setClaimedEmail(tx: Sql, id: string, email: string, claimedCustomerId: string | null): Promise<void> {
  await tx.updateTable('conversations').set({ customerEmail: email, claimedCustomerId }).where('id', '=', id).where('identity', '=', 'unverified').execute();
}

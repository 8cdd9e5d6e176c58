import type { Sql } from '../database.js';
import type { AttachmentPendingReason } from '../schema.js';

export type { AttachmentPendingReason } from '../schema.js';

/** A journalled key: its bytes may be in `storage` with no row referring to them. */
export interface PendingKey {
  storage: string;
  storageKey: string;
}

/** Journals a key before its bytes are stored or its row removed; journalling it again moves its due time. */
export async function journalPendingKey(db: Sql, k: PendingKey & { reason: AttachmentPendingReason; dueAt: Date }): Promise<void> {
  await db
    .insertInto('attachmentPendingKeys')
    .values(k)
    .onConflict((oc) => oc.columns(['storage', 'storageKey']).doUpdateSet({ reason: k.reason, dueAt: k.dueAt }))
    .execute();
}

/** The key is settled: its bytes have a row, or are gone. */
export async function settlePendingKey(db: Sql, k: PendingKey): Promise<void> {
  await db.deleteFrom('attachmentPendingKeys').where('storage', '=', k.storage).where('storageKey', '=', k.storageKey).execute();
}

/** Keys of `storage` due by `now`, oldest first, each with whether an attachment row refers to it. */
export async function listDuePendingKeys(db: Sql, storage: string, now: Date, limit: number): Promise<(PendingKey & { referenced: boolean })[]> {
  const rows = await db
    .selectFrom('attachmentPendingKeys as p')
    .select(['p.storage', 'p.storageKey'])
    .select(({ exists, selectFrom }) => exists(selectFrom('attachments as a').select('a.id').whereRef('a.storage', '=', 'p.storage').whereRef('a.storageKey', '=', 'p.storageKey')).as('referenced'))
    .where('p.storage', '=', storage)
    .where('p.dueAt', '<=', now)
    .orderBy('p.dueAt')
    .orderBy('p.storageKey')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ storage: r.storage, storageKey: r.storageKey, referenced: Boolean(r.referenced) }));
}

/** Which of these keys of `storage` a row refers to or the journal holds: bytes the reconciling sweep must leave alone. */
export async function listKnownStorageKeys(db: Sql, storage: string, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db
    .selectFrom('attachments')
    .select('storageKey')
    .where('storage', '=', storage)
    .where('storageKey', 'in', keys)
    .union(db.selectFrom('attachmentPendingKeys').select('storageKey').where('storage', '=', storage).where('storageKey', 'in', keys))
    .execute();
  return new Set(rows.map((r) => r.storageKey));
}

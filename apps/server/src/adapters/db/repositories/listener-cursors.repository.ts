import type { Sql } from '../database.js';

/**
 * Takes a listener's cursor for this transaction, creating it at 0 the first time: the sequence
 * number of the last event it handled, or null when another node holds it now (`skip locked`).
 */
export async function claimListenerCursor(tx: Sql, name: string, at: Date): Promise<number | null> {
  const claim = () => tx.selectFrom('listenerCursors').select('seq').where('name', '=', name).forUpdate().skipLocked().executeTakeFirst();
  const row = await claim();
  if (row) return row.seq;
  // Missing (the first run) or held by another node: create it if missing, then try once more.
  await tx.insertInto('listenerCursors').values({ name, seq: 0, updatedAt: at }).onConflict((oc) => oc.column('name').doNothing()).execute();
  return (await claim())?.seq ?? null;
}

/** Moves a listener's cursor to the event it just handled (or skipped). */
export async function moveListenerCursor(tx: Sql, name: string, seq: number, at: Date): Promise<void> {
  await tx.updateTable('listenerCursors').set({ seq, updatedAt: at }).where('name', '=', name).execute();
}

/** Where a listener's cursor stands: 0 before its first run. */
export async function listenerCursor(db: Sql, name: string): Promise<number> {
  const row = await db.selectFrom('listenerCursors').select('seq').where('name', '=', name).executeTakeFirst();
  return row?.seq ?? 0;
}

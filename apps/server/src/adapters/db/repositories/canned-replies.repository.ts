import type { Insertable, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Sql } from '../database.js';
import type { CannedReplyTable } from '../schema.js';

/** A row of `canned_replies`. */
export type CannedReplyRecord = Selectable<CannedReplyTable>;

/**
 * The canned replies an agent may use, by shortcut: the global ones and, when `teamIds` is
 * given, those of these teams; `q` matches the shortcut, the title or the text.
 */
export async function listCannedReplies(db: Sql, opts: { teamIds?: string[]; q?: string } = {}): Promise<CannedReplyRecord[]> {
  let query = db.selectFrom('cannedReplies').selectAll();
  const teams = opts.teamIds;
  if (teams) query = query.where((eb) => (teams.length > 0 ? eb.or([eb('teamId', 'is', null), eb('teamId', 'in', teams)]) : eb('teamId', 'is', null)));
  const q = opts.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('shortcut', 'ilike', like), eb('title', 'ilike', like), eb('body', 'ilike', like)]));
  }
  return query.orderBy(sql`lower(shortcut)`).orderBy('teamId').limit(500).execute();
}

export async function getCannedReply(db: Sql, id: string): Promise<CannedReplyRecord | null> {
  return (await db.selectFrom('cannedReplies').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** Whether another reply of the same scope already uses this shortcut (case-insensitive). */
export async function shortcutTaken(db: Sql, shortcut: string, teamId: string | null, exceptId?: string): Promise<boolean> {
  let q = db
    .selectFrom('cannedReplies')
    .select('id')
    .where(sql`lower(shortcut)`, '=', shortcut.toLowerCase())
    .where(sql`coalesce(team_id, '')`, '=', teamId ?? '');
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertCannedReply(db: Sql, r: Insertable<CannedReplyTable>): Promise<CannedReplyRecord> {
  return db.insertInto('cannedReplies').values(r).returningAll().executeTakeFirstOrThrow();
}

export async function updateCannedReply(db: Sql, id: string, patch: { shortcut?: string; title?: string; body?: string; teamId?: string | null; updatedAt: Date }): Promise<CannedReplyRecord | null> {
  return (await db.updateTable('cannedReplies').set(patch).where('id', '=', id).returningAll().executeTakeFirst()) ?? null;
}

export async function deleteCannedReply(db: Sql, id: string): Promise<boolean> {
  return (await db.deleteFrom('cannedReplies').where('id', '=', id).returning('id').executeTakeFirst()) !== undefined;
}

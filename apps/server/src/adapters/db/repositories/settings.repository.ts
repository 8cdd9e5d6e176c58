import type { Selectable } from 'kysely';
import type { Sql } from '../database.js';
import type { SettingTable } from '../schema.js';
import { jsonColumn } from '../json-column.js';

export interface SettingVersion<T> {
  key: string;
  version: number;
  value: T;
  createdBy: string | null;
  createdAt: Date;
}

/** The newest version of a setting, or null when it was never set. */
export async function latestSetting<T>(db: Sql, key: string): Promise<SettingVersion<T> | null> {
  const row = await db.selectFrom('settings').selectAll().where('key', '=', key).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? typed<T>(row) : null;
}

export async function listSettingVersions<T>(db: Sql, key: string, limit = 50): Promise<SettingVersion<T>[]> {
  return (await db.selectFrom('settings').selectAll().where('key', '=', key).orderBy('version', 'desc').limit(limit).execute()).map((r) => typed<T>(r));
}

/**
 * Stores a new version. `expectedVersion` guards against two admins saving over each other: the
 * primary key (key, version) makes the second insert of the same version fail.
 */
export async function insertSettingVersion<T>(tx: Sql, s: { key: string; version: number; value: T; createdBy: string | null; createdAt: Date }): Promise<SettingVersion<T> | null> {
  const row = await tx
    .insertInto('settings')
    .values({ key: s.key, version: s.version, value: jsonColumn(s.value), createdBy: s.createdBy, createdAt: s.createdAt })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? typed<T>(row) : null;
}

/** A setting's value is whatever its key's owner stored there (validated before it was saved). */
function typed<T>(row: Selectable<SettingTable>): SettingVersion<T> {
  return { ...row, value: row.value as T };
}

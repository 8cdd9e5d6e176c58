import type { Sql } from '../database.js';

export interface SettingVersion<T> {
  key: string;
  version: number;
  value: T;
  createdBy: string | null;
  createdAt: Date;
}

/** The newest version of a setting, or null when it was never set. */
export async function latestSetting<T>(db: Sql, key: string): Promise<SettingVersion<T> | null> {
  const rows = await db.query('select * from settings where key = $1 order by version desc limit 1', [key]);
  return rows[0] ? toSetting<T>(rows[0]) : null;
}

export async function listSettingVersions<T>(db: Sql, key: string, limit = 50): Promise<SettingVersion<T>[]> {
  return (await db.query('select * from settings where key = $1 order by version desc limit $2', [key, limit])).map((r) => toSetting<T>(r));
}

/**
 * Stores a new version. `expectedVersion` guards against two admins saving over each other: the
 * primary key (key, version) makes the second insert of the same version fail.
 */
export async function insertSettingVersion<T>(tx: Sql, s: { key: string; version: number; value: T; createdBy: string | null }): Promise<SettingVersion<T> | null> {
  const rows = await tx.query('insert into settings (key, version, value, created_by) values ($1, $2, $3, $4) on conflict do nothing returning *', [
    s.key,
    s.version,
    JSON.stringify(s.value),
    s.createdBy,
  ]);
  return rows[0] ? toSetting<T>(rows[0]) : null;
}

function toSetting<T>(r: Record<string, unknown>): SettingVersion<T> {
  return {
    key: r.key as string,
    version: Number(r.version),
    value: (typeof r.value === 'string' ? JSON.parse(r.value) : r.value) as T,
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
  };
}

import type { Team } from '@baton/core';
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Sql } from '../database.js';
import type { TeamTable } from '../schema.js';
import { jsonColumn } from '../json-column.js';

export async function insertTeam(tx: Sql, t: Team, at: Date): Promise<Team> {
  await tx
    .insertInto('teams')
    .values({
      id: t.id,
      name: t.name,
      skills: jsonColumn(t.skills),
      tiers: jsonColumn(t.tiers ?? []),
      overflow: t.overflow ? jsonColumn(t.overflow) : null,
      sla: jsonColumn(t.sla),
      hours: t.hours ? jsonColumn(t.hours) : null,
      isDefault: t.isDefault ?? false,
      createdAt: at,
    })
    .execute();
  return t;
}

/** Updates what is given of a team; `hours: null` means always open. Setting a default team unsets the others. */
export async function updateTeam(tx: Sql, id: string, patch: { skills?: Team['skills']; tiers?: string[]; isDefault?: boolean; sla?: Team['sla']; hours?: Team['hours'] | null }): Promise<Team | null> {
  if (patch.isDefault) await tx.updateTable('teams').set({ isDefault: false }).where('id', '<>', id).execute();
  const set = {
    ...(patch.skills ? { skills: jsonColumn(patch.skills) } : {}),
    ...(patch.tiers ? { tiers: jsonColumn(patch.tiers) } : {}),
    ...(patch.isDefault !== undefined ? { isDefault: patch.isDefault } : {}),
    ...(patch.sla ? { sla: jsonColumn(patch.sla) } : {}),
    ...(patch.hours !== undefined ? { hours: patch.hours ? jsonColumn(patch.hours) : null } : {}),
  };
  if (Object.keys(set).length) await tx.updateTable('teams').set(set).where('id', '=', id).execute();
  return getTeamByName(tx, id);
}

export async function listTeams(db: Sql): Promise<Team[]> {
  return (await db.selectFrom('teams').selectAll().orderBy('name').execute()).map(toTeam);
}

/** A team by its name (any case) or its id. */
export async function getTeamByName(db: Sql, name: string): Promise<Team | null> {
  const row = await db
    .selectFrom('teams')
    .selectAll()
    .where((eb) => eb.or([eb(eb.fn('lower', ['name']), '=', sql<string>`lower(${name})`), eb('id', '=', name)]))
    .executeTakeFirst();
  return row ? toTeam(row) : null;
}

/** The team that takes what no other team matches, or null when none is marked default. */
export async function getDefaultTeam(db: Sql): Promise<Team | null> {
  const row = await db.selectFrom('teams').selectAll().where('isDefault', '=', true).orderBy('name').executeTakeFirst();
  return row ? toTeam(row) : null;
}

/** A team's display name, for payloads. */
export async function teamName(db: Sql, teamId: string | null): Promise<string | null> {
  if (!teamId) return null;
  const row = await db.selectFrom('teams').select('name').where('id', '=', teamId).executeTakeFirst();
  return row?.name ?? null;
}

/** The row as core's `Team`: optional parts absent rather than empty or null. */
function toTeam(r: Selectable<TeamTable>): Team {
  const t: Team = { id: r.id, name: r.name, skills: r.skills, sla: r.sla, isDefault: r.isDefault };
  if (r.tiers.length) t.tiers = r.tiers;
  if (r.overflow) t.overflow = r.overflow;
  if (r.hours) t.hours = r.hours;
  return t;
}

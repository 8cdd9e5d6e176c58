import type { ZTeamHoursSchema } from '@baton/contracts';
import type { BusinessHours, Team } from '@baton/core';
import { HoursError, validateHours } from '@baton/core';
import type { z } from 'zod';
import { getTeamByName, updateTeam } from '../adapters/db/repositories/teams.repository.js';
import { DomainError } from '../errors.js';
import type { AppContext } from './context.js';

/** What `PATCH /teams/:id` may change. */
export type TeamPatch = z.infer<typeof ZTeamHoursSchema>;

/**
 * An admin changes a team (by name or id): its skills, tiers, SLA, default flag and opening
 * hours; `hours: null` makes it always open. Hours are checked first, with the bad field named.
 */
export async function editTeam(ctx: AppContext, nameOrId: string, patch: TeamPatch): Promise<Team> {
  const team = await getTeamByName(ctx.db, nameOrId);
  if (!team) throw new DomainError('TEAM_ERR_NOT_FOUND', `no team ${nameOrId}`);
  let hours: BusinessHours | null | undefined = patch.hours === undefined ? undefined : null;
  if (patch.hours) {
    try {
      hours = validateHours(patch.hours);
    } catch (err) {
      if (err instanceof HoursError) throw new DomainError('VALIDATION_ERR_BODY', err.message, `hours.${err.field}`);
      throw err;
    }
  }
  const { hours: _raw, ...rest } = patch;
  const updated = await ctx.db.transaction().execute((tx) => updateTeam(tx, team.id, { ...rest, ...(hours !== undefined ? { hours } : {}) }));
  // Removed between the read and the write.
  if (!updated) throw new DomainError('TEAM_ERR_NOT_FOUND', `no team ${nameOrId}`);
  return updated;
}

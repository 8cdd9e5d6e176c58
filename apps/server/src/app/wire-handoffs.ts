import type { Sql } from '../adapters/db/database.js';
import { latestCallbacks } from '../adapters/db/repositories/callbacks.repository.js';
import type { HandoffRecord } from '../adapters/db/repositories/handoffs.repository.js';
import { listTeams } from '../adapters/db/repositories/teams.repository.js';
import { wireCallback, wireHandoff } from './wire.js';

/** Handoffs as the API lists them: each with its team's name and, when one was booked, its callback. */
export async function wireHandoffs(db: Sql, hs: HandoffRecord[]) {
  const [teams, callbacks] = await Promise.all([listTeams(db), latestCallbacks(db, hs.map((h) => h.id))]);
  const names = new Map(teams.map((t) => [t.id, t.name]));
  return hs.map((h) => {
    const cb = callbacks.get(h.id);
    return { ...wireHandoff(h, h.teamId ? (names.get(h.teamId) ?? null) : null), ...(cb ? { callback: wireCallback(cb) } : {}) };
  });
}

import type { Team } from './team.js';

/**
 * When a handoff queued at `queuedAt` should overflow to `team.overflow.toTeamId` (null: the
 * general queue), or null when the team has no overflow rule. Wall-clock minutes, because the
 * customer waits in real time; the caller stores it as a job's run_at (time is data).
 */
export function overflowAt(team: Team, queuedAt: number): number | null {
  return team.overflow ? queuedAt + team.overflow.afterMinutes * 60_000 : null;
}

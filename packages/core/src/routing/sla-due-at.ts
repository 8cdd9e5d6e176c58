import { addBusinessMinutes } from '../hours/add-business-minutes.js';
import type { Priority } from '../policy/policy.js';
import type { Team } from './team.js';

/**
 * When the first human reply is due. A team with hours is only held to its target while open
 * (a 30-minute SLA set on Saturday is due 30 minutes after Monday's opening); a team without
 * hours is always open, so wall-clock minutes. The result is stored as the breach timer's due_at.
 */
export function slaDueAt(team: Team, priority: Priority, startAt: number): number {
  const minutes = team.sla[priority];
  return team.hours ? addBusinessMinutes(team.hours, startAt, minutes) : startAt + minutes * 60_000;
}

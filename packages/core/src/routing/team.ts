import type { BusinessHours } from '../hours/business-hours.js';
import type { Priority } from '../policy/policy.js';
import type { Skill } from './skill.js';

/** A team a handoff can be routed to (DESIGN §5). */
export interface Team {
  /** Stable id, kept on handoffs. */
  id: string;
  /** Shown to the customer ("our billing team"). */
  name: string;
  /** Categories, languages and channels the team handles. */
  skills: Skill[];
  /** Customer tiers (e.g. 'vip', 'enterprise') it serves with priority; a tie-break after category. */
  tiers?: string[];
  /** Where a handoff goes when nobody here takes it: another team, or null for the general queue. */
  overflow?: { afterMinutes: number; toTeamId: string | null };
  /** Target minutes to the first human reply, per priority; counted in business time when `hours` is set. */
  sla: Record<Priority, number>;
  /** Absent means always open. */
  hours?: BusinessHours;
  /** Takes what no other team matches. */
  isDefault?: boolean;
}

import type { Priority } from '../policy/policy.js';

/**
 * Target minutes to the first human reply, per priority, for a team created without its own
 * targets (DESIGN §5), and for a handoff in a workspace that has no team at all yet.
 */
export const DEFAULT_SLA_MINUTES: Readonly<Record<Priority, number>> = { critical: 5, high: 15, medium: 60, low: 240 };

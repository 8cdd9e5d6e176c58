import type { THandoff, TPriority } from '@baton/contracts';

export const PRIORITIES: TPriority[] = ['critical', 'high', 'medium', 'low'];
export const PRIORITY_RANK: Record<TPriority, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Queue order (DESIGN §5): priority, then SLA deadline, then age. */
export function byQueueOrder(a: THandoff, b: THandoff): number {
  return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.slaDueAt.localeCompare(b.slaDueAt) || a.createdAt.localeCompare(b.createdAt);
}

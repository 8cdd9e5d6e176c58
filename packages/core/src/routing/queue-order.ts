import { PRIORITIES, type Priority } from '../policy/policy.js';

/** What queue order needs to know about a waiting handoff. */
export interface QueueItem {
  id: string;
  priority: Priority;
  /** When the first human reply is due (epoch ms), from `slaDueAt`. */
  slaDueAt: number;
  /** When it entered the queue (epoch ms). */
  createdAt: number;
}

/**
 * Sort comparator for a team's queue (DESIGN §5): higher priority first, then the nearest SLA
 * deadline, then the oldest, then id so every node and every inbox shows the same order.
 */
export function compareQueueItems(a: QueueItem, b: QueueItem): number {
  const p = PRIORITIES.indexOf(b.priority) - PRIORITIES.indexOf(a.priority);
  if (p !== 0) return p;
  if (a.slaDueAt !== b.slaDueAt) return a.slaDueAt - b.slaDueAt;
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

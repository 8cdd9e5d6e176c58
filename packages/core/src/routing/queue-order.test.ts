import { describe, expect, it } from 'vitest';
import { compareQueueItems, type QueueItem } from './queue-order.js';

const item = (id: string, priority: QueueItem['priority'], slaDueAt: number, createdAt: number): QueueItem => ({ id, priority, slaDueAt, createdAt });

describe('compareQueueItems', () => {
  it.each<[string, QueueItem, QueueItem]>([
    ['critical before high, whatever the deadline', item('z', 'critical', 9000, 9000), item('a', 'high', 1000, 1000)],
    ['high before medium', item('z', 'high', 9000, 9000), item('a', 'medium', 1000, 1000)],
    ['medium before low', item('z', 'medium', 9000, 9000), item('a', 'low', 1000, 1000)],
    ['same priority: nearer deadline first', item('z', 'high', 1000, 9000), item('a', 'high', 2000, 1000)],
    ['same deadline: older first', item('z', 'high', 1000, 500), item('a', 'high', 1000, 600)],
    ['all equal: id', item('a', 'high', 1000, 500), item('b', 'high', 1000, 500)],
  ])('%s', (_name, first, second) => {
    expect(compareQueueItems(first, second)).toBeLessThan(0);
    expect(compareQueueItems(second, first)).toBeGreaterThan(0);
  });

  it('is zero only for the same id and fields', () => {
    expect(compareQueueItems(item('a', 'low', 1, 1), item('a', 'low', 1, 1))).toBe(0);
  });

  it('sorts a mixed queue', () => {
    const queue = [
      item('old-low', 'low', 5000, 100),
      item('medium-late', 'medium', 4000, 300),
      item('critical', 'critical', 9000, 900),
      item('medium-soon', 'medium', 2000, 800),
      item('medium-soon-older', 'medium', 2000, 700),
    ];
    expect(queue.sort(compareQueueItems).map((q) => q.id)).toEqual(['critical', 'medium-soon-older', 'medium-soon', 'medium-late', 'old-low']);
  });
});

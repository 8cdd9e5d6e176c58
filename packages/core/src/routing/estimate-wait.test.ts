import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCEPT_MINUTES, estimateWaitMinutes, type WaitEstimateInput } from './estimate-wait.js';

const base: WaitEstimateInput = { position: 1, agentsOnline: 2, spareSlots: 0, recentHandleMinutes: [], defaultHandleMinutes: 10 };

describe('estimateWaitMinutes', () => {
  it.each<[string, Partial<WaitEstimateInput>, number | null]>([
    ['position 1 with spare capacity: the accept time', { spareSlots: 1 }, DEFAULT_ACCEPT_MINUTES],
    ['position 3 with 3 spare slots: still the accept time', { position: 3, spareSlots: 3 }, 2],
    ['custom accept time', { spareSlots: 2, acceptMinutes: 1 }, 1],
    ['no history: default handle time', { position: 3 }, 15], // 3 × 10 / 2
    ['with history: the median handle time', { position: 3, recentHandleMinutes: [4, 6, 60] }, 9], // 3 × 6 / 2
    ['even history: mean of the middle two', { position: 2, agentsOnline: 1, recentHandleMinutes: [4, 8, 6, 100] }, 14], // 2 × 7
    ['only those beyond the free slots wait for a handle', { position: 5, spareSlots: 3, recentHandleMinutes: [9] }, 9], // 2 × 9 / 2
    ['rounds up', { position: 1, agentsOnline: 3, recentHandleMinutes: [10] }, 4], // 10 / 3
    ['never below the accept time', { position: 1, agentsOnline: 10, recentHandleMinutes: [3] }, 2],
    ['only bad history values: the default', { position: 2, agentsOnline: 1, recentHandleMinutes: [0, -1, Number.POSITIVE_INFINITY] }, 20],
    ['bad history values are ignored', { position: 2, agentsOnline: 1, recentHandleMinutes: [Number.NaN, -3, 0, 5] }, 10],
    ['nobody online: no estimate', { agentsOnline: 0, spareSlots: 0 }, null],
    ['nobody online even with a long queue', { position: 40, agentsOnline: 0 }, null],
  ])('%s', (_name, input, expected) => {
    expect(estimateWaitMinutes({ ...base, ...input })).toBe(expected);
  });

  it('grows with the position in the queue', () => {
    const waits = [1, 2, 4, 8].map((position) => estimateWaitMinutes({ ...base, position, recentHandleMinutes: [8] }));
    expect(waits).toEqual([4, 8, 16, 32]);
  });
});

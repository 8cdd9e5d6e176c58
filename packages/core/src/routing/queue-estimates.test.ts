import { describe, expect, it } from 'vitest';
import type { AgentState } from './agent-state.js';
import { estimateQueue, type QueueEstimatesInput, type WaitingItem } from './queue-estimates.js';

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 2, 10, 10, 0);
const agent = (id: string, a: Partial<AgentState> = {}): AgentState => ({ id, name: id, teamIds: ['t'], skills: [], capacity: 1, load: 1, presence: 'online', ...a });
// Waiting since `minutesAgo`, medium priority, due an hour after arriving.
const waiting = (id: string, minutesAgo: number, over: Partial<WaitingItem> = {}): WaitingItem => {
  const at = NOW - minutesAgo * MINUTE;
  return { id, priority: 'medium', slaDueAt: at + 60 * MINUTE, createdAt: at, ...over };
};
const base: QueueEstimatesInput = { waiting: [], teamId: 't', agents: [agent('a')], recentHandleMinutes: [6], defaultHandleMinutes: 10, now: NOW };
const run = (over: Partial<QueueEstimatesInput>) => estimateQueue({ ...base, ...over }).map((e) => [e.id, e.position, e.waitMinutes]);

describe('estimateQueue', () => {
  it.each<[string, Partial<QueueEstimatesInput>, [string, number, number][]]>([
    ['empty queue', {}, []],
    ['fresh arrivals: the live model, by place', { waiting: [waiting('b', 0), waiting('a', 1)] }, [['a', 1, 6], ['b', 2, 12]]],
    ['a free slot: the accept time', { agents: [agent('a', { load: 0 })], waiting: [waiting('a', 0)] }, [['a', 1, 2]]],
    ['nobody online: the queue ahead at the usual handle time', { agents: [agent('a', { presence: 'offline' })], waiting: [waiting('a', 0), waiting('b', 0, { createdAt: NOW + 1 })] }, [['a', 1, 10], ['b', 2, 20]]],
    ['agents of other teams do not count', { agents: [agent('x', { teamIds: ['other'], load: 0 })], waiting: [waiting('a', 0)] }, [['a', 1, 10]]],
    ['the general queue counts everyone', { teamId: null, agents: [agent('x', { teamIds: ['other'], load: 0 })], waiting: [waiting('a', 0)] }, [['a', 1, 2]]],
    // A free agent who does not accept: the model keeps saying 2 minutes, the wait so far does not.
    ['grows with the time waited: 10 minutes waited, at least 5 more', { agents: [agent('a', { load: 0 })], waiting: [waiting('a', 10)] }, [['a', 1, 5]]],
    ['grows with the time waited: 41 minutes waited, at least 21 more', { agents: [agent('a', { load: 0 })], waiting: [waiting('a', 41)] }, [['a', 1, 21]]],
    ['the model wins while it is the longer', { waiting: [waiting('a', 4)] }, [['a', 1, 6]]],
    // The earlier arrival waited long and is ahead: the later one behind is never told a shorter wait.
    // One free slot among two agents: the second place costs one more minute than the first (3 vs 2), on top of the first's 12.
    ['nobody is told less than someone ahead', { agents: [agent('a', { load: 0 }), agent('b')], waiting: [waiting('early', 24), waiting('late', 1)] }, [['early', 1, 12], ['late', 2, 13]]],
    ['with a free slot for each, a stalled head costs the next nothing more', { agents: [agent('a', { load: 0, capacity: 3 })], waiting: [waiting('early', 24), waiting('late', 1)] }, [['early', 1, 12], ['late', 2, 12]]],
    // Nobody online: each place costs the usual handle time, behind a head that has waited 30 minutes.
    ['when the head stalls, everyone behind it hears their wait grew', { agents: [], waiting: [waiting('a', 30), waiting('b', 29), waiting('c', 28)] }, [['a', 1, 15], ['b', 2, 25], ['c', 3, 35]]],
    ['a higher priority goes first, and the estimates follow the order', { waiting: [waiting('early', 2), waiting('urgent', 1, { priority: 'high' })] }, [['urgent', 1, 6], ['early', 2, 12]]],
    ['a waiting time in the future (clock skew) counts as none', { waiting: [waiting('a', -5)] }, [['a', 1, 6]]],
    ['queuedAt, when given, is when the wait started', { agents: [agent('a', { load: 0 })], waiting: [waiting('a', 60, { queuedAt: NOW - 20 * MINUTE })] }, [['a', 1, 10]]],
  ])('%s', (_name, over, expected) => {
    expect(run(over)).toEqual(expected);
  });

  it('of three customers of one priority, an earlier arrival is never told a longer wait than a later one, at any time', () => {
    const queue = [waiting('first', 30), waiting('second', 12), waiting('third', 0)];
    for (const agents of [[], [agent('a')], [agent('a', { load: 0 })], [agent('a', { load: 0 }), agent('b', { load: 0, capacity: 3 })]]) {
      for (let later = 0; later <= 60; later += 7) {
        const waits = estimateQueue({ ...base, agents, waiting: queue, now: NOW + later * MINUTE }).map((e) => [e.id, e.waitMinutes] as const);
        expect(waits.map(([id]) => id)).toEqual(['first', 'second', 'third']);
        for (let i = 1; i < waits.length; i++) expect(waits[i]![1]).toBeGreaterThanOrEqual(waits[i - 1]![1]);
      }
    }
  });

  it('never stays put while nobody accepts: every 10 minutes the estimate is longer', () => {
    const at = (minutes: number) => estimateQueue({ ...base, agents: [agent('a', { load: 0 })], waiting: [waiting('a', 0)], now: NOW + minutes * MINUTE })[0]!.waitMinutes;
    const waits = [10, 20, 30, 40].map(at);
    expect(waits).toEqual([5, 10, 15, 20]);
  });
});

import { describe, expect, it } from 'vitest';
import type { AgentState } from './agent-state.js';
import { teamWaitMinutes } from './team-wait.js';

const agent = (id: string, over: Partial<AgentState> = {}): AgentState => ({ id, name: id, teamIds: ['billing'], skills: [], capacity: 2, load: 2, presence: 'online', ...over });

describe('teamWaitMinutes', () => {
  it.each<[string, string | null, AgentState[], number | null]>([
    ['one busy agent online: position × handle', 'billing', [agent('a')], 20],
    ['two busy agents share the queue', 'billing', [agent('a'), agent('b')], 10],
    ['spare slots for everyone up to the position: the accept time', 'billing', [agent('a', { load: 0 })], 2],
    ['away and offline agents do not count', 'billing', [agent('a'), agent('b', { presence: 'away', load: 0 }), agent('c', { presence: 'offline', load: 0 })], 20],
    ['agents of other teams do not count', 'billing', [agent('a'), agent('t', { teamIds: ['technical'], load: 0 })], 20],
    ['nobody of the team online: no estimate', 'billing', [agent('t', { teamIds: ['technical'] })], null],
    ['the general queue is worked by everyone online', null, [agent('a'), agent('t', { teamIds: ['technical'] })], 10],
    ['load over capacity is no negative slot', 'billing', [agent('a', { load: 5 }), agent('b', { load: 1 })], 5],
  ])('%s', (_name, teamId, agents, expected) => {
    expect(teamWaitMinutes({ position: 2, teamId, agents, recentHandleMinutes: [10], defaultHandleMinutes: 8 })).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import type { AgentState } from './agent-state.js';
import { chooseAgent, isAssignable } from './choose-agent.js';
import type { HandoffNeed } from './handoff-need.js';

const need: HandoffNeed = { category: 'billing', language: 'en', channel: 'chat', priority: 'medium' };
const agent = (id: string, a: Partial<AgentState> = {}): AgentState => ({
  id,
  name: id,
  teamIds: ['billing'],
  skills: [{ kind: 'language', value: 'en', proficiency: 4 }],
  capacity: 3,
  load: 0,
  presence: 'online',
  ...a,
});
const withSkills = (id: string, category: number, language = 4, a: Partial<AgentState> = {}) =>
  agent(id, {
    ...a,
    skills: [
      { kind: 'language', value: 'en-US', proficiency: language },
      { kind: 'category', value: 'billing', proficiency: category },
    ],
  });

describe('chooseAgent', () => {
  it.each<[string, AgentState[], string | null]>([
    ['nobody', [], null],
    ['away and offline are skipped', [agent('away', { presence: 'away' }), agent('off', { presence: 'offline' }), agent('on', { load: 2 })], 'on'],
    ['full capacity is skipped', [agent('full', { load: 3 }), agent('over', { load: 4 }), agent('spare', { load: 2 })], 'spare'],
    ['zero capacity is never assigned', [agent('zero', { capacity: 0 })], null],
    ['other teams are skipped', [agent('sales', { teamIds: ['sales'] }), agent('both', { teamIds: ['sales', 'billing'], load: 2 })], 'both'],
    ['everyone unavailable', [agent('a', { presence: 'away' }), agent('b', { load: 3 })], null],
    ['best skill match first, even when busier', [withSkills('novice', 2), withSkills('expert', 5, 4, { load: 2 })], 'expert'],
    ['language before category', [withSkills('no-english', 5, 0), withSkills('english', 1, 3, { load: 2 })], 'english'],
    ['least loaded among equals', [withSkills('two', 4, 4, { load: 2 }), withSkills('one', 4, 4, { load: 1 })], 'one'],
    ['load is a share of capacity', [withSkills('1of2', 4, 4, { load: 1, capacity: 2 }), withSkills('2of5', 4, 4, { load: 2, capacity: 5 })], '2of5'],
    ['then longest since last assignment (not id)', [withSkills('a-recent', 4, 4, { lastAssignedAt: 2000 }), withSkills('b-earlier', 4, 4, { lastAssignedAt: 1000 })], 'b-earlier'],
    ['never assigned counts as longest', [withSkills('a-recent', 4, 4, { lastAssignedAt: 1000 }), withSkills('b-never', 4)], 'b-never'],
    ['then id', [withSkills('b', 4), withSkills('a', 4)], 'a'],
  ])('%s', (_name, agents, expected) => {
    expect(chooseAgent(need, 'billing', agents)?.id ?? null).toBe(expected);
  });

  it('is deterministic: every order of the same agents gives the same agent', () => {
    const agents = [withSkills('c', 4, 4, { load: 1 }), withSkills('a', 4, 4, { load: 1 }), withSkills('b', 4, 4, { load: 1 }), withSkills('d', 3), agent('e', { presence: 'away' })];
    const picks = new Set<string | undefined>();
    for (let i = 0; i < agents.length; i++) picks.add(chooseAgent(need, 'billing', [...agents.slice(i), ...agents.slice(0, i)])?.id);
    for (let i = 0; i < agents.length; i++) picks.add(chooseAgent(need, 'billing', [...agents].reverse().slice(i).concat([...agents].reverse().slice(0, i)))?.id);
    expect([...picks]).toEqual(['a']);
  });

  it('isAssignable needs online, spare capacity and membership', () => {
    expect(isAssignable(agent('x'), 'billing')).toBe(true);
    expect(isAssignable(agent('x'), 'sales')).toBe(false);
    expect(isAssignable(agent('x', { presence: 'away' }), 'billing')).toBe(false);
    expect(isAssignable(agent('x', { load: 3 }), 'billing')).toBe(false);
  });
});

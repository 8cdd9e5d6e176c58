import { describe, expect, it } from 'vitest';
import type { AgentState } from './agent-state.js';
import { chooseWaitingFor, type OfferableItem } from './choose-waiting.js';

const agent = (id: string, a: Partial<AgentState> = {}): AgentState => ({ id, name: id, teamIds: ['t'], skills: [], capacity: 2, load: 0, presence: 'online', ...a });
const item = (id: string, createdAt: number, o: Partial<OfferableItem> = {}): OfferableItem => ({ id, priority: 'medium', slaDueAt: createdAt + 3_600_000, createdAt, teamId: 't', offeredAgentId: null, ...o });
const me = agent('me');

describe('chooseWaitingFor', () => {
  it.each<[string, AgentState, OfferableItem[], AgentState[], string[]]>([
    ['the oldest first, one per free slot', me, [item('c', 3), item('a', 1), item('b', 2)], [me], ['a', 'b']],
    ['priority before age', agent('me', { capacity: 1 }), [item('old', 1), item('urgent', 5, { priority: 'critical' })], [], ['urgent']],
    ['other teams are not theirs', me, [item('other', 1, { teamId: 'x' }), item('general', 2, { teamId: null })], [me], ['general']],
    ['no free slot: nothing', agent('me', { load: 2 }), [item('a', 1)], [], []],
    ['a slot promised to an offer is not free', agent('me', { load: 1 }), [item('mine', 1, { offeredAgentId: 'me' }), item('b', 2)], [], []],
    ['not online: nothing', agent('me', { presence: 'offline' }), [item('a', 1)], [], []],
    ['an offer to someone online stands', me, [item('theirs', 1, { offeredAgentId: 'other' }), item('b', 2)], [me, agent('other')], ['b']],
    ['an offer to someone gone offline is taken over', me, [item('stale', 1, { offeredAgentId: 'gone' })], [me, agent('gone', { presence: 'offline' })], ['stale']],
  ])('%s', (_name, who, waiting, agents, expected) => {
    expect(chooseWaitingFor(who, waiting, agents)).toEqual(expected);
  });
});

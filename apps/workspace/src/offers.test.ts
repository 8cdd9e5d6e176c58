import { describe, expect, it } from 'vitest';
import { untoldOffers } from './offers';

const ME = 'agent-me';
const waiting = [
  { id: 'h1', offeredAgentId: ME },
  { id: 'h2', offeredAgentId: 'agent-other' },
  { id: 'h3', offeredAgentId: null },
  { id: 'h4', offeredAgentId: ME },
];

describe('offers told from the waiting list', () => {
  it('tells the offers to this agent that no event told (made before the stream was subscribed), once each', () => {
    expect(untoldOffers(waiting, ME, new Set()).map((h) => h.id)).toEqual(['h1', 'h4']);
    // h1 came as an event (or was told from an earlier list, then dismissed): not told again.
    expect(untoldOffers(waiting, ME, new Set(['h1'])).map((h) => h.id)).toEqual(['h4']);
    expect(untoldOffers(waiting, ME, new Set(['h1', 'h4']))).toEqual([]);
  });

  it('tells nothing of offers to other agents or to nobody', () => {
    expect(untoldOffers(waiting, 'agent-third', new Set())).toEqual([]);
  });
});

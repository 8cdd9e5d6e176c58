import { describe, expect, it } from 'vitest';
import type { DecisionSignals } from '../policy/decision.js';
import { extractEntities } from '../signals/entities.js';
import type { VerifiedFact } from './context.js';
import { keyEntities, sameOrderId, technicalContext } from './key-entities.js';

const signals = (...texts: string[]): DecisionSignals['entities'] => texts.flatMap((t, i) => extractEntities(t).map((e) => ({ ...e, messageIndex: i * 2 })));
const fact = (orderId: string, status = 'dispatched'): VerifiedFact => ({ kind: 'order', orderId, messageIndex: 5, order: { id: orderId, status } });

describe('sameOrderId', () => {
  it.each([
    ['4821', '#4821', true],
    ['AB-12', ' ab-12 ', true],
    ['4821', '48210', false],
  ])('%s ~ %s: %s', (a, b, same) => {
    expect(sameOrderId(a, b)).toBe(same);
  });
});

describe('keyEntities', () => {
  it('keeps one entity per kind and value, at its first mention', () => {
    const out = keyEntities(signals('order #4821 please', 'again: order 4821, and sarah@example.com'), []);
    expect(out).toEqual([
      { kind: 'order_number', value: '4821', messageIndex: 0, verified: false },
      { kind: 'email', value: 'sarah@example.com', messageIndex: 2, verified: false },
    ]);
  });

  it('marks an order verified, with its status, when a lookup found it', () => {
    const out = keyEntities(signals('order #4821 and order #5000'), [fact('#4821')]);
    expect(out.map((e) => [e.value, e.verified, e.status])).toEqual([
      ['4821', true, 'dispatched'],
      ['5000', false, undefined],
    ]);
  });

  it('adds an order only a tool mentioned', () => {
    expect(keyEntities([], [fact('#9000', 'packed')])).toEqual([{ kind: 'order_number', value: '9000', messageIndex: 5, verified: true, status: 'packed' }]);
  });

  it('keeps amounts and masks cards', () => {
    const out = keyEntities(signals('card 4242 4242 4242 4242 charged $49.99'), []);
    expect(out).toEqual([
      { kind: 'card_number', value: '•••• 4242', messageIndex: 0, verified: false },
      { kind: 'amount', value: '49.99', amount: 49.99, currency: 'USD', messageIndex: 0, verified: false },
    ]);
  });
});

describe('technicalContext', () => {
  it('collects error codes, versions, browsers and devices', () => {
    const out = technicalContext(keyEntities(signals('Error E1234 on my iPhone 14 with iOS 17.2 in Chrome 118', 'still E1234'), []));
    expect(out).toEqual({ errorCodes: ['E1234'], versions: ['iOS 17.2'], browsers: ['Chrome 118'], devices: ['iPhone 14'] });
  });
});

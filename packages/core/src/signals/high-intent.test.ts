import { describe, expect, it } from 'vitest';
import { detectHighIntent } from './high-intent.js';

describe('detectHighIntent', () => {
  it.each([
    ['What is your pricing for teams?', 'pricing'],
    ['how much does the pro plan cost per month', 'pricing'],
    ['Can you send me a quote?', 'pricing'],
    ['I would like to book a demo', 'demo'],
    ['can we schedule a product demonstration next week', 'demo'],
    ['Do you offer a free trial?', 'demo'],
    ['We need an enterprise plan for 300 seats', 'enterprise'],
    ['Can I talk to your sales team about a volume discount', 'enterprise'],
  ] as const)('"%s" -> %s', (text, kind) => expect(detectHighIntent(text)?.kind).toBe(kind));

  it.each([
    ['how much is my bill'],
    ['what is the exchange rate'],
    ['what is the price of my order shipping'],
    ['I want a refund'],
    ['demolition of my account'],
    [''],
    ['\ud800'],
  ])('"%s" is not sales intent', (text) => expect(detectHighIntent(text)).toBeNull());

  it('quotes its evidence and is deterministic', () => {
    const t = 'Book a DEMO please';
    expect(detectHighIntent(t)).toEqual({ kind: 'demo', evidence: 'book a demo' });
    expect(detectHighIntent(t)).toEqual(detectHighIntent(t));
  });

  it('never throws on a 100 kB message', () => expect(() => detectHighIntent('how much '.repeat(12_000))).not.toThrow());
});

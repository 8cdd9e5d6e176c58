import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedEdits, createFuzzyLexicon, editDistanceWithin, squashRepeats } from './fuzzy-word.js';

describe('editDistanceWithin', () => {
  it.each([
    ['person', 'person', 1, 0],
    ['persn', 'person', 1, 1],
    ['humna', 'human', 1, 1], // a swap of neighbours is one edit
    ['costumer', 'customer', 2, 2],
    ['reprsentitive', 'representative', 2, 2],
    ['agenda', 'agent', 1, 2], // over the limit: max + 1
    ['a', 'abcdef', 2, 3],
    ['', 'ab', 2, 2],
  ] as const)('%s ~ %s within %i is %i', (a, b, max, d) => {
    expect(editDistanceWithin(a, b, max)).toBe(d);
  });
  it('is symmetric and never exceeds max + 1', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const d = editDistanceWithin(a, b, max);
        expect(d).toBe(editDistanceWithin(b, a, max));
        expect(d).toBeLessThanOrEqual(max + 1);
        expect(d === 0).toBe(a === b);
      }),
    );
  });
  it('counts words over 60 code units as too far', () => {
    expect(editDistanceWithin('a'.repeat(61), 'a'.repeat(61), 2)).toBe(3);
  });
});

describe('allowedEdits', () => {
  it.each([
    ['rep', 0],
    ['talk', 1],
    ['someone', 1],
    ['operator', 2],
    ['representative', 2],
  ] as const)('%s allows %i', (w, n) => expect(allowedEdits(w)).toBe(n));
});

describe('squashRepeats', () => {
  it.each([
    ['humaaaan', 'human'],
    ['pleeeease', 'please'],
    ['agentt', 'agentt'],
    ['zzz', 'z'],
  ])('%s -> %s', (a, b) => expect(squashRepeats(a)).toBe(b));
});

describe('createFuzzyLexicon', () => {
  const lex = createFuzzyLexicon(['human', 'person', 'agent', 'operator', 'representative', 'talk', 'customer', 'service'], ['persona', 'operation', 'tall']);
  it.each([
    ['human', 'human'],
    ['humna', 'human'],
    ['uhman', 'human'],
    ['persn', 'person'],
    ['agnet', 'agent'],
    ['opperator', 'operator'],
    ['reprsentitive', 'representative'],
    ['tlak', 'talk'],
    ['costumer', 'customer'],
    ['servise', 'service'],
  ])('corrects %s to %s', (token, key) => expect(lex.correct(token)).toBe(key));
  it.each([
    ['persona'], // a guard: a real word
    ['operation'], // a guard
    ['tall'], // a guard
    ['walk'], // short keys keep their first letter
    ['agenda'], // two edits from a 5-letter key
    ['hum'], // under 4 letters: exact only
    ['order'],
    ['x'.repeat(30)],
  ])('leaves %s alone', (token) => expect(lex.correct(token)).toBeNull());
});

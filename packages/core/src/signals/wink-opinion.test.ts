import { describe, expect, it } from 'vitest';
import { tokenise } from './sentiment-stages.js';
import { winkOpinion, type WinkOptions } from './wink-opinion.js';

const opinion = (text: string, options?: WinkOptions): number => winkOpinion(tokenise(text), options);

describe("wink's opinion", () => {
  it('reads plain polarity words', () => {
    expect(opinion('this is good')).toBeGreaterThan(0);
    expect(opinion('this is bad')).toBeLessThan(0);
    expect(opinion('the parcel is at the depot')).toBe(0);
  });

  it('averages the scored words instead of summing them', () => {
    // One "bad" (-3) and three: the mean is the same, a sum would triple.
    expect(opinion('bad')).toBe(opinion('bad bad bad'));
  });

  it("flips a word after a negation within two words, as wink does, contractions included", () => {
    expect(opinion('good')).toBeGreaterThan(0);
    expect(opinion('not good')).toBeLessThan(0);
    expect(opinion("it didn't feel good")).toBeLessThan(0);
    expect(opinion('not at all very good')).toBeGreaterThan(0);
  });

  it('reads word pairs, emoticons and emoji', () => {
    expect(opinion('I am fed up')).toBeLessThan(0);
    expect(opinion('ok :(')).toBeLessThan(0);
    expect(opinion('ok :)')).toBeGreaterThan(0);
    expect(opinion('ok 😠')).toBeLessThan(0);
  });

  it('averages hashtags apart from the words', () => {
    expect(opinion('arrived today #fail')).toBeLessThan(0);
    expect(opinion('great #fail')).toBeGreaterThan(opinion('#fail'));
  });

  it('applies the domain adjustment and skips covered tokens', () => {
    const dampLost: WinkOptions = { adjust: (t, v) => (t === 'lost' ? v * 0.2 : v) };
    expect(opinion('I lost my card', dampLost)).toBeGreaterThan(opinion('I lost my card'));
    expect(opinion('thanks for nothing', { skip: [1, 0, 0] })).toBe(0);
  });

  it('does not read inherited object properties as words', () => {
    for (const text of ['constructor', '__proto__ toString', 'hasOwnProperty valueOf']) {
      const v = opinion(text);
      expect(typeof v).toBe('number');
      expect(v).toBe(0);
    }
  });

  it('stays fast and finite on hostile input', () => {
    const start = performance.now();
    for (const text of ['a'.repeat(100_000), "a'".repeat(50_000), ':( '.repeat(30_000), '😠'.repeat(20_000), '#bad '.repeat(20_000)]) {
      expect(Number.isFinite(opinion(text))).toBe(true);
    }
    expect(performance.now() - start).toBeLessThan(1_000);
  });
});

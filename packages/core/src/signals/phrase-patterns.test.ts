import { describe, expect, it } from 'vitest';
import { candidatesAt, compilePatterns, matchAt, type PatternTokens } from './phrase-patterns.js';

/** Tokens from a space-separated string; "|" marks a clause break before the next token, "^" a name. */
function input(spec: string): PatternTokens {
  const tokens: string[] = [];
  const breakBefore: boolean[] = [];
  const names: boolean[] = [];
  let pendingBreak = false;
  for (const raw of spec.split(' ')) {
    if (raw === '|') {
      pendingBreak = true;
      continue;
    }
    names.push(raw.startsWith('^'));
    tokens.push(raw.replace(/^\^/, ''));
    breakBefore.push(pendingBreak);
    pendingBreak = false;
  }
  return { tokens, breakBefore, isCapitalised: (i) => names[i] === true };
}

const CLASSES = { unit: new Set(['days', 'weeks']), thing: new Set(['plan', 'account']) };

/** The end of the first match of `pattern` anywhere in `spec`, or -1. */
function firstMatch(pattern: string, spec: string, spansClauses = false): number {
  const index = compilePatterns([pattern], (p) => p, CLASSES, () => spansClauses);
  const tokens = input(spec);
  for (let i = 0; i < tokens.tokens.length; i++) {
    for (const list of candidatesAt(index, tokens, i)) {
      for (const c of list) {
        const end = matchAt(c, tokens, i);
        if (end >= 0) return end;
      }
    }
  }
  return -1;
}

describe('phrase patterns', () => {
  it.each<[string, string, number]>([
    ['still no', 'it is still no better', 4],
    ['still no|not', 'still not here', 2],
    ['still no', 'still here', -1],
    ['<num> <unit>', 'waited 3 days', 3],
    ['<num> <unit>', 'waited three weeks', 3],
    ['<num> <unit>', 'waited 12345 days', -1],
    ['<nth> time', 'the 3rd time', 3],
    ['<nth> time', 'the 1st time', -1],
    ['<nth> time', 'the third time', 3],
    ['been ~2 <num> <unit>', 'been waiting for 3 days', 5],
    ['been ~1 <num> <unit>', 'been waiting for 3 days', -1],
    ['on hold for? <num> <unit>', 'on hold 3 days', 4],
    ['on hold for? <num> <unit>', 'on hold for 3 days', 5],
    ['done $', 'im done', 2],
    ['done $', 'im done | thanks', 2],
    ['done $', 'im done with it', -1],
    ['switching to <brand>', 'switching to ^acme', 3],
    ['switching to <brand>', 'switching to paperless', -1],
    ['switching to <brand> !<thing>', 'switching to ^gold plan', -1],
    ['switching to <brand> !<thing>', 'switching to ^acme now', 3],
    ['waited !<num>', 'waited 3 days', -1],
    ['waited !<num>', 'waited ages', 1],
    ['<num> <unit> and &nobody', '3 days and nobody', 3],
    ['<num> <unit> and &nobody', '3 days and somebody', -1],
    ['great * not', 'great service not', 3],
    ['great service not', 'great service | not', -1],
  ])('"%s" in "%s" ends at %i', (pattern, spec, end) => {
    expect(firstMatch(pattern, spec)).toBe(end);
  });

  it('crosses a clause break only when the pattern spans clauses', () => {
    expect(firstMatch('ago still', '3 days ago | still nothing')).toBe(-1);
    expect(firstMatch('ago still', '3 days ago | still nothing', true)).toBe(4);
  });

  it('never matches a blocked token', () => {
    const index = compilePatterns(['still no'], (p) => p, CLASSES);
    const tokens = input('still no refund');
    const [pattern] = candidatesAt(index, tokens, 0).flat();
    expect(matchAt(pattern!, tokens, 0)).toBe(2);
    expect(matchAt(pattern!, tokens, 0, new Uint8Array([0, 1, 0]))).toBe(-1);
  });

  it.each(['', '* no', 'still? no', '<brand> here', '<nope> here', 'still n-o', 'x !*', 'x &y?', 'a ~10'])(
    'rejects the malformed pattern "%s"',
    (pattern) => {
      expect(() => compilePatterns([pattern], (p) => p, CLASSES)).toThrow();
    },
  );

  it('stays linear on a long input, even with skips that can never complete', () => {
    // The cost per start is bounded by the pattern (here 10 x 10 tries), not by the input.
    const index = compilePatterns(['a ~9 a ~9 b'], (p) => p, CLASSES);
    const tokens = input(Array.from({ length: 20_000 }, () => 'a').join(' '));
    const start = performance.now();
    let found = 0;
    for (let i = 0; i < tokens.tokens.length; i++) {
      for (const list of candidatesAt(index, tokens, i)) for (const c of list) if (matchAt(c, tokens, i) >= 0) found++;
    }
    expect(found).toBe(0);
    expect(performance.now() - start).toBeLessThan(1_000);
  });
});

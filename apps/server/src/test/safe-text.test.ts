import { describe, expect, it } from 'vitest';
import { findUnsafeText, isSafeText, textProblem, toSafeText } from '@baton/contracts';

describe('safe text', () => {
  it.each([
    ['plain text', 'hello', null],
    ['emoji and RTL and combining marks', 'שלום 😀 cafe\u0301', null],
    ['a NUL', 'a\u0000b', 'nul'],
    ['a lone high surrogate', 'a\uD800b', 'lone_surrogate'],
    ['a lone high surrogate at the end', 'a\uD83D', 'lone_surrogate'],
    ['a lone low surrogate', '\uDC00x', 'lone_surrogate'],
    ['two highs then a low', '\uD800\uD800\uDC00', 'lone_surrogate'],
  ])('%s', (_name, s, problem) => {
    expect(textProblem(s)).toBe(problem);
    expect(isSafeText(s)).toBe(problem === null);
    expect(isSafeText(toSafeText(s))).toBe(true);
  });

  it('toSafeText removes NULs and replaces lone surrogates, keeping pairs', () => {
    expect(toSafeText('a\u0000b\uD800c😀\uDC00')).toBe('ab\uFFFDc😀\uFFFD');
  });

  it('findUnsafeText names the path of the first bad string, keys included, and survives deep nesting', () => {
    expect(findUnsafeText({ a: 'ok', b: [1, 'x', { c: 'y\u0000' }] })).toEqual({ field: 'b.2.c', problem: 'nul' });
    expect(findUnsafeText({ ['k\uD800']: 1 })).toEqual({ field: 'k\uFFFD', problem: 'lone_surrogate' });
    expect(findUnsafeText('\uDC00')).toEqual({ field: '', problem: 'lone_surrogate' });
    expect(findUnsafeText({ a: [1, true, null, 'fine'] })).toBeNull();
    let deep: unknown = 'bad\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnsafeText(deep)?.problem).toBe('nul');
  });
});

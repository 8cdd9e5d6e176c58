import { describe, expect, it } from 'vitest';
import { clipMiddle, clipText, graphemePrefix, graphemeSuffix } from './clip-text.js';

const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('clipText', () => {
  it.each([
    ['short text is kept', 'hello', 10, 'hello'],
    ['exactly the limit is kept', 'hello', 5, 'hello'],
    ['ASCII is cut with an ellipsis', 'hello world', 6, 'hello…'],
    ['an emoji at the cut is dropped whole, not halved', `${'a'.repeat(58)}😡 and more`, 60, `${'a'.repeat(58)}…`],
    ['a skin-tone emoji stays whole or goes whole', `ab👍🏽cd`, 6, 'ab…'],
    ['a flag (two regional indicators) is one grapheme', `x🇫🇷🇩🇪`, 6, 'x🇫🇷…'],
    ['a letter and its combining marks stay together', 'cafe\u0301 noir', 5, 'caf…'],
    ['a ZWJ family is one grapheme', `a👨‍👩‍👧b`, 5, 'a…'],
    ['99 emoji clipped to 150', '😀'.repeat(99), 150, `${'😀'.repeat(74)}…`],
    ['a limit below the ellipsis gives what fits', 'hello', 0, ''],
  ])('%s', (_name, text, max, expected) => {
    const out = clipText(text, max);
    expect(out).toBe(expected);
    expect(out.length).toBeLessThanOrEqual(max);
    expect(wellFormed(out)).toBe(true);
  });

  it('never leaves a lone surrogate, at every limit, for emoji at every position', () => {
    const text = `ab${'😀'.repeat(5)}c👍🏽d🇫🇷e`;
    for (let max = 0; max <= text.length + 1; max++) {
      const out = clipText(text, max);
      expect(out.length, `max ${max}`).toBeLessThanOrEqual(max);
      expect(wellFormed(out), `max ${max}: ${JSON.stringify(out)}`).toBe(true);
      expect(text.startsWith(out.replace(/…$/, '')), `max ${max}`).toBe(true);
    }
  });
});

describe('graphemePrefix and graphemeSuffix', () => {
  it('cut between graphemes and within the limit', () => {
    expect(graphemePrefix('😀😀😀', 3)).toBe('😀');
    expect(graphemeSuffix('😀😀😀', 3)).toBe('😀');
    expect(graphemeSuffix('abc', 2)).toBe('bc');
    expect(graphemePrefix('abc', 10)).toBe('abc');
    expect(graphemeSuffix('abc', 0)).toBe('');
  });
});

describe('clipMiddle', () => {
  it('keeps the start and the end, whole graphemes, within the limit', () => {
    const text = `${'😀'.repeat(10)}${'x'.repeat(100)}${'😡'.repeat(10)}`;
    const out = clipMiddle(text, 21);
    expect(out.length).toBeLessThanOrEqual(21);
    expect(out.startsWith('😀😀😀😀😀')).toBe(true);
    expect(out.endsWith('😡😡😡😡😡')).toBe(true);
    expect(out).toContain('\n');
    expect(wellFormed(out)).toBe(true);
    expect(clipMiddle('short', 21)).toBe('short');
  });
});

import { describe, expect, it } from 'vitest';
import { interpolate } from './interpolate.js';

describe('interpolate', () => {
  it.each([
    ['Hi {name}, case {case}.', { name: 'Ann', case: 'C-1' }, 'Hi Ann, case C-1.'],
    ['{n} minutes', { n: 4 }, '4 minutes'],
    ['{a}{a}', { a: 'x' }, 'xx'],
    ['Hi {name}', { name: '{case}', case: 'no' }, 'Hi {case}'],
    ['Hi {missing}', {}, 'Hi {missing}'],
    ['Hi {toString}', {}, 'Hi {toString}'],
  ])('%s', (template, values, out) => {
    expect(interpolate(template, values)).toBe(out);
  });
});

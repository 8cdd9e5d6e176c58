import { describe, expect, it } from 'vitest';
import { capsRatio, normalizeText, stem, tokenize } from './normalize.js';

describe('normalizeText', () => {
  it.each([
    ['Café RÉSUMÉ', 'cafe resume'],
    ['don\u2019t', "don't"],
    ['\u201cquoted\u201d', '"quoted"'],
  ])('%s -> %s', (input, expected) => expect(normalizeText(input)).toBe(expected));
});

describe('tokenize', () => {
  it('splits words, folds contractions and keeps numbers', () => {
    expect(tokenize("I don't have order #4821, OK?")).toEqual(['i', 'dont', 'have', 'order', '4821', 'ok']);
  });
  it('returns nothing for empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('?!... ')).toEqual([]);
  });
});

describe('stem', () => {
  it.each([
    ['refunded', 'refund'],
    ['refunds', 'refund'],
    ['refunding', 'refund'],
    ['lawyers', 'lawyer'],
    ['cancelled', 'cancel'],
    ['charges', 'charge'],
    ['stolen', 'stolen'],
    ['policies', 'policy'],
    ['card', 'card'],
    ['address', 'address'],
    ['status', 'status'],
  ])('%s -> %s', (word, expected) => expect(stem(word)).toBe(expected));
});

describe('capsRatio', () => {
  it('is 1 for shouting, 0 for lower case and for no letters', () => {
    expect(capsRatio('THIS IS UNACCEPTABLE')).toBe(1);
    expect(capsRatio('all quiet')).toBe(0);
    expect(capsRatio('123 !!!')).toBe(0);
  });
});

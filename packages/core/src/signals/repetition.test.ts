import { describe, expect, it } from 'vitest';
import { DEFAULT_REPETITION_THRESHOLD, findRepetition, findRepetitions, questionSimilarity } from './repetition.js';

/** Core has no DOM or Node types; the clock is only read here, to check linear time. */
const now = (): number => (globalThis as unknown as { performance: { now(): number } }).performance.now();

describe('questionSimilarity', () => {
  it.each([
    ['where is my order?', "where's my order??"],
    ['where is my order?', 'WHERE IS MY ORDER'],
    ['where is my order', 'Where is my order!!!'],
    ['where is my package', 'where is my parcel'],
    ['when will my order arrive', 'where is my order'],
    ['my order hasn’t arrived yet', 'where is my parcel'],
    ['I want a refund', 'can I get my money back'],
    ['I want to be reimbursed', 'refund please'],
    ['cancel my subscription', 'how do I stop my subscription'],
    ['my card was charged twice', 'I was double charged on my debit card'],
    ['my paymnet failed', 'my payment failed'],
    ['can I talk to a human', 'let me speak to an agent'],
    ['my app keeps crashing', 'the app crashes every time'],
  ])('paraphrase: %s ~ %s (>= 0.8)', (a, b) => {
    expect(questionSimilarity(a, b)).toBeGreaterThanOrEqual(0.8);
  });

  it.each([
    ['where is my order', 'how do I change my password'],
    ['I want a refund', 'how do I reset my password'],
    ['I was charged twice', 'refund my order'],
    ['reset password', 'where is my parcel'],
    ['my card was declined', 'my cart is empty'],
    ['can I talk to a human', 'where is my order'],
  ])('different: %s vs %s (< 0.3)', (a, b) => {
    expect(questionSimilarity(a, b)).toBeLessThan(0.3);
  });

  it.each([
    ['where is my order', 'cancel my order'],
    ['where is order 4821', 'where is order 5532'],
  ])('same topic, different question: %s vs %s (between 0.3 and the threshold)', (a, b) => {
    const s = questionSimilarity(a, b);
    expect(s).toBeGreaterThan(0.3);
    expect(s).toBeLessThan(DEFAULT_REPETITION_THRESHOLD);
  });

  it('is symmetric, bounded and deterministic', () => {
    const pairs: [string, string][] = [
      ['where is my order 4821', 'where is my order??'],
      ['my paymnet failed', 'payment failed again'],
    ];
    for (const [a, b] of pairs) {
      const s = questionSimilarity(a, b);
      expect(s).toBe(questionSimilarity(b, a));
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });

  it.each([
    ['', ''],
    ['??', '??'],
    ['hello', 'hello'],
    ['\ud800', 'where is my order'],
    ['😀', '😀'],
  ])('no content words: %j vs %j -> 0', (a, b) => {
    expect(questionSimilarity(a, b)).toBe(0);
  });
});

describe('findRepetition', () => {
  const earlier = ['hi', 'where is my order 4821?', 'it was supposed to come monday', 'can you check', 'hello??'];

  it('returns the earlier turn the customer is asking again', () => {
    const r = findRepetition("where's my parcel?? it still hasn't arrived", earlier);
    expect(r?.turnIndex).toBe(1);
    expect(r?.similarity).toBeGreaterThanOrEqual(DEFAULT_REPETITION_THRESHOLD);
  });

  it('returns null for a new question', () => {
    expect(findRepetition('how do I change my password', earlier)).toBeNull();
    expect(findRepetition('where is my order', [])).toBeNull();
  });

  it('prefers the most similar turn, and the latest on a tie', () => {
    expect(findRepetition('I want a refund', ['refund pls', 'where is my order', 'I want a refund'])?.turnIndex).toBe(2);
    expect(findRepetition('refund', ['refund', 'refund'])?.turnIndex).toBe(1);
  });

  it('honours the threshold', () => {
    const r = findRepetition('where is my order', ['cancel my order']);
    expect(r).toBeNull();
    expect(findRepetition('where is my order', ['cancel my order'], { threshold: 0.3 })?.turnIndex).toBe(0);
  });

  it('findRepetitions lists every repeat, oldest first, for "asked for the 3rd time"', () => {
    const turns = ['where is my order?', 'hello?', "where's my parcel", 'change my password'];
    expect(findRepetitions('WHERE IS MY ORDER', turns).map((r) => r.turnIndex)).toEqual([0, 2]);
  });

  it('never throws and stays linear on 100 kB', () => {
    const big = 'where is my order '.repeat(6000);
    const t = now();
    expect(findRepetition(big, ['\ud800'.repeat(100_000), 'a'.repeat(100_000), big])?.turnIndex).toBe(2);
    expect(now() - t).toBeLessThan(500);
  });
});

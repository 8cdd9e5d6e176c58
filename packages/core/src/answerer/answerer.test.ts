import { describe, it, expect } from 'vitest';
import { buildAnswerer } from './answerer.js';
import type { KbArticle } from './kb.js';

function article(id: string, questions: string[]): KbArticle {
  return { id, title: id.replace(/-/g, ' '), questions, tags: [], body: `About ${id}.` };
}

const kb: KbArticle[] = [
  article('reset-password', [
    'I forgot my password',
    'how do I reset my password',
    'cannot log in, password not working',
    'change my login password',
    'password reset link',
    'I need a new password',
    'my password is wrong and I am locked out',
    'how to recover my password',
  ]),
  article('track-order', [
    'where is my order',
    'track my package',
    'has my order shipped yet',
    'when will my parcel arrive',
    'order status please',
    'my delivery is late, where is it',
    'tracking number for my order',
    'I want to know where my shipment is',
  ]),
  article('refund-policy', [
    'can I get my money back',
    'what is your refund policy',
    'how long do refunds take',
    'I want a refund for my purchase',
    'return an item for a refund',
    'will you reimburse me',
    'refund timeline',
    'how do I request a refund',
  ]),
  article('opening-hours', [
    'what time do you open',
    'when are you open',
    'opening hours on sunday',
    'are you open on weekends',
    'what are your business hours',
    'when does the shop close',
    'holiday opening times',
    'what time do you close today',
  ]),
  article('payment-methods', [
    'which payment methods do you accept',
    'can I pay with paypal',
    'do you take credit cards',
    'is apple pay accepted',
    'can I pay by bank transfer',
    'payment options',
    'do you accept debit cards',
    'can I pay in instalments',
  ]),
];

describe('buildAnswerer', () => {
  const answerer = buildAnswerer(kb);

  it('exposes the articles by id', () => {
    expect([...answerer.articles.keys()]).toEqual(kb.map((a) => a.id));
  });

  it.each([
    ['i forgot the password to my account', 'reset-password'],
    ['where is my parcel, it has not arrived', 'track-order'],
    ['how do I get a refund', 'refund-policy'],
    ['are you open on sunday', 'opening-hours'],
    ['can i pay with a credit card', 'payment-methods'],
    ['wher is my ordr', 'track-order'],
  ])('maps the paraphrase %j to %s', (text, id) => {
    const r = answerer.answer(text);
    expect(r.articleId).toBe(id);
    expect(r.candidates[0]?.articleId).toBe(id);
  });

  it('ranks three distinct candidates, best first', () => {
    const r = answerer.answer('how long does a refund take');
    expect(r.candidates).toHaveLength(3);
    expect(new Set(r.candidates.map((c) => c.articleId)).size).toBe(3);
    const scores = r.candidates.map((c) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('is more confident on a close paraphrase than on an unrelated question', () => {
    const near = answerer.answer('how do i reset my password');
    const far = answerer.answer('who won the football world cup in 1998');
    expect(near.confidence).toBeGreaterThan(far.confidence);
    expect(far.confidence).toBeLessThan(0.6);
  });

  it('marks an unrelated question as out of scope, and a known one not', () => {
    expect(answerer.answer('recommend a good recipe for chocolate lasagna with zucchini').outOfScope).toBe(true);
    expect(answerer.answer('where is my order').outOfScope).toBe(false);
  });

  it('is deterministic: same KB and input give the same result', () => {
    const again = buildAnswerer(kb);
    for (const text of ['refund please', 'open hours?', 'xyzzy', 'pay with paypal']) {
      expect(again.answer(text)).toEqual(answerer.answer(text));
    }
  });

  it.each([
    ['empty', ''],
    ['whitespace', '   \n\t  '],
    ['punctuation', '?!?!...'],
    ['lone surrogate', 'where is \ud800 my order'],
    ['emoji and scripts', '😡 注文はどこ？ где мой заказ'],
    ['100 kB', 'where is my order '.repeat(6000)],
    ['control characters', '\u0000\u0001\u200b'],
  ])('never throws on %s input and returns a bounded confidence', (_name, text) => {
    const r = answerer.answer(text);
    expect(r.confidence).toBeGreaterThanOrEqual(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(r.articleId).not.toBeNull();
  });

  it('gives confidence 0 to an empty message', () => {
    expect(answerer.answer('').confidence).toBe(0);
    expect(answerer.answer('   ').confidence).toBe(0);
  });

  it('returns no article from an empty KB', () => {
    expect(buildAnswerer([]).answer('where is my order')).toEqual({
      articleId: null,
      confidence: 0,
      candidates: [],
      outOfScope: true,
    });
  });

  it('keeps the first of two articles with the same id', () => {
    const a = buildAnswerer([...kb, article('track-order', ['something else entirely'])]);
    expect(a.articles.size).toBe(kb.length);
    expect(a.articles.get('track-order')?.questions[0]).toBe('where is my order');
  });

  it('answers from a one-article KB without throwing', () => {
    const one = buildAnswerer([kb[0] as KbArticle]);
    expect(one.answer('forgot my password').articleId).toBe('reset-password');
    expect(one.answer('forgot my password').confidence).toBeGreaterThan(one.answer('pizza toppings').confidence);
  });
});

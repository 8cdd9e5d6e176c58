import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildAnswerer, parseKbArticle } from '@baton/core';
import type { KbArticle } from '@baton/core';

const KB_DIR = fileURLToPath(new URL('../../../../demo/kb/', import.meta.url));
const CATEGORIES = ['orders', 'delivery', 'returns', 'billing', 'account', 'product', 'technical'];

const files = readdirSync(KB_DIR)
  .filter((f) => f.endsWith('.md'))
  .sort();
const articles: KbArticle[] = files.map((f) => parseKbArticle(readFileSync(KB_DIR + f, 'utf8'), f));
const answerer = buildAnswerer(articles);

/** Customer questions written for this test: none is one of the articles' example phrasings. */
const IN_SCOPE: [string, string][] = [
  ['hi, my parcel still hasnt shown up, can you tell me where it is?', 'track-order'],
  ['how much do you charge for delivery in the uk', 'delivery-times-costs'],
  ['do you send orders to germany and are there customs charges', 'international-shipping'],
  ['I typed the wrong house number in my address for the order', 'change-delivery-address'],
  ['please cancel the order I just placed', 'cancel-order'],
  ['how many days do I get to return things', 'returns-policy'],
  ['how do i post back the item i want to return', 'start-a-return'],
  ['i sent my return back two weeks ago, still no refund', 'refund-timing'],
  ['do you take paypal', 'payment-methods'],
  ['my card was declined when I tried to pay', 'payment-declined'],
  ['where can I download a vat invoice for my order', 'invoice-receipt'],
  ['forgot my password and cant log in', 'reset-password'],
  ['I need to change the email address on my account', 'update-account-details'],
  ['i would like my account deleted please', 'delete-account'],
  ['is there a guarantee on the frying pan', 'product-care-warranty'],
  ['the teapot arrived cracked', 'damaged-faulty-item'],
  ['my promo code keeps saying it is invalid', 'discount-codes'],
  ['how can I find out how much is left on my gift card', 'gift-cards'],
  ['what time does customer service open on saturday', 'contact-opening-hours'],
  ['checkout keeps showing an error and wont let me pay', 'website-app-problems'],
  ['wheres my stuff', 'track-order'],
  ['can I pay with klarna', 'payment-methods'],
  ['I got the wrong item', 'damaged-faulty-item'],
  ['the app keeps crashing', 'website-app-problems'],
];

const UNRELATED = [
  "what's the capital of peru",
  'can you write me a poem',
  'tell me a joke about penguins',
  'book me a flight to paris',
  'how tall is mount everest',
];

describe('demo KB', () => {
  it('has 16-20 well-formed articles with ids matching file names', () => {
    expect(articles.length).toBeGreaterThanOrEqual(16);
    expect(articles.length).toBeLessThanOrEqual(20);
    for (const [i, a] of articles.entries()) {
      expect(`${a.id}.md`).toBe(files[i]);
      expect(a.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(CATEGORIES).toContain(a.category);
      expect(a.questions.length, a.id).toBeGreaterThanOrEqual(15);
      expect(a.questions.length, a.id).toBeLessThanOrEqual(25);
      const words = a.body.split(/\s+/).filter(Boolean).length;
      expect(words, a.id).toBeGreaterThanOrEqual(60);
      expect(words, a.id).toBeLessThanOrEqual(180);
      expect(a.body).not.toMatch(/\[[A-Z][A-Za-z ]+\]/);
    }
    expect(articles.find((a) => a.id === 'track-order')?.tags).toContain('order-status');
  });

  it('has no example phrasing in two articles', () => {
    const seen = new Map<string, string>();
    for (const a of articles) {
      for (const q of a.questions) {
        const key = q.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
        expect(seen.get(key), `"${q}" in ${a.id}`).toBeUndefined();
        seen.set(key, a.id);
      }
    }
  });

  it('uses no test question as an example phrasing', () => {
    const all = new Set(articles.flatMap((a) => a.questions.map((q) => q.toLowerCase())));
    for (const [q] of IN_SCOPE) expect(all.has(q.toLowerCase())).toBe(false);
  });

  it.each(IN_SCOPE)('answers %j with %s, confidently', (text, id) => {
    const r = answerer.answer(text);
    expect({ articleId: r.articleId, confident: r.confidence >= 0.6 }, `confidence ${r.confidence.toFixed(2)}`).toEqual({ articleId: id, confident: true });
  });

  it.each(UNRELATED)('is not confident about %j', (text) => {
    expect(answerer.answer(text).confidence).toBeLessThan(0.6);
  });
});

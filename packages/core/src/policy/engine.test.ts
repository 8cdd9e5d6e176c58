import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KbArticle } from '../answerer/kb.js';
import type { Conversation, Turn } from '../conversation.js';
import type { Decision } from './decision.js';
import { createEngine } from './engine.js';
import type { PolicyInput } from './policy.js';
import { resolvePolicy } from './policy.js';

/** A small shop's KB, written for these tests. */
const KB: KbArticle[] = [
  article('track-order', 'Track an order', [
    'where is my order',
    'track my package',
    'when will my parcel arrive',
    'has my order shipped yet',
    'what is the status of my delivery',
    'my order has not arrived',
  ]),
  article('reset-password', 'Reset your password', [
    'i forgot my password',
    'how do i reset my password',
    'cannot log in, password not working',
    'change my login password',
    'password reset link',
  ]),
  article('return-policy', 'Returns and refund policy', [
    'what is your return policy',
    'how many days do i have to return an item',
    'can i return something i bought on sale',
    'what is your refund policy',
    'do you accept returns without a receipt',
  ]),
  article('request-refund', 'Request a refund', [
    'i want a refund',
    'give me my money back',
    'refund my purchase',
    'i need a refund for my order',
    'please reimburse me',
  ]),
  article('lost-card', 'Lost or stolen card', [
    'i lost my card',
    'my card was stolen',
    'someone stole my wallet with my card',
    'block my stolen card',
    'i cannot find my card anywhere',
  ]),
  article('delivery-options', 'Delivery options', [
    'what shipping methods do you offer',
    'do you have express delivery',
    'how much does shipping cost',
    'do you ship internationally',
    'can i get next day delivery',
  ]),
];

function article(id: string, title: string, questions: string[]): KbArticle {
  return { id, title, questions, tags: [], body: `${title}: the answer.` };
}

const customer = (text: string, extra: Partial<Turn> = {}): Turn => ({ role: 'customer', text, ...extra });
const ai = (text: string, articleId?: string, extra: Partial<Turn> = {}): Turn => ({ role: 'ai', text, ...(articleId ? { articleId } : {}), ...extra });

function engine(policy: PolicyInput = {}) {
  return createEngine({ policy: resolvePolicy(policy), articles: KB });
}
const defaultEngine = engine();

function decide(turns: Turn[], conv: Partial<Conversation> = {}, e = defaultEngine): Decision {
  return e.decide({ turns, ...conv });
}
const codes = (d: Decision) => d.reasons.map((r) => r.code);

describe('answers simple questions from the KB', () => {
  it.each([
    ['where is my order?', 'track-order'],
    ['I forgot my password, how do I reset it', 'reset-password'],
    ['what is your refund policy?', 'return-policy'],
    ['do you offer express shipping', 'delivery-options'],
  ])('%s -> answer %s', (text, articleId) => {
    const d = decide([customer(text)]);
    expect(d.action).toBe('answer');
    expect(d.articleId).toBe(articleId);
    expect(d.reasons).toEqual([]);
    expect(d.confidence).toBeGreaterThanOrEqual(0.6);
  });
});

describe('explicit request for a human', () => {
  it.each(['let me talk to someone', 'I want a real person', 'is there an actual human here?', 'agent!!', 'stop, I want a representative'])('%s escalates', (text) => {
    const d = decide([customer(text)]);
    expect(d.action).toBe('escalate');
    expect(codes(d)).toContain('customer_request');
    expect(d.reasons[0]!.messageIndex).toBe(0);
  });
  it.each(["I don't need a person, just the link to reset my password", 'my agent number is 12'])('%s does not', (text) => {
    expect(codes(decide([customer(text)]))).not.toContain('customer_request');
  });

  it('offerChoiceForSimple offers a choice once on a simple topic, and the second request escalates', () => {
    const e = engine({ customerRequest: { offerChoiceForSimple: true } });
    const first = decide([customer('where is my order?'), ai('Here is how to track it.', 'track-order'), customer('can I talk to a person please')], {}, e);
    expect(first.action).toBe('offer_choice');
    expect(codes(first)).toEqual(['customer_request']);
    const second = decide(
      [customer('where is my order?'), ai('Here is how to track it.', 'track-order'), customer('can I talk to a person please'), ai('I can do this now, or connect you.', undefined, { action: 'offer_choice' }), customer('a person please')],
      {},
      e,
    );
    expect(second.action).toBe('escalate');
    expect(second.reasons[0]!.detail).toMatch(/again/);
  });

  it('offerChoiceForSimple still escalates at once on a sensitive topic', () => {
    const e = engine({ customerRequest: { offerChoiceForSimple: true } });
    const d = decide([customer('my card was stolen, let me talk to a person')], {}, e);
    expect(d.action).toBe('escalate');
    expect(codes(d)).toEqual(expect.arrayContaining(['customer_request', 'security']));
  });

  it('can be switched off', () => {
    const e = engine({ customerRequest: { enabled: false } });
    expect(codes(decide([customer('let me talk to a real person')], {}, e))).not.toContain('customer_request');
  });
});

describe('frustration', () => {
  it('escalates when upset, on the seed example', () => {
    const d = decide([customer("I've been waiting four weeks for my order #4821. I'm absolutely furious. This is not acceptable.")]);
    expect(d.action).toBe('escalate');
    expect(codes(d)).toContain('negative_sentiment');
    expect(['frustrated', 'upset']).toContain(d.sentiment.label);
    expect(d.signals.entities.some((e) => e.kind === 'order_number' && e.value.includes('4821'))).toBe(true);
  });
  it('does not escalate a calm question', () => {
    const d = decide([customer('where is my order?')]);
    expect(codes(d)).not.toContain('negative_sentiment');
    expect(['neutral', 'positive']).toContain(d.sentiment.label);
  });
  it('can be switched off', () => {
    const e = engine({ sentiment: { enabled: false } });
    const d = decide([customer("I've been waiting four weeks for my order. I'm absolutely furious. This is not acceptable.")], {}, e);
    expect(codes(d)).not.toContain('negative_sentiment');
  });
});

describe('keywords', () => {
  it.each([
    ['I will get my lawyers involved over this delivery', 'keyword'],
    ['this is a chargeback if you do not fix it', 'keyword'],
  ])('%s escalates with %s', (text, code) => {
    const d = decide([customer(text)]);
    expect(d.action).toBe('escalate');
    expect(codes(d)).toContain(code);
  });
  it('a keyword inside a simple FAQ is answered, not escalated', () => {
    const d = decide([customer('what is your refund policy?')]);
    expect(d.action).toBe('answer');
    expect(d.signals.keywords).toContain('refund');
  });
  it('an edited list is used, and a removed word no longer fires', () => {
    const e = engine({ keywords: { words: ['ombudsman'] } });
    expect(codes(decide([customer('I am writing to the ombudsman about my delivery')], {}, e))).toContain('keyword');
    expect(codes(decide([customer('this is a chargeback if you do not fix it')], {}, e))).not.toContain('keyword');
  });
});

describe('sensitive topics', () => {
  it('escalates a lost card from the words alone', () => {
    const d = decide([customer('I lost my card yesterday, what should I do?')]);
    expect(d.action).toBe('escalate');
    expect(codes(d)).toContain('security');
    expect(d.priority === 'high' || d.priority === 'critical').toBe(true);
  });
  it('escalates a question that matches a sensitive article, however it is worded', () => {
    const d = decide([customer('cannot find my card anywhere')]);
    expect(d.action).toBe('escalate');
    expect(codes(d)).toContain('security');
  });
  it('a disabled topic set lets the same question be answered', () => {
    const e = engine({ topics: { enabled: false } });
    const d = decide([customer('cannot find my card anywhere')], {}, e);
    expect(d.action).toBe('answer');
    expect(d.articleId).toBe('lost-card');
  });
});

describe('low confidence', () => {
  it('clarifies once, then escalates', () => {
    const first = decide([customer('something is off with my account')]);
    expect(first.action).toBe('clarify');
    expect(codes(first)).toEqual(['low_confidence']);
    const second = decide([customer('something is off with my account'), ai('Could you tell me a little more?', undefined, { action: 'clarify' }), customer('the item')]);
    expect(second.action).toBe('escalate');
    expect(codes(second)).toEqual(['low_confidence']);
    expect(second.reasons[0]!.detail).toMatch(/after 1 clarifying question/);
  });
  it('allows more clarifying questions when configured', () => {
    const e = engine({ confidence: { clarifyTimes: 2 } });
    const d = decide([customer('something is off with my account'), ai('Could you tell me a little more?', undefined, { action: 'clarify' }), customer('the item')], {}, e);
    expect(d.action).toBe('clarify');
  });
  it.each(['Hello', 'hi there!', 'Good morning'])('answers a bare greeting "%s" with a question, not a refusal', (text) => {
    const d = decide([customer(text)]);
    expect(d.action).toBe('clarify');
    expect(d.reasons).toEqual([]);
    expect(d.intent).toBe('greeting');
  });
  it('declines a question plainly outside the business', () => {
    const d = decide([customer('what is the capital of mongolia and how tall are giraffes')]);
    expect(d.action).not.toBe('answer');
    expect(d.action).not.toBe('escalate');
  });
  it('a higher threshold holds back an answer the default gives', () => {
    const text = 'has it shipped';
    const base = decide([customer(text)]);
    const strict = decide([customer(text)], {}, engine({ confidence: { threshold: 0.999 } }));
    expect(strict.action).not.toBe('answer');
    expect(base.confidence).toBe(strict.confidence);
  });
});

describe('repeated question', () => {
  it('escalates the same question the 3rd time, after two answers from one article', () => {
    const d = decide([
      customer('where is my order?'),
      ai('Track it here.', 'track-order'),
      customer('my parcel still has not arrived'),
      ai('Track it here.', 'track-order'),
      customer('when will my package get here??'),
    ]);
    expect(d.action).toBe('escalate');
    expect(codes(d)).toContain('repeated_question');
  });
  it('does not escalate the second asking, nor a new topic after two answers', () => {
    const second = decide([customer('where is my order?'), ai('Track it here.', 'track-order'), customer('when will my parcel arrive?')]);
    expect(codes(second)).not.toContain('repeated_question');
    const switched = decide([
      customer('where is my order?'),
      ai('Track it here.', 'track-order'),
      customer('my parcel has not arrived'),
      ai('Track it here.', 'track-order'),
      customer('how do I reset my password?'),
    ]);
    expect(codes(switched)).not.toContain('repeated_question');
    expect(switched.action).toBe('answer');
  });
  it('escalates after two failed attempts in a row', () => {
    const d = decide([
      customer('my order has not arrived'),
      ai('Track it here.', 'track-order', { failed: true }),
      customer('the tracking page errors'),
      ai('Try delivery options.', 'delivery-options', { failed: true }),
      customer('still nothing'),
    ]);
    expect(codes(d)).toContain('repeated_question');
  });
  it('a thank-you after two answers is not a repeat', () => {
    const d = decide([customer('where is my order?'), ai('Track it here.', 'track-order'), customer('has it shipped?'), ai('Track it here.', 'track-order'), customer('thanks, that helped')]);
    expect(codes(d)).not.toContain('repeated_question');
  });
});

describe('amount', () => {
  it('a refund over the threshold is high value, in any currency', () => {
    for (const text of ['I want a refund of $160 for my order', 'I need a refund for my order, it was €240']) {
      const d = decide([customer(text)]);
      expect(d.action).toBe('escalate');
      expect(codes(d)).toContain('high_value');
    }
  });
  it('under the threshold, or with no money context, it is not', () => {
    expect(codes(decide([customer('I want a refund of $40 for my order')]))).not.toContain('high_value');
    expect(codes(decide([customer('do you ship a $300 order internationally?')]))).not.toContain('high_value');
  });
  it('the threshold is configurable', () => {
    const e = engine({ amount: { threshold: 20 } });
    expect(codes(decide([customer('I want a refund of $40 for my order')], {}, e))).toContain('high_value');
  });
});

describe('customer tier', () => {
  it('a VIP with a simple FAQ is answered', () => {
    const d = decide([customer('where is my order?')], { customer: { tier: 'vip' } });
    expect(d.action).toBe('answer');
  });
  it('a VIP with anything else is escalated, one level higher', () => {
    const plain = decide([customer('let me talk to someone')]);
    const vip = decide([customer('let me talk to someone')], { customer: { tier: 'VIP' } });
    expect(vip.action).toBe('escalate');
    expect(codes(vip)).toContain('vip');
    const order = ['low', 'medium', 'high', 'critical'];
    expect(order.indexOf(vip.priority)).toBe(Math.min(3, order.indexOf(plain.priority) + 1));
  });
  it('a VIP with an unclear question goes to a person instead of a clarifying question', () => {
    const d = decide([customer('something is off with my account')], { customer: { tier: 'enterprise' } });
    expect(d.action).toBe('escalate');
    expect(codes(d)).toContain('vip');
  });
});

describe('high intent', () => {
  it('a demo or enterprise purchase goes to the sales queue', () => {
    const d = decide([customer('We would like to book a demo for our team of 200 people')]);
    expect(d.action).toBe('escalate');
    expect(codes(d)).toContain('high_intent');
    expect(d.signals.queue).toBe('sales');
  });
});

describe('priority', () => {
  it('is low for answers and higher for safety than for a plain request', () => {
    expect(decide([customer('where is my order?')]).priority).toBe('low');
    const safety = decide([customer('the charger you sold me caught fire and burned my hand')]);
    expect(safety.action).toBe('escalate');
    expect(safety.priority).toBe('critical');
  });
});

describe('robustness', () => {
  const e = defaultEngine;
  it('handles a conversation with no customer turn', () => {
    expect(e.decide({ turns: [] }).action).toBe('clarify');
    expect(e.decide({ turns: [ai('Hello!')] }).action).toBe('clarify');
  });
  it('never throws on arbitrary text, and is deterministic', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ role: fc.constantFrom('customer', 'ai', 'agent', 'system'), text: fc.string({ unit: 'grapheme', maxLength: 300 }) }), { maxLength: 6 }), (turns) => {
        const conv = { turns: turns as Turn[] };
        const a = e.decide(conv);
        const b = e.decide(conv);
        expect(a).toEqual(b);
        expect(a.confidence).toBeGreaterThanOrEqual(0);
        expect(a.confidence).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });
  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t  '],
    ['lone surrogates', '\ud800\udfff\ud800 where is my order'],
    ['emoji', '😡😡😡 📦❓'],
    ['100 kB', 'where is my order '.repeat(6000)],
    ['100 kB of one character', '!'.repeat(100_000)],
  ])('survives %s', (_name, text) => {
    const d = e.decide({ turns: [customer(text)] });
    expect(['answer', 'clarify', 'decline', 'escalate', 'offer_choice']).toContain(d.action);
  });
  it('every reason points at a real message', () => {
    const turns = [customer('where is my order?'), ai('Track it here.', 'track-order'), customer('this is useless, I want a real person NOW!!!')];
    const d = decide(turns);
    for (const r of d.reasons) {
      expect(r.messageIndex).toBeGreaterThanOrEqual(0);
      expect(r.messageIndex).toBeLessThan(turns.length);
      expect(r.detail.length).toBeGreaterThan(5);
    }
  });
});

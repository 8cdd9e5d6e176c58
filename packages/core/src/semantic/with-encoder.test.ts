import { describe, expect, it } from 'vitest';
import type { KbArticle } from '../answerer/kb.js';
import type { Conversation, Turn } from '../conversation.js';
import type { Engine } from '../policy/engine.js';
import { createEngine, engineTexts } from '../policy/engine.js';
import type { PolicyInput } from '../policy/policy.js';
import { resolvePolicy } from '../policy/policy.js';
import { ScriptedEncoder } from '../testing/scripted-encoder.js';
import { createEngineWithEncoder, decideMany, decideWithEncoder } from './with-encoder.js';

/** A small shop's KB, written for these tests. */
const KB: KbArticle[] = [
  article('delivery-times', 'Delivery times', [
    'how long does delivery take',
    'when will my order be delivered',
    'delivery time for standard shipping',
    'how many working days is delivery',
    'is next day delivery available',
  ]),
  article('reset-password', 'Reset your password', [
    'i forgot my password',
    'how do i reset my password',
    'cannot log in, password not working',
    'change my login password',
    'password reset link',
  ]),
  article('refund-timing', 'When will I get my refund?', [
    'how long do refunds take',
    'when will my refund arrive',
    'has my refund been processed',
    'how long until the money is back on my card',
    'refund timescale',
  ]),
  article('returns', 'Returns policy', [
    'what is your return policy',
    'how many days do i have to return an item',
    'can i return something i bought on sale',
    'do you accept returns without a receipt',
    'return window for gifts',
  ]),
  article('gift-cards', 'Gift cards', [
    'do you sell gift cards',
    'how do i use a gift card',
    'gift card balance',
    'can i buy a voucher for a friend',
    'my gift card code does not work',
  ]),
  { ...article('talk-to-us', 'Talk to our team', ['put me through to your team', 'i would like a callback', 'reach your staff', 'connect me please']), purpose: 'handoff' },
];

function article(id: string, title: string, questions: string[]): KbArticle {
  return { id, title, questions, tags: [], body: `${title}: the answer.` };
}

const customer = (text: string): Turn => ({ role: 'customer', text });
const ai = (articleId: string, action: Turn['action'] = 'answer'): Turn => ({ role: 'ai', text: `answer from ${articleId}`, articleId, action });
const conv = (...turns: Turn[]): Conversation => ({ turns });
const codes = (d: { reasons: { code: string }[] }) => d.reasons.map((r) => r.code);

// Paraphrases that share no content word, as the encoder would see them: one meaning.
const DELIVERY_PARAPHRASES = ['How long does delivery take?', 'If I order today, when will it arrive?', 'How many days is shipping?', 'Seriously, how long does shipping take?'];
const GROUPS = [
  [...DELIVERY_PARAPHRASES, 'how long does delivery take', 'when will my order be delivered'],
  ['I want to talk to a person', 'gimme someone who works there, not you'],
  ["I've been waiting for weeks and still nothing", 'so the parcel situation continues then'],
];

async function engineWith(encoder: ScriptedEncoder, policy: PolicyInput = {}): Promise<Engine> {
  return createEngineWithEncoder({ policy: resolvePolicy(policy), articles: KB }, encoder);
}

describe('the engine with a sentence encoder', () => {
  it('embeds the KB examples and the prototypes once, at build', async () => {
    const enc = new ScriptedEncoder(GROUPS);
    const engine = await engineWith(enc);
    expect(engine.semantic).toBe(true);
    expect(new Set(enc.asked)).toEqual(new Set(engineTexts(KB)));
  });

  it('skips the encoder when the lexical answer is sure, and asks for the message when it is not', async () => {
    const engine = await engineWith(new ScriptedEncoder(GROUPS));
    expect(engine.textsToEmbed(conv(customer('how do i reset my password')))).toEqual([]);
    expect(engine.textsToEmbed(conv(customer('If I order today, when will it arrive?')))).toEqual(['If I order today, when will it arrive?']);
  });

  it('asks for the earlier customer turns once the assistant has answered, for repetition', async () => {
    const engine = await engineWith(new ScriptedEncoder(GROUPS));
    const c = conv(customer(DELIVERY_PARAPHRASES[0]!), ai('delivery-times'), customer(DELIVERY_PARAPHRASES[1]!));
    expect(engine.textsToEmbed(c).sort()).toEqual([DELIVERY_PARAPHRASES[0]!, DELIVERY_PARAPHRASES[1]!].sort());
  });

  it('hands over when the same need comes back a third time in other words', async () => {
    const enc = new ScriptedEncoder(GROUPS);
    const engine = await engineWith(enc);
    const [q1, q2, q3] = DELIVERY_PARAPHRASES;
    const c = conv(customer(q1!), ai('delivery-times'), customer(q2!), ai('delivery-times'), customer(q3!));
    const d = await decideWithEncoder(engine, c, enc);
    expect(d.action).toBe('escalate');
    expect(codes(d)).toContain('repeated_question');
    expect(d.signals.semantic).toBe(true);
  });

  it('does not call two different needs a repetition', async () => {
    const enc = new ScriptedEncoder(GROUPS);
    const engine = await engineWith(enc);
    const c = conv(customer('How long does delivery take?'), ai('delivery-times'), customer('how do i use a gift card'), ai('gift-cards'), customer('i forgot my password'));
    const d = await decideWithEncoder(engine, c, enc);
    expect(codes(d)).not.toContain('repeated_question');
    expect(d.action).toBe('answer');
  });

  it('answers a paraphrase the words alone do not find', async () => {
    const enc = new ScriptedEncoder(GROUPS);
    const engine = await engineWith(enc);
    const d = await decideWithEncoder(engine, conv(customer('If I order today, when will it arrive?')), enc);
    expect(d.articleId).toBe('delivery-times');
  });

  it('reads a request for a person it has no rule for, as the prototypes do', async () => {
    const enc = new ScriptedEncoder(GROUPS);
    const engine = await engineWith(enc);
    const d = await decideWithEncoder(engine, conv(customer('gimme someone who works there, not you')), enc);
    expect(d.action).toBe('escalate');
    expect(codes(d)).toContain('customer_request');
  });

  it('hears frustration the lexicon misses, and escalates it on a second turn', async () => {
    const enc = new ScriptedEncoder(GROUPS);
    const engine = await engineWith(enc);
    const one = await decideWithEncoder(engine, conv(customer('so the parcel situation continues then')), enc);
    expect(one.sentiment.label).toBe('frustrated');
    const lexical = createEngine({ policy: resolvePolicy(), articles: KB }).decide(conv(customer('so the parcel situation continues then')));
    expect(lexical.sentiment.label).not.toBe('frustrated');
  });

  it('declines a message far from everything the KB covers, politely rather than with a clarifying question', async () => {
    const enc = new ScriptedEncoder(GROUPS);
    const engine = await engineWith(enc);
    const d = await decideWithEncoder(engine, conv(customer('write me a poem about the sea')), enc);
    expect(d.action).toBe('decline');
    expect(codes(d)).toEqual(['out_of_scope']);
  });

  it('falls back to the lexical decision when the encoder fails, and says so', async () => {
    const enc = new ScriptedEncoder(GROUPS);
    const engine = await engineWith(enc);
    enc.fail = true;
    const errors: string[] = [];
    const c = conv(customer('If I order today, when will it arrive?'));
    const d = await decideWithEncoder(engine, c, enc, (e) => errors.push(e.message));
    expect(errors).toEqual(['scripted failure']);
    expect(d).toEqual(createEngine({ policy: resolvePolicy(), articles: KB }).decide(c));
  });

  it('builds a lexical engine when the KB cannot be embedded', async () => {
    const enc = new ScriptedEncoder(GROUPS);
    enc.fail = true;
    const errors: Error[] = [];
    const engine = await createEngineWithEncoder({ policy: resolvePolicy(), articles: KB }, enc, (e) => errors.push(e));
    expect(engine.semantic).toBe(false);
    expect(errors).toHaveLength(1);
  });

  it('embeds the texts of many conversations in one call', async () => {
    const enc = new ScriptedEncoder(GROUPS);
    const engine = await engineWith(enc);
    let calls = 0;
    const counting = { name: enc.name, dimensions: enc.dimensions, embed: (t: readonly string[]) => (calls++, enc.embed(t)) };
    const convs = DELIVERY_PARAPHRASES.map((t) => conv(customer(t)));
    const ds = await decideMany(convs, () => engine, counting);
    expect(calls).toBe(1);
    expect(ds.map((d) => d.articleId)).toEqual(DELIVERY_PARAPHRASES.map(() => 'delivery-times'));
  });
});

describe('handoff articles', () => {
  it('a confident match to an article whose purpose is handoff is a request for a person', () => {
    const engine = createEngine({ policy: resolvePolicy(), articles: KB });
    const d = engine.decide(conv(customer('put me through to your team')));
    expect(d.action).toBe('escalate');
    expect(codes(d)).toEqual(['customer_request']);
  });
  it('an article most of whose questions ask for a person counts as one without the front matter', () => {
    const kb = [...KB.filter((a) => a.id !== 'talk-to-us'), article('contact-human', 'Contact a human agent', ['let me speak to a person', 'i want to talk to a human', 'connect me to a live agent', 'can i chat with a representative', 'where is the phone number'])];
    const d = createEngine({ policy: resolvePolicy(), articles: kb }).decide(conv(customer('talk to a human agent')));
    expect(codes(d)).toContain('customer_request');
  });
  it('a person declined in words is not a request, even near that article', () => {
    const engine = createEngine({ policy: resolvePolicy(), articles: KB });
    const d = engine.decide(conv(customer("I don't need a person, just tell me how long delivery takes")));
    expect(codes(d)).not.toContain('customer_request');
  });
});

describe('trigger words in context', () => {
  const engine = createEngine({ policy: resolvePolicy(), articles: KB });
  it.each([
    ['how long do refunds take?', 'refund-timing'],
    ['when will my refund arrive?', 'refund-timing'],
    ['what is your return policy for refunds on sale items?', 'returns'],
  ])('answers the plain question %j', (text, articleId) => {
    const d = engine.decide(conv(customer(text)));
    expect(d.action).toBe('answer');
    expect(d.articleId).toBe(articleId);
    expect(d.signals.mood).toBe('question');
  });
  it.each([
    'I want a refund for the broken kettle',
    'refund me now, the kettle is broken',
    'I was charged twice and want my money back',
    'still no refund after three weeks',
    'I want to make a complaint about your courier',
  ])('escalates the demand or dispute %j', (text) => {
    const d = engine.decide(conv(customer(text)));
    expect(d.action).toBe('escalate');
  });
  it('a word set to escalate even when asked about still does', () => {
    const strict = createEngine({ policy: resolvePolicy({ keywords: { answerWhenAsked: [] } }), articles: KB });
    const d = strict.decide(conv(customer('how long do refunds take?')));
    expect(d.action).toBe('answer'); // the topic rule still lets the plain question through
    const topicsToo = createEngine({
      policy: resolvePolicy({ keywords: { answerWhenAsked: [] }, topics: { definitions: resolvePolicy().topics.definitions.map((t) => ({ ...t, answerWhenAsked: false })) } }),
      articles: KB,
    });
    expect(topicsToo.decide(conv(customer('how long do refunds take?'))).action).toBe('escalate');
  });
});

describe('the offer of a choice', () => {
  const engine = createEngine({ policy: resolvePolicy({ customerRequest: { offerChoiceForSimple: true } }), articles: KB });
  const offered = (reply: string) =>
    engine.decide(conv(customer('how do i reset my password'), ai('reset-password'), customer('can I talk to a person instead'), { role: 'ai', text: 'offer', action: 'offer_choice' }, customer(reply)));

  it('carries the two buttons', () => {
    const d = engine.decide(conv(customer('how do i reset my password'), ai('reset-password'), customer('can I talk to a person instead')));
    expect(d.action).toBe('offer_choice');
    expect(d.quickReplies).toEqual([
      { id: 'self_serve', label: 'Help me now' },
      { id: 'human', label: 'Talk to a person' },
    ]);
  });
  it.each(['Help me now', 'You can help me now', 'right now please', 'go ahead', 'Ayúdame ahora'])('reads %j as letting the assistant go on', (reply) => {
    const d = offered(reply);
    expect(d.action).toBe('answer');
    expect(d.articleId).toBe('reset-password');
    expect(codes(d)).not.toContain('account_closure');
  });
  it.each(['Talk to a person', 'a person please', "I'll wait for someone", 'Hablar con una persona'])('reads %j as a request for a person', (reply) => {
    const d = offered(reply);
    expect(d.action).toBe('escalate');
    expect(codes(d)).toContain('customer_request');
  });
  it('treats a new question after the offer as a new question', () => {
    const d = offered('do you sell gift cards');
    expect(d.articleId).toBe('gift-cards');
    expect(d.action).toBe('answer');
  });
});

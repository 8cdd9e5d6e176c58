import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Turn } from '../conversation.js';
import { assessSentiment, scoreMessage, type SentimentCue, type SentimentLabel } from './sentiment.js';

const customer = (text: string, at?: number): Turn => (at === undefined ? { role: 'customer', text } : { role: 'customer', text, at });
const ai = (text: string, at?: number): Turn => (at === undefined ? { role: 'ai', text } : { role: 'ai', text, at });
const angry = (label: SentimentLabel): boolean => label === 'frustrated' || label === 'upset';

describe('scoreMessage labels', () => {
  it.each<[string, SentimentLabel]>([
    ["I've been waiting four weeks for my order #4821. I'm absolutely furious. This is not acceptable.", 'upset'],
    ['You people are useless idiots, I want my money back NOW!!!', 'upset'],
    ['This is fucking ridiculous, fix it or I will take my business elsewhere.', 'upset'],
    ['I am livid. Third time the delivery has been missed.', 'upset'],
    ['Thank you so much, that solved it!', 'positive'],
    ['Great service, really happy with the quick reply :)', 'positive'],
    ['What are your opening hours on Sunday?', 'neutral'],
    ['Can I change the delivery address of order 5521?', 'neutral'],
    ['I lost my card, what do I do?', 'neutral'],
    ['my payment was declined', 'neutral'],
    ['This is really annoying, the app keeps logging me out.', 'frustrated'],
    ["I'm fed up with waiting for this refund.", 'frustrated'],
  ])('%s -> %s', (text, label) => {
    expect(scoreMessage(text).label).toBe(label);
  });

  it.each<[string, SentimentLabel]>([
    ['f***ing useless website', 'upset'],
    ['what the f*** is going on with my order', 'upset'],
    ['this is bullsh*t', 'upset'],
    ['hi!there, where is my order', 'neutral'],
    ['I am so pissed off right now', 'upset'],
    ['ich bin stinksauer', 'upset'],
    ['vous êtes nuls', 'upset'],
    ["c'est inadmissible, j'en ai marre !", 'frustrated'],
    ['que palhaçada, ninguém me responde', 'frustrated'],
    ['¿Dónde está mi pedido?', 'neutral'],
  ])('masked swearing and other languages: %s -> %s', (text, label) => {
    expect(scoreMessage(text).label).toBe(label);
  });

  it.each([
    "I've made a horrible mistake! I sent money to the wrong account",
    'I lost my card, what do I do?',
    'my payment was declined',
    'Someone stole my wallet and my card was in it, please block it',
    'I think there is a fraudulent charge on my account',
    "I'm worried my parcel is lost, it's been a week",
    'Where is my damn parcel?',
  ])('an ordinary support problem is never upset: %s', (text) => {
    expect(scoreMessage(text).label).not.toBe('upset');
  });

  it('keeps the score within -1..1 and orders calm above angry', () => {
    const calm = scoreMessage('Thanks, that was perfect!').score;
    const cross = scoreMessage('This is annoying.').score;
    const furious = scoreMessage('I am FURIOUS, this is a DISGRACE, you are all useless!!!').score;
    expect(calm).toBeGreaterThan(0);
    expect(cross).toBeLessThan(0);
    expect(furious).toBeLessThan(cross);
    for (const s of [calm, cross, furious]) expect(Math.abs(s)).toBeLessThanOrEqual(1);
  });
});

describe('scoreMessage cues', () => {
  const cases: [string, SentimentCue, boolean][] = [
    ['WHY IS MY ORDER STILL NOT HERE', 'all_caps', true],
    ['THIS IS UNACCEPTABLE, CANCEL EVERYTHING', 'all_caps', true],
    ['I need a new PIN for the ATM', 'all_caps', false],
    ['Is my IBAN or SWIFT code needed for a SEPA transfer?', 'all_caps', false],
    ['This is broken again!!!', 'repeated_punctuation', true],
    ['Why is it still not working?!', 'repeated_punctuation', true],
    ['This is broken again.', 'repeated_punctuation', false],
    ['Thank you so much!!!', 'repeated_punctuation', false],
    ['What the fuck is going on with my order', 'profanity', true],
    ['this shit app crashed again', 'profanity', true],
    ['My order was delivered to the wrong address', 'profanity', false],
    ['so fucking happy with this, amazing', 'profanity', false],
    ['Great, just great. The parcel is lost again.', 'sarcasm', true],
    ['Thanks for nothing.', 'sarcasm', true],
    ['Oh perfect, it crashed again.', 'sarcasm', true],
    ['Great, thanks!', 'sarcasm', false],
    ['I love how fast you replied.', 'sarcasm', false],
    ['I love how my order is late again.', 'sarcasm', true],
    ['You are an idiot.', 'insult', true],
    ['What a bunch of clowns.', 'insult', true],
    ['I feel stupid, I forgot my password.', 'insult', false],
    ["I'm going to take my business elsewhere.", 'threat', true],
    ['I will never shop here again.', 'threat', true],
    ['See you in court.', 'threat', true],
    ['How do I close my account?', 'threat', false],
    ['How many times do I have to explain this?', 'exasperation', true],
    ["I'm sick and tired of this.", 'exasperation', true],
    ['Seriously? Are you kidding me?', 'exasperation', true],
    ['How many times can I use a disposable card?', 'exasperation', false],
    ['I am absolutely furious.', 'explicit_anger', true],
    ['I am not angry, just curious about the fee.', 'explicit_anger', false],
    ['hello?? is anyone there', 'impatience', true],
    ['This is terrible and disgusting service.', 'negative_lexicon', true],
    ['The service was quick.', 'negative_lexicon', false],
  ];
  it.each(cases)('%s -> %s: %s', (text, cue, present) => {
    expect(scoreMessage(text).cues.includes(cue)).toBe(present);
  });

  it.each([
    'WHY IS MY ORDER STILL NOT HERE',
    'This is broken again!!!',
    'What the fuck is going on with my order',
    'Great, just great. The parcel is lost again.',
    'How many times do I have to explain this?',
  ])('a message with an anger cue reads as frustrated or upset: %s', (text) => {
    expect(angry(scoreMessage(text).label)).toBe(true);
  });

  it('reads sincere and sarcastic "great" in opposite directions', () => {
    expect(scoreMessage('Great, thanks!').score).toBeGreaterThan(0);
    expect(scoreMessage('Great, just great. The parcel is lost again.').score).toBeLessThan(0);
  });

  it('treats profanity in a plain request as frustration, and aimed profanity as upset', () => {
    expect(scoreMessage('where can I find the damn tracking number').label).toBe('frustrated');
    expect(scoreMessage('fuck you and your useless company').label).toBe('upset');
  });

  it('lists each cue once, in a stable order', () => {
    const cues = scoreMessage('WTF, fuck this, you idiots!!! I am FURIOUS').cues;
    expect(new Set(cues).size).toBe(cues.length);
    expect(cues.indexOf('explicit_anger')).toBeLessThan(cues.indexOf('repeated_punctuation'));
  });
});

describe('scoreMessage robustness', () => {
  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t  '],
    ['emoji', '😡😡😡'],
    ['lone surrogate', '\ud800'],
    ['mixed scripts', 'Заказ не пришёл 注文が届かない 🤬'],
    ['punctuation only', '!?!?!?...'],
    ['100 kB of one word', 'a'.repeat(100_000)],
    ['100 kB of words', 'terrible service '.repeat(6_000)],
    ['100 kB of apostrophes', "a'".repeat(50_000)],
  ])('never throws on %s, and still reads the anger that follows it', (_name, text) => {
    const r = scoreMessage(text);
    expect(['positive', 'neutral', 'frustrated', 'upset']).toContain(r.label);
    expect(Number.isFinite(r.score)).toBe(true);
    expect(scoreMessage(`${text} I am absolutely furious, you useless idiots!!!`).label).toBe('upset');
  });

  it('reads empty input as neutral', () => {
    expect(scoreMessage('')).toEqual({ label: 'neutral', score: 0, cues: [] });
  });

  it('reads the angry emoji as negative', () => {
    expect(scoreMessage('😡😡😡').score).toBeLessThan(0);
  });

  it('is deterministic', () => {
    const text = 'Seriously?! This is the THIRD time. Useless.';
    expect(scoreMessage(text).score).toBeLessThan(0);
    expect(scoreMessage(text)).toEqual(scoreMessage(text));
    expect(assessSentiment([customer(text), ai('Sorry'), customer(text)])).toEqual(
      assessSentiment([customer(text), ai('Sorry'), customer(text)]),
    );
  });

  it('stays fast on 100 kB', () => {
    const big = 'why is this so slow!!! '.repeat(5_000);
    const start = performance.now();
    const r = scoreMessage(big);
    expect(performance.now() - start).toBeLessThan(200);
    expect(r.cues).toContain('repeated_punctuation');
  });
});

describe('assessSentiment', () => {
  it('is neutral and steady with no customer turn', () => {
    expect(assessSentiment([])).toEqual({ label: 'neutral', score: 0, turns: [], direction: 'steady', frustratedStreak: 0, cues: [] });
    expect(assessSentiment([ai('Hello, how can I help?')]).turns).toHaveLength(0);
    expect(assessSentiment([ai('Hello, how can I help?'), customer('You useless idiots!!!')]).label).toBe('upset');
  });

  it('reads one customer turn as scoreMessage does', () => {
    const text = "I'm fed up with waiting for this refund.";
    const r = assessSentiment([customer(text)]);
    expect(r.label).toBe(scoreMessage(text).label);
    expect(r.turns).toHaveLength(1);
    expect(r.direction).toBe('steady');
  });

  it('notices a tone that escalates over three turns', () => {
    const r = assessSentiment([
      customer('Hi, my parcel has not arrived yet.'),
      ai('It is on its way.'),
      customer('It was supposed to arrive last week, this is annoying.'),
      ai('Sorry about that.'),
      customer('This is ridiculous, I have been waiting for weeks and nobody helps me.'),
    ]);
    expect(r.cues).toContain('escalating_tone');
    expect(r.direction).toBe('worsening');
    expect(r.frustratedStreak).toBe(2);
    expect(r.turns.map((t) => t.label)).toEqual(['neutral', 'frustrated', 'frustrated']);
  });

  it('does not call a steady tone escalating', () => {
    const r = assessSentiment([
      customer('This is annoying.'),
      ai('Sorry.'),
      customer('This is annoying.'),
      ai('Sorry.'),
      customer('This is annoying.'),
    ]);
    expect(r.cues).not.toContain('escalating_tone');
  });

  it.each([
    ['useless', true],
    ["that's not what I asked", true],
    ['seriously?!', true],
    ['ok thanks', false],
    ['and how do I change my address?', false],
  ])('a short reply "%s" right after an AI answer is angry: %s', (text, expected) => {
    const r = assessSentiment([customer('How do I reset my password?'), ai('Go to settings and click reset.'), customer(text)]);
    expect(r.cues.includes('angry_follow_up')).toBe(expected);
    expect(angry(r.label)).toBe(expected);
  });

  it('does not call a short reply angry when it follows another customer turn', () => {
    const r = assessSentiment([customer('How do I reset my password?'), customer("that's not what I asked")]);
    expect(r.cues).not.toContain('angry_follow_up');
  });

  it('counts rapid follow-ups with no reply in between', () => {
    const r = assessSentiment([customer('where is my order??', 0), customer('hello??', 5_000), customer('is anyone there??', 12_000)]);
    expect(r.cues).toContain('rapid_follow_up');
    expect(angry(r.label)).toBe(true);
  });

  it.each<[string, Turn[]]>([
    ['far apart in time', [customer('where is my order??', 0), customer('hello??', 600_000), customer('is anyone there??', 1_200_000)]],
    ['without timestamps', [customer('where is my order??'), customer('hello??'), customer('is anyone there??')]],
    ['with a reply in between', [customer('where is my order??', 0), ai('Let me check.', 2_000), customer('hello??', 5_000)]],
  ])('does not count rapid follow-ups %s', (_name, turns) => {
    expect(assessSentiment(turns).cues).not.toContain('rapid_follow_up');
  });

  it('does not make a calm message split over lines frustrated', () => {
    const r = assessSentiment([customer('hi', 0), customer('my card', 3_000), customer('is lost', 6_000)]);
    expect(r.label).not.toBe('frustrated');
    expect(r.label).not.toBe('upset');
  });

  it('notices messages growing longer and more emotional', () => {
    const r = assessSentiment([
      customer('My refund is late.'),
      ai('Refunds take 5 days.'),
      customer('It has been three weeks, I have called four times, every agent tells me something different and I am honestly fed up with the whole thing and still have no money back.'),
    ]);
    expect(r.cues).toContain('growing_length');
  });

  it('does not call a longer but calm message growing', () => {
    const r = assessSentiment([
      customer('Where is my order?'),
      ai('It ships tomorrow.'),
      customer('Thanks, that is good to know. Could you also tell me whether I can change the delivery address to my office, which is at 12 Main Street?'),
    ]);
    expect(r.cues).not.toContain('growing_length');
  });

  it('reports an improving tone', () => {
    const r = assessSentiment([customer('This is ridiculous, nothing works!!'), ai('Let me fix that.'), customer('Thanks, that worked, great!')]);
    expect(r.direction).toBe('improving');
    expect(r.frustratedStreak).toBe(0);
    expect(r.label).toBe('positive');
  });

  it('counts the frustrated streak only up to the last turn', () => {
    const r = assessSentiment([
      customer('This is really annoying.'),
      ai('Sorry.'),
      customer('Thanks, all good now.'),
      ai('Glad to help.'),
      customer('Ugh, it broke again, this is so annoying.'),
      ai('Sorry.'),
      customer("I'm fed up with this."),
    ]);
    expect(r.frustratedStreak).toBe(2);
    expect(r.turns).toHaveLength(4);
  });

  it('ignores system turns when looking for the AI answer', () => {
    const r = assessSentiment([customer('How do I reset my password?'), ai('Go to settings.'), { role: 'system', text: 'rated' }, customer('useless')]);
    expect(r.cues).toContain('angry_follow_up');
  });
});

describe('sarcasm and sincere thanks', () => {
  it.each<[string, boolean]>([
    ['thanks, that worked!', false],
    ['Thank you so much for sorting this out', false],
    ['Thanks a lot, the refund is in my account', false],
    ['Great, thanks for letting me know', false],
    ['Oh great, that fixed it, thank you!', false],
    ['Wow, that was fast. Thanks!', false],
    ['thanks for nothing', true],
    ['wow, thanks a lot', true],
    ['Thanks a lot for cancelling my flight', true],
    ['Cheers for keeping me on hold for an hour', true],
    ['Great, charged twice again', true],
    ['Love being ignored', true],
    ['great service... not', true],
    ['Just great.', true],
  ])('"%s" is sarcasm: %s', (text, sarcastic) => {
    const r = scoreMessage(text);
    expect(r.cues.includes('sarcasm')).toBe(sarcastic);
    if (sarcastic) expect(angry(r.label)).toBe(true);
    else expect(r.label).toBe('positive');
  });
});

describe('plain questions about a problem are calm', () => {
  it.each([
    'my card was declined, why?',
    'the app keeps crashing when I log in',
    'how long do refunds take?',
    'I was charged twice',
    'My parcel shows as delivered but I cannot find it',
    'The box arrived damaged, how do I return it?',
    'Hi, could you check on my refund? It has been a week.',
    'I lost my card and need a new one',
    'Can I put my subscription on hold?',
  ])('"%s" is neither frustrated nor upset', (text) => {
    expect(angry(scoreMessage(text).label)).toBe(false);
  });
});

describe('complaint evidence', () => {
  it('names the patterns behind a complaint, in scoreMessage and assessSentiment', () => {
    expect(scoreMessage("Still no refund and it's been 3 weeks").evidence).toEqual(['waiting/still', 'waiting/elapsed_time']);
    expect(assessSentiment([customer('on hold for 40 minutes')]).evidence).toEqual(['on_hold/hold_time']);
  });

  it('is absent when no complaint pattern matched', () => {
    expect(scoreMessage('What are your opening hours?')).not.toHaveProperty('evidence');
    expect(assessSentiment([customer('This is really annoying.')])).not.toHaveProperty('evidence');
  });
});

describe('a problem that persists after an answer', () => {
  const answered = (text: string): Turn[] => [customer('My router keeps dropping the connection.'), ai('Please restart it and wait two minutes.'), customer(text)];

  it.each([
    "I did, it still doesn't work",
    'Again, the connection is dropping',
    'Same problem as before',
    'Still no connection',
  ])('"%s" right after an answer is frustrated', (text) => {
    const r = assessSentiment(answered(text));
    expect(r.cues).toContain('unresolved_after_answer');
    expect(r.label).toBe('frustrated');
  });

  it.each(['Thanks, it works again now', 'Ok, restarting it now', 'Can I still use the old router?'])(
    '"%s" right after an answer is not',
    (text) => {
      const r = assessSentiment(answered(text));
      expect(r.cues).not.toContain('unresolved_after_answer');
      expect(angry(r.label)).toBe(false);
    },
  );

  it('does not count when no answer came between', () => {
    const r = assessSentiment([customer('My router keeps dropping the connection.'), customer('Same problem as last week')]);
    expect(r.cues).not.toContain('unresolved_after_answer');
  });

  it('makes two frustrated turns in a row after two failed answers', () => {
    const r = assessSentiment([
      customer('Where is my refund?'),
      ai('Refunds take 5 working days.'),
      customer("It's been 3 weeks and still nothing"),
      ai('I can see it was issued, please wait a little longer.'),
      customer('Again, I still have not received it'),
    ]);
    expect(r.turns.map((t) => t.label)).toEqual(['neutral', 'frustrated', 'frustrated']);
    expect(r.frustratedStreak).toBe(2);
    expect(r.direction).not.toBe('improving');
  });
});

describe('scoreMessage on any input', () => {
  const CUES = new Set<string>([
    'explicit_anger', 'profanity', 'insult', 'threat', 'sarcasm', 'exasperation', 'impatience',
    'waiting', 'on_hold', 'asked_again', 'ignored', 'broken_promise', 'giving_up', 'disappointment',
    'negative_lexicon', 'all_caps', 'repeated_punctuation',
  ]);
  // Words the complaint patterns use, so that random messages actually reach them.
  const words = fc.constantFrom(
    'still', 'no', 'not', 'been', 'waiting', '3', 'weeks', 'on', 'hold', 'for', 'third', 'time',
    'thanks', 'nothing', 'great', 'just', 'you', 'promised', 'never', 'again', 'done', 'with',
    'Acme', 'asked', 'twice', 'already', 'so', 'much', 'why', 'is', 'it', '!!!', '?', ',', '.', '#fail',
    ':(', '😡', "didn't", 'a', 'lot', 'wow', 'nobody', 'replied', 'hours',
  );
  const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.array(words, { maxLength: 40 }).map((w) => w.join(' ')));

  it('gives a label, a score in -1..1, known cues once each, and family/name evidence', () => {
    fc.assert(
      fc.property(text, (t) => {
        const r = scoreMessage(t);
        expect(['positive', 'neutral', 'frustrated', 'upset']).toContain(r.label);
        expect(r.score).toBeGreaterThanOrEqual(-1);
        expect(r.score).toBeLessThanOrEqual(1);
        expect(new Set(r.cues).size).toBe(r.cues.length);
        for (const c of r.cues) expect(CUES.has(c)).toBe(true);
        for (const e of r.evidence ?? []) expect(e).toMatch(/^[a-z_]+\/[a-z_]+$/);
        expect(scoreMessage(t)).toEqual(r);
      }),
      { numRuns: 500 },
    );
  });
});

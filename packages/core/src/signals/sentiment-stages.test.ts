import { describe, expect, it } from 'vitest';
import { analyse, combine, labelOf, lexiconScores, matchRules, tokenise } from './sentiment-stages.js';

describe('tokenise', () => {
  it('lowercases, drops apostrophes and marks clause breaks and hashtags', () => {
    const t = tokenise("Still no refund, I'm done. #fail");
    expect(t.tokens).toEqual(['still', 'no', 'refund', 'im', 'done', 'fail']);
    expect(t.breakBefore).toEqual([false, false, false, true, false, true]);
    expect(t.hashtag).toEqual([false, false, false, false, false, true]);
  });

  it('reads names: capitalised mid-sentence or @-mentioned, not sentence starts', () => {
    const t = tokenise('Switching to Acme. Bye @telco and I mean it');
    expect(t.tokens.map((_, i) => t.isCapitalised(i))).toEqual([false, false, true, false, true, false, false, false, false]);
  });

  it('tells shouting from emphasis, and ignores acronyms', () => {
    expect(tokenise('WHY IS THIS STILL BROKEN').shouting).toBe(true);
    expect(tokenise('it is STILL broken').emphasised.has('still')).toBe(true);
    expect(tokenise('my PIN at the ATM').emphasised.size).toBe(0);
  });

  it('reads a long text as its head and tail', () => {
    const t = tokenise(`start ${'x '.repeat(50_000)}end`);
    expect(t.tokens[0]).toBe('start');
    expect(t.tokens.at(-1)).toBe('end');
    expect(t.tokens.length).toBeLessThan(4_000);
  });
});

describe('matchRules', () => {
  it('reports each complaint pattern as family/name, and covers its tokens', () => {
    const t = tokenise("I've been waiting 3 weeks and nobody replied");
    const hits = matchRules(t);
    expect(hits.evidence).toEqual(['waiting/elapsed_time', 'ignored/nobody_replied']);
    expect([...hits.cues].sort()).toEqual(['ignored', 'waiting']);
    expect(hits.complaints.get('waiting')).toBeLessThan(0);
    // "waiting 3 weeks" and "nobody replied" are covered; "been" and "and" are not.
    expect([...hits.covered]).toEqual([0, 0, 1, 1, 1, 0, 1, 1]);
  });

  it('prefers the longest match, then the lexicon rule on equal length', () => {
    // "still no reply" (ignored) is longer than "still no" (waiting).
    expect(matchRules(tokenise('still no reply')).evidence).toEqual(['ignored/no_reply']);
    // "never ordering from" is a threat in the lexicon and a giving-up pattern of the same
    // length: the lexicon's reading, as before, wins.
    expect([...matchRules(tokenise('never ordering from them')).cues]).toEqual(['threat']);
    expect([...matchRules(tokenise('never ordering again')).cues]).toEqual(['giving_up']);
  });

  it('leaves a token it only looks ahead at free for another rule', () => {
    // "3 weeks and" needs "nobody" after it, but does not consume it.
    expect(matchRules(tokenise('3 weeks and nobody replied')).evidence).toEqual(['waiting/elapsed_time', 'ignored/nobody_replied']);
  });

  it('holds back conditional rules and finds markers', () => {
    const hits = matchRules(tokenise('Could you check? Great service as always'));
    expect(hits.conditional.map((r) => r.evidence)).toContain('sarcasm/praise_service');
    expect(hits.markers.has('polite')).toBe(true);
  });

  it('fires a compound only in order: a promise, then what happened instead', () => {
    expect(matchRules(tokenise('You said it was fixed. It is not.')).evidence).toContain('broken_promise/promise_then_contradiction');
    expect(matchRules(tokenise('It is not fixed. You said to restart it.')).evidence).not.toContain('broken_promise/promise_then_contradiction');
  });

  it('uses the duration compound only where no waiting or hold pattern explained the message', () => {
    expect(matchRules(tokenise('Our internet has been off all week, nothing from you')).evidence).toEqual(['waiting/duration_with_failure']);
    expect(matchRules(tokenise('Waiting 3 weeks and nothing')).evidence).toEqual(['waiting/elapsed_time']);
    expect(matchRules(tokenise('Has it been off all week? Nothing shows')).evidence).toEqual([]);
  });

  it('counts "again" at the start only', () => {
    expect(matchRules(tokenise('Again, where is my refund?')).evidence).toContain('asked_again/again_at_start');
    expect(matchRules(tokenise('Where is my refund? Again, thanks.')).evidence).not.toContain('asked_again/again_at_start');
  });
});

describe('lexiconScores', () => {
  it('keeps words that only describe a problem apart from mood words', () => {
    const t = tokenise('the box was damaged and the card lost, this is infuriating');
    const lex = lexiconScores(t, matchRules(t));
    expect(lex.problemNeg).toBeLessThan(0);
    expect(lex.neg).toBeLessThan(lex.problemNeg);
    expect(lex.cues.has('explicit_anger')).toBe(true);
  });

  it('weighs a hashtag more than the same word in running text', () => {
    const plain = tokenise('what a fail');
    const tagged = tokenise('what a #fail');
    expect(lexiconScores(tagged, matchRules(tagged)).plainNeg + lexiconScores(tagged, matchRules(tagged)).neg).toBeLessThan(
      lexiconScores(plain, matchRules(plain)).plainNeg + lexiconScores(plain, matchRules(plain)).neg,
    );
  });

  it("includes wink's opinion", () => {
    const t = tokenise('ok :(');
    expect(lexiconScores(t, matchRules(t)).wink).toBeLessThan(0);
  });
});

describe('combine', () => {
  const run = (text: string) => {
    const t = tokenise(text);
    const hits = matchRules(t);
    return combine(t, hits, lexiconScores(t, hits));
  };

  it('never lets descriptive problem words alone reach frustrated', () => {
    for (const text of ['The item was damaged in transit and the box was crushed, the card lost and declined']) {
      expect(run(text).score).toBeGreaterThan(-0.2);
    }
  });

  it('softens a situation in a polite request, but does not ignore it', () => {
    const blunt = run("I've been waiting 3 weeks for my refund").score;
    const polite = run("Could you please check my refund? I've been waiting 3 weeks").score;
    expect(polite).toBeGreaterThan(blunt);
    expect(polite).toBeLessThan(0);
  });

  it('does not soften a heated message for its politeness', () => {
    expect(run('Could you PLEASE stop lying to me!!!').score).toBeLessThan(-0.5);
  });

  it('reads a positive opener before a complaint as sarcasm, and sincere praise as praise', () => {
    expect(run('Brilliant, charged twice again').cues.has('sarcasm')).toBe(true);
    expect(run('Brilliant, it works again').cues.has('sarcasm')).toBe(false);
    expect(run('Brilliant, it works again').score).toBeGreaterThan(0);
  });

  it('notes a problem that persists, unless it is now fixed', () => {
    expect(run('it still does not work').persisting).toBe(true);
    expect(run('same error as before').persisting).toBe(true);
    expect(run('can I still use my old card?').persisting).toBe(false);
    expect(run('it works again now, thanks').persisting).toBe(false);
  });
});

describe('labelOf', () => {
  it.each<[number, boolean, string[], string]>([
    [-0.9, true, [], 'upset'],
    [-0.9, false, [], 'frustrated'],
    [-0.2, false, [], 'frustrated'],
    [-0.19, false, [], 'neutral'],
    [0.5, false, [], 'positive'],
    [0.5, false, ['sarcasm'], 'neutral'],
  ])('%d, strong %s, cues %j -> %s', (score, strong, cues, label) => {
    expect(labelOf(score, strong, new Set(cues))).toBe(label);
  });
});

describe('analyse', () => {
  it('runs the stages end to end', () => {
    const a = analyse('Thanks for nothing, on hold for an hour');
    expect(a.cues.has('sarcasm')).toBe(true);
    expect(a.cues.has('on_hold')).toBe(true);
    expect(a.score).toBeLessThan(-0.5);
  });
});

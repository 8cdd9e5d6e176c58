import { describe, expect, it } from 'vitest';
import { compileTopics, DEFAULT_TOPICS, TopicDefinitionError, type TopicDefinition } from './topics.js';

const matcher = compileTopics(DEFAULT_TOPICS);
const reasons = (text: string) => matcher.match(text).map((m) => m.reason);

describe('default topics fire', () => {
  it.each([
    ['billing', 'I was charged me twice for one order'],
    ['billing', 'I got double charged'],
    ['billing', 'I need a refund for the broken kettle'],
    ['billing', 'how do i get a reinburse'],
    ['billing', 'I want my money back'],
    ['billing', 'the exchange rate you used for my payment was wrong'],
    ['billing', 'the ATM gave me less cash than I asked for'],
    ['billing', 'there is a problem with my payment'],
    ['security', 'I lost my card'],
    ['security', 'my wallet was stolen yesterday'],
    ['security', 'the ATM swallowed my card'],
    ['security', "there's a payment I don't recognise"],
    ['security', 'a direct debit I never set up'],
    ['security', 'somebody used my card without my permission'],
    ['security', 'I think my card details were compromised'],
    ['security', 'my account is blocked'],
    ['security', 'please freeze my account now'],
    ['security', "I can't verify my identity, it keeps failing"],
    ['security', 'I want to report fraud'],
    ['account_closure', 'please close my account'],
    ['account_closure', 'how do I delete my profile'],
    ['account_closure', 'I want to get rid of this account'],
    ['legal', 'my lawyer will be in touch'],
    ['legal', 'I am taking you to court'],
    ['legal', 'this is a GDPR subject access request'],
    ['health_safety', 'the charger caught fire'],
    ['health_safety', 'my son had an allergic reaction'],
    ['personal_safety', 'my ex is threatening me'],
    ['personal_safety', 'I want to kill myself'],
    ['accessibility', "I'm blind and use a screen reader"],
    ['accessibility', 'is the store wheelchair accessible?'],
    ['policy_exception', 'can you make an exception just this once'],
    ['policy_exception', "I know I'm past the return window"],
    ['complaint', 'I want to file a complaint'],
    ['complaint', 'how do I lodge a claim against your company'],
    ['complaint', 'i want to make a complant'],
  ])('%s: "%s"', (reason, text) => expect(reasons(text)).toContain(reason));
});

describe('default topics stay quiet on FAQs', () => {
  it.each([
    ['what is your refund policy?'],
    ['in which cases can I request a refund'],
    ['how do I cancel my order'],
    ['what payment methods do you accept'],
    ['I want to leave a review'],
    ['how do I verify my identity'],
    ['help me find my lost phone'],
    ['the airline lost my luggage'],
    ['will I be charged extra abroad?'],
    ['how do I change my PIN'],
    ['where is the nearest ATM'],
    ['what is the exchange rate for euros'],
    ['I do not know how to track my order'],
    ['please revert to the original settings'],
    ['real estate agents'],
    [''],
  ])('"%s"', (text) => expect(matcher.match(text)).toEqual([]));
});

const custom = (over: Partial<TopicDefinition>): TopicDefinition => ({
  id: 'custom',
  label: 'Custom',
  reason: 'policy_exception',
  enabled: true,
  words: [],
  phrases: [],
  patterns: [],
  ...over,
});

describe('compileTopics', () => {
  it('throws a typed error naming the topic and field on a bad regex', () => {
    const bad = [custom({ id: 'broken', patterns: ['ok', '(unclosed'] })];
    expect(() => compileTopics(bad)).toThrow(TopicDefinitionError);
    try {
      compileTopics(bad);
    } catch (err) {
      expect(err).toMatchObject({ code: 'POLICY_ERR_TOPIC_PATTERN', topicId: 'broken', field: 'patterns[1]' });
    }
  });

  it('validates exclude regexes too, even on a disabled topic', () => {
    expect(() => compileTopics([custom({ id: 'off', enabled: false, exclude: ['[z-a]'] })])).toThrow(
      expect.objectContaining({ code: 'POLICY_ERR_TOPIC_PATTERN', topicId: 'off', field: 'exclude[0]' }),
    );
  });

  it('uses admin-edited words with inflections, phrases with gaps, and patterns', () => {
    const m = compileTopics([custom({ words: ['voucher'], phrases: ['loyalty points expired'], patterns: ['\\bcode\\s+\\d{4}\\b'] })]);
    expect(m.match('two VOUCHERS')).toEqual([{ topicId: 'custom', reason: 'policy_exception', label: 'Custom', evidence: 'vouchers' }]);
    expect(m.match('my loyalty points have expired')[0]?.evidence).toBe('loyalty points have expired');
    expect(m.match('promo code 1234')[0]?.evidence).toBe('code 1234');
    expect(m.match('loyalty. points expired')).toEqual([]);
  });

  it('does not fire a disabled topic', () => {
    const defs = DEFAULT_TOPICS.map((t) => (t.id === 'complaint' ? { ...t, enabled: false } : t));
    expect(reasons('I want to file a complaint')).toContain('complaint');
    expect(compileTopics(defs).match('I want to file a complaint').map((m) => m.reason)).not.toContain('complaint');
  });

  it('lets an exclude veto the topic', () => {
    const m = compileTopics([custom({ words: ['refund'], exclude: ['refund policy', '^faq:'] })]);
    expect(m.match('refund please')).toHaveLength(1);
    expect(m.match('refund policy please')).toEqual([]);
    expect(m.match('faq: refund')).toEqual([]);
  });

  it('reports each topic once, in definition order', () => {
    const m = compileTopics([custom({ id: 'a', words: ['x'] }), custom({ id: 'b', words: ['y'] })]);
    expect(m.match('y x y x').map((t) => t.topicId)).toEqual(['a', 'b']);
  });
});

describe('robustness', () => {
  it.each([[''], ['  \t\n '], ['🙂 💳'], ['\ud800'], ['I lost my card. '.repeat(6_500)], ['a'.repeat(100_000)]])('never throws (%#)', (text) => {
    expect(() => matcher.match(text)).not.toThrow();
  });
  it('is deterministic', () => {
    const t = 'I lost my card and was charged twice, I will complain';
    expect(matcher.match(t)).toEqual(matcher.match(t));
    expect(reasons(t)).toEqual(['billing', 'security', 'complaint']);
  });
});

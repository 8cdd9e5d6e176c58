import { describe, expect, it } from 'vitest';
import { compileKeywords, DEFAULT_KEYWORDS, expandGroups } from './keywords.js';

const defaults = compileKeywords(DEFAULT_KEYWORDS);
const found = (text: string) => defaults.match(text).map((m) => m.keyword);

describe('compileKeywords (defaults)', () => {
  it.each([
    ['I want a refund', 'refund'],
    ['was it refunded yet?', 'refund'],
    ['two refunds please', 'refund'],
    ['my lawyers will hear of this', 'lawyer'],
    ['I will sue you', 'sue'],
    ['I sued them last year', 'sue'],
    ['we are suing', 'sue'],
    ['this is fraudulent', 'fraud'],
    ['a fraudster took it', 'fraud'],
    ['I filed a complaint', 'complaint'],
    ['COMPLAINTS department', 'complaint'],
    ['chargebacks are coming', 'chargeback'],
    ['disgraceful service', 'disgraceful'],
    ['is that legal?', 'legal'],
    ['Réfund now', 'refund'],
  ])('"%s" -> %s', (text, keyword) => expect(found(text)).toContain(keyword));

  it.each([
    ['I will pursue this'],
    ['there is an issue'],
    ['suede shoes'],
    ['too much legalese'],
    ['refundable ticket?'],
    ['Tom Sawyer'],
    ['where is my order'],
    [''],
  ])('"%s" matches nothing', (text) => expect(found(text)).toEqual([]));

  it('quotes the matched words as evidence and the configured keyword', () => {
    expect(defaults.match('My LAWYERS said so')).toEqual([{ keyword: 'lawyer', evidence: 'lawyers' }]);
  });

  it('reports each keyword once, in configuration order', () => {
    expect(found('fraud! refund, refund, lawyer')).toEqual(['refund', 'lawyer', 'fraud']);
  });
});

describe('compileKeywords (custom)', () => {
  const m = compileKeywords(['money back', 'cancel', '', '  ']);
  it.each([
    ['I want my money back', 'money back'],
    ['Cancelled it twice', 'cancel'],
  ])('"%s" -> %s', (text, keyword) => expect(m.match(text).map((x) => x.keyword)).toEqual([keyword]));
  it('does not match a phrase with words apart', () => expect(m.match('money is not back')).toEqual([]));
  it('ignores empty entries', () => expect(m.match('   ')).toEqual([]));
});

describe('compileKeywords (disowned)', () => {
  it.each([
    "I'm not going to sue anyone, I just want my parcel",
    "I don't want a refund, just a replacement",
    "I'm happy, no complaints",
    'no intention of suing, where is my order',
  ])('a keyword the customer disowns stays quiet: %s', (text) => expect(found(text)).toEqual([]));
  it.each([
    ['that is not legal', 'legal'],
    ['I got no refund', 'refund'],
    ["I don't want to sue, but I will if this goes on", 'sue'],
    ["I'm not going to sue unless you fix it", 'sue'],
  ])('a bare negation or a lead-in still fires: %s', (text, keyword) => expect(found(text)).toContain(keyword));
});

describe('expandGroups', () => {
  it('expands grouped multi-word alternatives', () => {
    expect(expandGroups('(do not|dont) know').map((s) => s.trim().replace(/\s+/g, ' '))).toEqual(['do not know', 'dont know']);
  });
  it('reads an unbalanced group as text', () => expect(expandGroups('a (b')[0]).toContain('b'));
});

describe('robustness', () => {
  it.each([[''], ['   '], ['🙂🙂'], ['\ud800'], ['refund'.padEnd(100_000, ' x')]])('never throws (%#)', (text) => {
    expect(() => defaults.match(text)).not.toThrow();
  });
  it('is deterministic', () => {
    const t = 'Refund or I sue, fraudsters!';
    expect(defaults.match(t)).toEqual(defaults.match(t));
    expect(found(t)).toEqual(['refund', 'sue', 'fraud']);
  });
});

import { describe, expect, it } from 'vitest';
import { BRIEF_PII_KINDS, findPii, ibanValid, maskPii, maskPiiDeep, parsePiiKinds, PII_KINDS } from './mask-pii.js';

describe('maskPii: what is masked', () => {
  it.each([
    // Cards, Luhn-valid, with every separator a customer types.
    ['card 4111 1111 1111 1111 ok', 'card •••• 1111 ok'],
    ['card 4111.1111.1111.1111 ok', 'card •••• 1111 ok'],
    ['card 4111-1111-1111-1111 ok', 'card •••• 1111 ok'],
    ['card 4111\u00a01111\u00a01111\u00a01111 ok', 'card •••• 1111 ok'],
    ['card 4111\u202f1111\u202f1111\u202f1111 ok', 'card •••• 1111 ok'],
    ['card 4111  1111  1111  1111 ok', 'card •••• 1111 ok'],
    ['card 4111111111111111 ok', 'card •••• 1111 ok'],
    ['amex 3782 822463 10005 ok', 'amex •••• 0005 ok'],
    // CVV and expiry: named, or right after the card.
    ['card 4111.1111.1111.1111 exp 12/27 cvv 123', 'card •••• 1111 exp ••/•• cvv •••'],
    ['4242 4242 4242 4242 12/27 123', '•••• 4242 ••/•• •••'],
    ['4242 4242 4242 4242, 123, 01/2030', '•••• 4242, •••, ••/••'],
    ['the security code: 4321, valid thru 03/2029', 'the security code: •••, valid thru ••/••'],
    ['CVC is 987', 'CVC is •••'],
    ['expires 7/28 on the old one', 'expires ••/•• on the old one'],
    // IBANs, checksummed, grouped or not, any case.
    ['IBAN DE89 3704 0044 0532 0130 00 thanks', 'IBAN DE•• •••• 3000 thanks'],
    ['iban GB82WEST12345698765432.', 'iban GB•• •••• 5432.'],
    ['pay to fr14 2004 1010 0505 0001 3m02 606', 'pay to FR•• •••• 2606'],
    // National ids.
    ['ssn 123-45-6789 please', 'ssn •••• 6789 please'],
    ['my social security number is 123456789', 'my social security number is •••• 6789'],
    ['NI number AB 12 34 56 C', 'NI number •••• 456C'],
    // Contact details.
    ['mail jo@example.com now', 'mail j•••@example.com now'],
    ['call +44 20 7946 0958 or (415) 555-0132', 'call •••• 0958 or •••• 0132'],
  ])('%s', (text, masked) => {
    expect(maskPii(text)).toBe(masked);
  });
});

describe('maskPii: what is left alone', () => {
  it.each([
    ['order numbers', 'where is order #4821? and order 123-45-6789 and orders 4821, 4822'],
    ['a long order number that is not a card', 'order 4111111111111111111 please'],
    ['a Luhn-invalid card', 'card 4242 4242 4242 4241 ok'],
    ['a number no card starts with', 'ref 1234 5678 1234 5670'],
    ['dates', 'delivered on 2026-11-03, or 03/11/2026, or the 18th, or Nov 3'],
    ['amounts', 'charged $1,299.50 and €89,99 and 1.299.000,00 EUR'],
    ['tracking numbers', 'tracking 1Z999AA10123456784 and RR123456789GB and 9400 1000 0000 0000 0000 00'],
    ['a bare 3-digit number far from any card', 'I tried 123 times'],
    ['an expiry-like fraction with no card and no cue', 'we meet on 12/27'],
    ['an IBAN with a wrong checksum', 'IBAN DE89 3704 0044 0532 0130 01'],
    ['an IBAN-shaped word of an unknown country', 'ZZ89 3704 0044 0532 0130 00'],
    ['SSNs the SSA never issues', 'codes 000-12-3456, 666-12-3456, 912-12-3456'],
    ['versions and error codes', 'app 4.12.1 on iOS 17.2 shows E1234 and 0x80070005'],
    ['odd text', '\ud800 😀 \u0000'],
  ])('%s', (_what, text) => {
    expect(maskPii(text)).toBe(text);
  });

  it('returns an empty string for empty or non-string input, and finds nothing', () => {
    expect(maskPii('')).toBe('');
    expect(maskPii(undefined as unknown as string)).toBe('');
    expect(findPii('')).toEqual([]);
    expect(findPii('jo@example.com', [])).toEqual([]);
  });
});

describe('maskPii: kinds chosen per channel', () => {
  const text = 'card 4111 1111 1111 1111 cvv 123, IBAN DE89 3704 0044 0532 0130 00, ssn 123-45-6789, jo@example.com, +44 20 7946 0958';

  it('masks only the kinds asked for', () => {
    expect(maskPii(text, ['email'])).toBe(text.replace('jo@example.com', 'j•••@example.com'));
    expect(maskPii(text, ['phone'])).toBe(text.replace('+44 20 7946 0958', '•••• 0958'));
    expect(maskPii(text, ['card'])).toBe(text.replace('4111 1111 1111 1111', '•••• 1111'));
    expect(maskPii(text, [])).toBe(text);
  });

  it('the brief kinds leave contact details for the agent', () => {
    expect(maskPii(text, BRIEF_PII_KINDS)).toBe('card •••• 1111 cvv •••, IBAN DE•• •••• 3000, ssn •••• 6789, jo@example.com, +44 20 7946 0958');
  });

  it('reports each span with its kind and offsets', () => {
    const spans = findPii(text);
    expect(spans.map((s) => s.kind)).toEqual(['card', 'card_security', 'iban', 'national_id', 'email', 'phone']);
    for (const s of spans) expect(text.slice(s.start, s.end)).not.toContain('•');
    expect(text.slice(spans[0]!.start, spans[0]!.end)).toBe('4111 1111 1111 1111');
  });

  it('never leaves the full number anywhere in the output', () => {
    const out = maskPii(text);
    for (const secret of ['4111 1111 1111 1111', '123,', '3704 0044', '123-45', 'jo@', '7946']) expect(out).not.toContain(secret);
  });

  it('masks every string of a JSON value, keys untouched', () => {
    const value = { 'jo@example.com': 'card 4111 1111 1111 1111', list: ['ssn 123-45-6789', 7, null, true], nested: { to: 'jo@example.com' } };
    expect(maskPiiDeep(value)).toEqual({ 'jo@example.com': 'card •••• 1111', list: ['ssn •••• 6789', 7, null, true], nested: { to: 'j•••@example.com' } });
    expect(maskPiiDeep(value, ['email']).list[0]).toBe('ssn 123-45-6789');
  });
});

describe('maskPii on hostile input', () => {
  it.each([
    ['emails', 'jo@example.com '.repeat(6_000)],
    ['phones and dates', 'call 555-123-4567 on 2026-01-01 '.repeat(3_000)],
    ['ssn-shaped ids after orders', 'order 123-45-6789 '.repeat(5_000)],
    ['cards and codes', '4111 1111 1111 1111 12/27 123 '.repeat(3_000)],
    ['iban-shaped runs', 'DE89 '.repeat(20_000)],
    ['short iban-shaped runs before punctuation', `${'DE89 3704 0044 0532 !'.repeat(2_000)}${'!'.repeat(60_000)}`],
  ])('stays fast on 100 kB of %s', (_what, text) => {
    const start = performance.now();
    const out = maskPii(text);
    expect(out.length).toBeGreaterThan(0);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

describe('ibanValid', () => {
  it.each([
    ['DE89370400440532013000', true],
    ['GB82 WEST 1234 5698 7654 32', true],
    ['NO9386011117947', true],
    ['DE89370400440532013001', false], // checksum
    ['DE8937040044053201300', false], // Germany has 22 characters
    ['XX89370400440532013000', false], // no such country
    ['DE89-3704', false],
  ])('%s → %s', (iban, ok) => {
    expect(ibanValid(iban)).toBe(ok);
  });
});

describe('parsePiiKinds', () => {
  it.each([
    ['all', { ok: true, kinds: [...PII_KINDS] }],
    ['none', { ok: true, kinds: [] }],
    ['', { ok: true, kinds: [] }],
    [' Email , card ', { ok: true, kinds: ['card', 'email'] }],
    ['card,ssn,iban', { ok: false, unknown: ['ssn'] }],
  ])('%j', (setting, result) => {
    expect(parsePiiKinds(setting)).toEqual(result);
  });
});

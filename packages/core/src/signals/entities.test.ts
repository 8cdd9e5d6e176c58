import { describe, expect, it } from 'vitest';
import type { EntityKind } from './entities.js';
import { extractEntities, luhnValid } from './entities.js';

/** Core has no DOM or Node types; the clock is only read here, to check linear time. */
const now = (): number => (globalThis as unknown as { performance: { now(): number } }).performance.now();

const ofKind = (text: string, kind: EntityKind) => extractEntities(text).filter((e) => e.kind === kind);
const values = (text: string, kind: EntityKind) => ofKind(text, kind).map((e) => e.value);

/**
 * Negative cases carry a control of the same kind after them, so that an extractor that finds
 * nothing at all fails: the control, and only the control, must come back.
 */
const CONTROLS: Record<EntityKind, [string, string]> = {
  order_number: ['order #99999', '99999'],
  invoice_number: ['invoice 77777', '77777'],
  email: ['ctl@ok.io', 'ctl@ok.io'],
  phone: ['+1 212 555 0100', '+12125550100'],
  amount: ['$7', '7.00'],
  account_id: ['acct 55555555', '55555555'],
  error_code: ['E9999', 'E9999'],
  version: ['version 9.9.9', '9.9.9'],
  browser: ['Firefox 99', 'Firefox 99'],
  device: ['Pixel 9', 'Pixel 9'],
  card_number: ['4242 4242 4242 4242', '•••• 4242'],
  tracking_number: ['1Z999AA10123456784', '1Z999AA10123456784'],
  date: ['2030-01-02', '2030-01-02'],
};
const onlyControl = (text: string, kind: EntityKind) => {
  const [control, value] = CONTROLS[kind];
  expect(values(`${text} | ${control}`, kind)).toEqual([value]);
};

describe('extractEntities: order and invoice numbers', () => {
  it.each([
    ['Where is order #4821?', '4821'],
    ['order 4821 has not arrived', '4821'],
    ['my order number is 00123842', '00123842'],
    ['Order ID: A1B2C3D4', 'A1B2C3D4'],
    ['I placed an order last week. #4821 still not here', '4821'],
    ['purchase 732201349959', '732201349959'],
    ['amazon order 112-1234567-1234567', '112-1234567-1234567'],
    ['booking ref ABC123456', 'ABC123456'],
    ['#55123 is late', '55123'],
  ])('%s -> order %s', (text, value) => {
    expect(values(text, 'order_number')).toEqual([value]);
  });

  it('carries the cue over a list', () => {
    expect(values('orders 4821 and 4822, #4823', 'order_number')).toEqual(['4821', '4822', '4823']);
  });

  it('gives invoices their own kind', () => {
    expect(values('invoice #85632', 'invoice_number')).toEqual(['85632']);
    expect(values('I got the invoice yesterday. #85632 is wrong', 'invoice_number')).toEqual(['85632']);
  });

  it.each([
    ['I ordered 2 cards'],
    ['order 4 weeks ago'],
    ['my order is late'],
    ['ticket #48213 is open'],
    ['set the colour to #ff0000'],
    ['I am the #1 fan'],
    ['reorder 4821'],
  ])('%s -> no order number', (text) => {
    onlyControl(text, 'order_number');
  });

  it('reports span offsets that slice back to the text', () => {
    const text = 'Hi, order #4821 please';
    const [e] = ofKind(text, 'order_number');
    expect(e && text.slice(e.start, e.end)).toBe('4821');
    expect(e?.text).toBe('4821');
  });
});

describe('extractEntities: emails', () => {
  it.each([
    ['email me at John.Doe@Example.COM.', 'john.doe@example.com'],
    ['a+tag@sub.domain.co.uk', 'a+tag@sub.domain.co.uk'],
  ])('%s -> %s', (text, value) => expect(values(text, 'email')).toEqual([value]));

  it.each([['me@localhost'], ['@handle'], ['a@b'], ['user@ domain.com']])('%s -> no email', (text) => {
    onlyControl(text, 'email');
  });
});

describe('extractEntities: phones', () => {
  it.each([
    ['call +44 20 7946 0958 please', '+442079460958'],
    ['my number (555) 123-4567', '5551234567'],
    ['555-123-4567', '5551234567'],
    ['+1 (555) 123-4567', '+15551234567'],
    ['call me on 07700 900123', '07700900123'],
    ['my phone number is 0612345678', '0612345678'],
  ])('%s -> %s', (text, value) => expect(values(text, 'phone')).toEqual([value]));

  it.each([
    ['order 555-123-4567'],
    ['delivered on 2026-11-03'],
    ['I paid $1,234,567'],
    ['back in 2024'],
    ['purchase 732201349959'],
    ['call me at 5 pm'],
    ['call me on 2026-11-03'],
  ])('%s -> no phone', (text) => onlyControl(text, 'phone'));
});

describe('extractEntities: amounts', () => {
  it.each([
    ['I was charged $160', 160, 'USD', '160.00'],
    ['that is 160 dollars', 160, 'USD', '160.00'],
    ['€89.99 for nothing', 89.99, 'EUR', '89.99'],
    ['1,299.50 EUR', 1299.5, 'EUR', '1299.50'],
    ['1.299,50 €', 1299.5, 'EUR', '1299.50'],
    ['89,99 €', 89.99, 'EUR', '89.99'],
    ['USD 40', 40, 'USD', '40.00'],
    ['usd 40', 40, 'USD', '40.00'],
    ['£12.50 postage', 12.5, 'GBP', '12.50'],
    ['US$12', 12, 'USD', '12.00'],
    ['CAD 75', 75, 'CAD', '75.00'],
    ['75 Canadian dollars', 75, 'CAD', '75.00'],
    ['5 bucks', 5, 'USD', '5.00'],
    ['¥5000', 5000, 'JPY', '5000.00'],
    ['₹499', 499, 'INR', '499.00'],
    ['20 quid', 20, 'GBP', '20.00'],
    ['a $5k invoice', 5000, 'USD', '5000.00'],
  ])('%s -> %d %s', (text, amount, currency, value) => {
    const [e, ...rest] = ofKind(text, 'amount');
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ amount, currency, value });
  });

  it('keeps money with no currency when a money verb labels it, with no currency', () => {
    const [e] = ofKind('you charged me 160.00 twice', 'amount');
    expect(e).toMatchObject({ amount: 160, value: '160.00' });
    expect(e?.currency).toBeUndefined();
  });

  it.each([
    ['I waited 4 weeks'],
    ['I have 2 cards'],
    ['order 4821'],
    ['try 5 times'],
    ['the box weighs 5 pounds'],
    ['version 2.3.1'],
    ['paid 160'],
  ])('%s -> no amount', (text) => onlyControl(text, 'amount'));
});

describe('extractEntities: account ids', () => {
  it.each([
    ['account ID AC-99812', 'AC-99812'],
    ['acct 12345678', '12345678'],
    ['customer id 7781', '7781'],
    ['my account number is 99887766', '99887766'],
    ['member #445566', '445566'],
  ])('%s -> %s', (text, value) => expect(values(text, 'account_id')).toEqual([value]));

  it.each([['my account is locked'], ['customer for 5 years'], ['account 2 days old'], ['customer since 2019']])(
    '%s -> no account id',
    (text) => onlyControl(text, 'account_id'),
  );
});

describe('extractEntities: error codes', () => {
  it.each([
    ['error 0x80070005 on update', '0x80070005'],
    ['it says E1234', 'E1234'],
    ['ERR_CONNECTION_RESET in the browser', 'ERR_CONNECTION_RESET'],
    ['NET::ERR_CERT_AUTHORITY_INVALID', 'NET::ERR_CERT_AUTHORITY_INVALID'],
    ['HTTP 500 error', 'HTTP 500'],
    ['I get a 404 not found', 'HTTP 404'],
    ['code 403', '403'],
    ['error code: 1001', '1001'],
    ['status 502', '502'],
    ['ENOENT when saving', 'ENOENT'],
  ])('%s -> %s', (text, value) => expect(values(text, 'error_code')).toEqual([value]));

  it.each([
    ['promo code SAVE20'],
    ['my verification code 123456'],
    ['zip code 90210'],
    ['there was an error'],
    ['MY_ORDER_LIST'],
    ['I was charged $500 error'],
  ])('%s -> no error code', (text) => onlyControl(text, 'error_code'));
});

describe('extractEntities: versions, browsers, devices', () => {
  it.each([
    ['version 2.3.1', '2.3.1'],
    ['on v5.1 now', '5.1'],
    ['iOS 17.2', 'iOS 17.2'],
    ['Android 14', 'Android 14'],
    ['app version 4.2', '4.2'],
    ['macos 14.1', 'macOS 14.1'],
    ['Windows XP', 'Windows XP'],
  ])('%s -> version %s', (text, value) => expect(values(text, 'version')).toEqual([value]));

  it.each([['this is a new version'], ['i love v'], ['Windows 11 laptop'], ['version control']])('%s -> no version', (text) =>
    onlyControl(text, 'version'),
  );

  it.each([
    ['Chrome 118', 'Chrome 118'],
    ['Google Chrome 118.0.5993.70', 'Chrome 118'],
    ['using firefox', 'Firefox'],
    ['on Safari', 'Safari'],
    ['Microsoft Edge', 'Edge'],
    ['Edge', 'Edge'],
    ['IE 11', 'Internet Explorer 11'],
  ])('%s -> browser %s', (text, value) => expect(values(text, 'browser')).toEqual([value]));

  it.each([['the edge of the box'], ['going on a safari'], ['a brave decision'], ['i.e. the thing'], ['Chrome OS 120'], ['Edge of the screen']])(
    '%s -> no browser',
    (text) => onlyControl(text, 'browser'),
  );

  it.each([
    ['iPhone 15', 'iPhone 15'],
    ['my iphone 15 pro max', 'iPhone 15 Pro Max'],
    ['Pixel 8', 'Pixel 8'],
    ['Samsung Galaxy S23', 'Samsung Galaxy S23'],
    ['galaxy s23 ultra', 'Galaxy S23 Ultra'],
    ['on my iPad', 'iPad'],
    ['MacBook Air', 'MacBook Air'],
    ['Windows 11 laptop', 'Windows 11 laptop'],
    ['a Dell laptop', 'Dell laptop'],
    ['android phones', 'Android phone'],
  ])('%s -> device %s', (text, value) => expect(values(text, 'device')).toEqual([value]));

  it.each([['pixel art'], ['the galaxy is big'], ['my phone'], ['apple pie']])('%s -> no device', (text) =>
    onlyControl(text, 'device'),
  );
});

describe('extractEntities: tracking numbers and dates', () => {
  it.each([
    ['tracking 1Z999AA10123456784', '1Z999AA10123456784'],
    ['1z999aa10123456784', '1Z999AA10123456784'],
    ['RR123456785GB', 'RR123456785GB'],
    ['tracking number is 784512369854', '784512369854'],
    ['9400111899223344556677', '9400111899223344556677'],
  ])('%s -> tracking %s', (text, value) => expect(values(text, 'tracking_number')).toEqual([value]));

  it.each([['tracking 1234'], ['track my order']])('%s -> no tracking number', (text) =>
    onlyControl(text, 'tracking_number'),
  );

  it.each([
    ['dispatched on the 18th', '---18'],
    ['due 2026-11-03', '2026-11-03'],
    ['since March 3', '--03-03'],
    ['3rd of March 2026', '2026-03-03'],
    ['18 Dec', '--12-18'],
    ['Jan 5, 2025', '2025-01-05'],
    ['25/12/2025', '2025-12-25'],
    ['12/25/2025', '2025-12-25'],
    ['03/04/2025', '03/04/2025'],
    ['May 2025', '2025-05'],
  ])('%s -> date %s', (text, value) => expect(values(text, 'date')).toEqual([value]));

  it.each([
    ['on the 3rd floor'],
    ['the 2nd time I ask'],
    ['I waited 4 weeks'],
    ['in 2024'],
    ['you may 2 of them'],
    ['2026-13-40'],
    ['version 1.2.34'],
  ])('%s -> no date', (text) => onlyControl(text, 'date'));
});

describe('extractEntities: overall', () => {
  it('finds every kind in one message, sorted by start, without overlaps', () => {
    const text =
      'Order #4821 for $160 from jo@x.io, call 555-123-4567. Chrome 118 on iPhone 15, iOS 17.2, error 0x80070005, since March 3.';
    const found = extractEntities(text);
    expect(found.map((e) => e.kind)).toEqual([
      'order_number', 'amount', 'email', 'phone', 'browser', 'device', 'version', 'error_code', 'date',
    ]);
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
    for (const e of found) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('is deterministic', () => {
    const text = 'order 4821, card 4242 4242 4242 4242, €89.99, +44 20 7946 0958';
    expect(extractEntities(text)).toEqual(extractEntities(text));
    expect(JSON.stringify(extractEntities(text))).toBe(JSON.stringify(extractEntities(`${text}`)));
  });

  it.each([[''], ['   '], ['\ud800'], ['😀😀 🎉'], ['\u0000\uffff'], ['#'], ['$'], ['@']])('never throws on %j', (text) => {
    expect(() => extractEntities(text)).not.toThrow();
    expect(extractEntities(text)).toEqual([]);
  });

  it.each([
    ['1'.repeat(100_000)],
    ['1.\u00a0'.repeat(33_000)],
    ['a@'.repeat(50_000)],
    ['1 '.repeat(50_000)],
    ['+1 '.repeat(33_000)],
    ['$1,'.repeat(33_000)],
    ['order 1'.repeat(14_000)],
    ['\ud800'.repeat(100_000)],
    ['x.'.repeat(50_000) + '@'],
    ['A_'.repeat(50_000)],
  ])('runs in linear time on adversarial 100 kB input (%#)', (text) => {
    const t = now();
    extractEntities(text);
    expect(now() - t).toBeLessThan(1000);
  });
});

describe('card numbers and masking', () => {
  it.each([
    ['4242 4242 4242 4242', true],
    ['4242424242424242', true],
    ['4242-4242-4242-4242', true],
    ['3782 822463 10005', true], // Amex 4-6-5
    ['5555555555554444', true],
    ['4242 4242 4242 4241', false], // Luhn fails
    ['1234567812345670', false], // Luhn-valid but no card starts with 1
    ['424 24242 4242 4242', false], // not a card grouping
    ['4111.1111.1111.1111', true], // dots
    ['4111\u00a01111\u00a01111\u00a01111', true], // no-break spaces
    ['4111  1111  1111  1111', true], // double spaces
    ['4111 - 1111 - 1111 - 1111', false], // three separator characters: not one number
    ['1.4111.1111.1111.1111', false], // a dotted number that does not start at a card's first digit
  ])('%s -> card %s', (text, isCard) => {
    // A known card follows each case, so an extractor that finds nothing fails the negatives too.
    const cards = ofKind(`my card ${text} thanks, or 4000 0566 5566 5556`, 'card_number');
    expect(cards.map((c) => c.value)).toEqual(
      isCard ? [`•••• ${text.replace(/\D/g, '').slice(-4)}`, '•••• 5556'] : ['•••• 5556'],
    );
    expect(cards.every((c) => c.masked)).toBe(true);
  });

  it('never stores the full number anywhere in the entity', () => {
    const [card] = ofKind('card 4242 4242 4242 4242', 'card_number');
    expect(JSON.stringify(card)).not.toMatch(/4242 4242|42424242/);
    expect(card?.text).toBe('•••• 4242');
  });

  it('finds the card inside a longer digit run of groups', () => {
    expect(values('4242 4242 4242 4242 12/27', 'card_number')).toEqual(['•••• 4242']);
  });

  it('luhnValid', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('12a4')).toBe(false);
  });
});

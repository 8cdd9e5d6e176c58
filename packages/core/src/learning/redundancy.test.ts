import { describe, expect, it } from 'vitest';
import type { BriefEntity } from '../brief/brief.js';
import type { RedundancyBrief } from './redundancy.js';
import { findCustomerRepeat, findRedundantAsk, firstReplyAddresses } from './redundancy.js';

const entity = (kind: BriefEntity['kind'], value: string): BriefEntity => ({ kind, value, messageIndex: 0, verified: false });

const brief: RedundancyBrief = {
  entities: [entity('order_number', '4821'), entity('email', 'sarah.jones@example.com'), entity('phone', '+447700900123'), entity('error_code', 'E1234'), entity('browser', 'Chrome 118')],
  headline: { customerName: 'Sarah Jones', accountId: 'AC-1001' },
  account: { customerId: 'cus-sarah' },
  intent: { summary: 'Wants to know where order #4821 is' },
};
const empty: RedundancyBrief = { entities: [] };

describe('findRedundantAsk', () => {
  it.each([
    ['what is your order number?', 'order_number', '4821'],
    ["Hi Sarah. What's the order number, please?", 'order_number', '4821'],
    ['Could you send me the order ID so I can look it up', 'order_number', '4821'],
    ['can you give me your email', 'email', 'sarah.jones@example.com'],
    ['Which email address did you sign up with?', 'email', 'sarah.jones@example.com'],
    ["I'll need your phone number to verify you.", 'phone', '+447700900123'],
    ['What is your account number?', 'account_id', 'AC-1001'],
    ['What error code do you see on screen? Which browser are you on?', 'error_code', 'E1234'],
    ['Which browser are you using?', 'browser', 'Chrome 118'],
    ['May I have your full name?', 'name', 'Sarah Jones'],
  ] as const)('%s asks for the %s the brief held', (text, field, value) => {
    const r = findRedundantAsk(text, brief);
    expect(r).toMatchObject({ field, value });
    expect(text).toContain(r!.phrase);
  });

  it.each([
    ['I can see order #4821 — is the address still 1 High St?'],
    ['Can you confirm your order number is 4821?'],
    ['Your order 4821 left our warehouse on the 18th.'],
    ["I've sent you an email with the return label, can you check it?"],
    ['Do you have another email address we could use?'],
    ['Is your phone number still 07700 900123?'],
    ['Thanks for waiting, I am looking into this now.'],
    ['What device are you using?'], // the brief holds no device
    [''],
  ])('%s is not redundant', (text) => {
    expect(findRedundantAsk(text, brief)).toBeNull();
  });

  it('asks for an order number are fine when the brief has none', () => {
    expect(findRedundantAsk('what is your order number?', empty)).toBeNull();
  });

  it('the account id comes from the headline, the entities or both', () => {
    expect(findRedundantAsk('What is your account ID?', { entities: [entity('account_id', 'AC-9')] })).toMatchObject({ field: 'account_id', value: 'AC-9' });
    expect(findRedundantAsk('What is your account ID?', { entities: [], headline: { accountId: 'AC-7' } })).toMatchObject({ value: 'AC-7' });
  });
});

describe('findCustomerRepeat', () => {
  const earlier = ['where is my order 4821', 'it was meant to arrive on Monday'];

  it('finds a restatement of an earlier turn in other words', () => {
    const r = findCustomerRepeat("my parcel 4821 still hasn't arrived, where is it?", earlier);
    expect(r?.turnIndex).toBe(0);
    expect(r!.similarity).toBeGreaterThanOrEqual(0.6);
  });

  it('is null for something new, a greeting or an empty transcript', () => {
    expect(findCustomerRepeat('can I also change my delivery address?', earlier)).toBeNull();
    expect(findCustomerRepeat('hello?', earlier)).toBeNull();
    expect(findCustomerRepeat('where is my order 4821', [])).toBeNull();
  });

  it('takes a threshold', () => {
    expect(findCustomerRepeat('where is my order 4821 please', earlier, { threshold: 1.01 })).toBeNull();
  });
});

describe('firstReplyAddresses', () => {
  it.each([
    ['Hi Sarah, I can see your order #4821 was dispatched on the 18th.', true],
    ['Hi Sarah, let me check where your parcel is now.', true],
    ['Hi Sarah, I am Alex.', false],
    ['Hi Sarah, what is your order number?', false],
    ['', false],
  ] as const)('%s → %s', (text, expected) => {
    expect(firstReplyAddresses(text, brief)).toBe(expected);
  });

  it('is false for a reply that shares nothing with a brief with no summary', () => {
    expect(firstReplyAddresses('Hi, how can I help?', empty)).toBe(false);
  });
});

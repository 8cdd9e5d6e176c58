import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInformationalQuestion, requestMood } from './request-mood.js';

describe('requestMood', () => {
  it.each([
    // Timing and terms, even about one's own case.
    'how long do refunds take?',
    'When will I get my refund?',
    'how many working days until the money is back',
    "what's your refund policy for sale items",
    'in which cases can I ask for my money back',
    'what happens if I return something after 30 days',
    'do you give refunds on gift cards',
    'is there a fee for paying by card',
    'How does the complaints process work?',
    // Asking to look something up.
    'help me check your reimbursement policy',
    'I need to see the delivery times',
    // Plain questions.
    'can I pay with paypal',
    'has my refund been processed',
    'Is the shop open on Sundays?',
    // Other languages.
    '¿cuánto tarda un reembolso?',
    'combien de temps prend un remboursement ?',
    'wie lange dauert eine Rückerstattung?',
    'quanto tempo demora o reembolso?',
    'quanto ci vuole per un rimborso?',
  ])('reads %j as a question', (text) => {
    expect(requestMood(text)).toBe('question');
    expect(isInformationalQuestion(text)).toBe(true);
  });

  it.each([
    'I want a refund for the broken kettle',
    'I need my money back today',
    'give me my money back',
    'refund me now',
    'please refund the second charge',
    'can you refund the delivery fee',
    'I would like to make a complaint about your driver',
    'how do I get a refund for my order',
    'I demand compensation',
    'quiero un reembolso',
    'je veux un remboursement',
    'ich will mein Geld zurück',
  ])('reads %j as a demand', (text) => {
    expect(requestMood(text)).toBe('demand');
    expect(isInformationalQuestion(text)).toBe(false);
  });

  it.each([
    'I was charged twice for the same order',
    'why was my card declined?',
    'Why has my top-up been reverted?',
    'still no refund after three weeks',
    'I never received my parcel',
    "I didn't get the right amount of cash",
    'there is an unauthorised charge on my statement',
    'my payment was declined again',
    'this is a scam',
  ])('reads %j as a dispute', (text) => {
    expect(requestMood(text)).toBe('dispute');
    expect(isInformationalQuestion(text)).toBe(false);
  });

  it.each(['refund', 'my order number is 4821', 'thanks', ''])('reads %j as a statement', (text) => {
    expect(requestMood(text)).toBe('statement');
  });

  it('never throws, and is deterministic, on any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        const a = requestMood(text);
        expect(['question', 'demand', 'dispute', 'statement']).toContain(a);
        expect(requestMood(text)).toBe(a);
      }),
    );
  });
});

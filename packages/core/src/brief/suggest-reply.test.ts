import { describe, expect, it } from 'vitest';
import type { SentimentLabel } from '../signals/sentiment.js';
import type { BriefIntent } from './brief.js';
import type { OrderRecord, VerifiedFact } from './context.js';
import { DAY_MS } from './dates.js';
import type { ReplyContext } from './suggest-reply.js';
import { firstName, suggestReply } from './suggest-reply.js';

const NOW = Date.UTC(2025, 10, 15, 12);
const daysAgo = (n: number) => new Date(NOW - n * DAY_MS).toISOString();
const intent = (rule: string, summary = ''): BriefIntent => ({ topics: [], summary, rule });
const fact = (o: Partial<OrderRecord>, orderId = '4821'): VerifiedFact => ({ kind: 'order', orderId, messageIndex: 1, order: { id: orderId, status: 'dispatched', ...o } });

function reply(over: Partial<ReplyContext>): string {
  return suggestReply({ customerName: 'Sarah Jones', intent: intent('fallback'), sentiment: 'neutral', entities: [], facts: [], now: NOW, staleScanDays: 7, ...over });
}

describe('firstName', () => {
  it.each([
    ['Sarah Jones', 'Sarah'],
    ['  Dr. Ann Lee ', 'Ann'],
    ['Mr Smith', 'Smith'],
    ['sarah@example.com', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s', (name, out) => {
    expect(firstName(name)).toBe(out);
  });
});

describe('suggestReply', () => {
  it.each<[string, Partial<ReplyContext>, string]>([
    ['stuck dispatched order', { facts: [fact({ dispatchedAt: daysAgo(28), lastScanAt: daysAgo(21) })], intent: intent('where_is_order'), sentiment: 'upset' },
      "Hi Sarah, I can see your order #4821 was dispatched on 18 October and hasn't had a tracking update since 25 October. I'm sorry about the wait — I'm looking into it now."],
    ['recent scan: no claim about updates', { facts: [fact({ dispatchedAt: daysAgo(3), lastScanAt: daysAgo(1) })] },
      "Hi Sarah, I can see your order #4821 was dispatched on 12 November. I'm looking into it now."],
    ['dispatched, date unknown', { facts: [fact({})] }, "Hi Sarah, I can see your order #4821 has been dispatched. I'm looking into it now."],
    ['last year gets the year', { facts: [fact({ dispatchedAt: '2024-12-30T10:00:00Z' })] }, "Hi Sarah, I can see your order #4821 was dispatched on 30 December 2024. I'm looking into it now."],
    ['delivered', { facts: [fact({ status: 'delivered' })] }, "Hi Sarah, I can see your order #4821 is marked as delivered. I'm looking into it now."],
    ['other status', { facts: [fact({ status: 'ON_HOLD' })] }, "Hi Sarah, I can see your order #4821 is currently on hold. I'm looking into it now."],
    ['no facts: restate the request', { intent: intent('refund', 'Wants a refund for a duplicate charge on order #8821'), sentiment: 'frustrated' },
      "Hi Sarah, I understand you'd like a refund for a duplicate charge on order #8821. I'm sorry about the trouble — I'm looking into it now."],
    ['pronouns become "you"', { intent: intent('unrecognised_payment', "Wants to dispute a payment they don't recognise") },
      "Hi Sarah, I understand you'd like to dispute a payment you don't recognise. I need to confirm a few details to verify your identity before we go further."],
    ['asides are dropped', { intent: intent('where_is_order', "Wants to know where order #1 is; says they've been waiting two weeks") },
      "Hi Sarah, I understand you'd like to know where order #1 is. I'm looking into it now."],
    ['asked for a person', { intent: intent('human', 'Wants to speak with a person'), customerName: undefined },
      "Hi, you're now talking to a person, and I have our whole conversation in front of me. I'm looking into it now."],
    ['nothing to restate', { intent: intent('fallback', 'In their words: "hm"') },
      "Hi Sarah, I've read through our conversation, so you won't need to repeat anything. I'm looking into it now."],
    ['upset on security', { intent: intent('lost_card', 'Wants to block a lost or stolen card'), sentiment: 'upset' as SentimentLabel },
      "Hi Sarah, I understand you'd like to block a lost or stolen card. I'm sorry about the trouble. I need to confirm a few details to verify your identity before we go further."],
  ])('%s', (_name, over, out) => {
    expect(reply(over)).toBe(out);
  });

  it('uses the business time zone for dates', () => {
    const late = fact({ dispatchedAt: '2025-10-18T23:30:00Z' });
    expect(reply({ facts: [late] })).toContain('dispatched on 18 October');
    expect(reply({ facts: [late], timeZone: 'Asia/Tokyo' })).toContain('dispatched on 19 October');
  });

  it('talks about the order the customer mentioned, not another lookup', () => {
    const facts = [fact({ status: 'delivered' }, '1000'), { ...fact({ status: 'processing' }, '2000'), messageIndex: 3 }];
    const entities = [{ kind: 'order_number' as const, value: '2000', messageIndex: 2, verified: true }];
    expect(reply({ facts, entities })).toContain('order #2000 is currently processing');
  });
});

import { describe, expect, it } from 'vitest';
import type { KbArticle } from '../answerer/kb.js';
import type { Conversation } from '../conversation.js';
import type { Decision } from '../policy/decision.js';
import { createEngine } from '../policy/engine.js';
import { resolvePolicy } from '../policy/policy.js';
import type { BriefInput } from './build-brief.js';
import { buildBrief } from './build-brief.js';
import type { CustomerProfile, VerifiedFact } from './context.js';
import { DAY_MS } from './dates.js';
import { renderBriefText } from './render-brief.js';

/** A tiny shop KB, written for these tests. */
const KB: KbArticle[] = [
  kb('track-order', 'Track an order', ['where is my order', 'track my package', 'when will my parcel arrive', 'has my order shipped yet', 'my order has not arrived', 'what is the status of my delivery']),
  kb('request-refund', 'Request a refund', ['i want a refund', 'give me my money back', 'refund my purchase', 'i need a refund for my order', 'please reimburse me']),
  kb('lost-card', 'Lost or stolen card', ['i lost my card', 'my card was stolen', 'block my stolen card', 'someone stole my wallet with my card']),
  kb('reset-password', 'Reset your password', ['i forgot my password', 'how do i reset my password', 'password reset link', 'cannot log in']),
];
const ARTICLES = new Map(KB.map((a) => [a.id, { id: a.id, title: a.title }]));
const engine = createEngine({ policy: resolvePolicy(), articles: KB });

function kb(id: string, title: string, questions: string[]): KbArticle {
  return { id, title, questions, tags: [], body: `${title}.` };
}

/** 2025-11-15 12:00 UTC. */
const NOW = Date.UTC(2025, 10, 15, 12, 0);
const WEEK = 7 * DAY_MS;

const SARAH: CustomerProfile = {
  id: 'cus_1',
  name: 'Sarah Jones',
  tier: 'standard',
  accountId: 'AC-1001',
  since: '2023-02-11',
  status: 'active',
  orders: [{ id: '4821', status: 'dispatched', placedAt: new Date(NOW - 5 * WEEK).toISOString(), dispatchedAt: new Date(NOW - 4 * WEEK).toISOString(), lastScanAt: new Date(NOW - 3 * WEEK).toISOString() }],
  tickets: [
    { caseNumber: 'C-9001', createdAt: new Date(NOW - 20 * DAY_MS).toISOString(), category: 'delivery', outcome: 'resolved' },
    { caseNumber: 'C-7000', createdAt: new Date(NOW - 200 * DAY_MS).toISOString(), category: 'billing' },
  ],
};
const ORDER_FACT: VerifiedFact = { kind: 'order', orderId: '4821', order: SARAH.orders![0]!, messageIndex: 1 };

function seed(): { input: BriefInput; decision: Decision } {
  const conversation: Conversation = {
    customer: { name: 'Sarah Jones', tier: 'standard' },
    turns: [{ role: 'customer', text: "I've been waiting four weeks for my order #4821. I'm absolutely furious. This is not acceptable.", at: NOW - 60_000 }],
  };
  const decision = engine.decide(conversation);
  return { decision, input: { caseNumber: 'C-10482', conversation, decision, customer: SARAH, facts: [ORDER_FACT], articles: ARTICLES, team: 'Support', now: NOW } };
}

describe('buildBrief: the seed example, end to end with the real engine', () => {
  const { input, decision } = seed();
  const brief = buildBrief(input);

  it('escalates, so the brief has reasons and a priority', () => {
    expect(decision.action).toBe('escalate');
    expect(brief.priority).toBe(decision.priority);
    expect(brief.reasons.map((r) => r.code)).toContain('negative_sentiment');
    expect(brief.reasons[0]).toMatchObject({ label: 'The customer is frustrated or upset', messageIndex: 0 });
  });

  it('heads with the customer, tier, account, team and the issue', () => {
    expect(brief.headline).toMatchObject({ customerName: 'Sarah Jones', tier: 'standard', accountId: 'AC-1001', team: 'Support' });
    expect(brief.headline.text).toBe("Sarah Jones (standard, AC-1001) → Support: Wants to know where order #4821 is; says they've been waiting four weeks");
  });

  it('carries the routing category it was sent under, and none when the caller gave none', () => {
    expect(buildBrief({ ...input, category: 'orders' }).category).toBe('orders');
    expect('category' in brief).toBe(false);
  });

  it('reads the customer as upset', () => {
    expect(['upset', 'frustrated']).toContain(brief.sentiment.label);
    expect(brief.sentiment.trend).toEqual([{ messageIndex: 0, label: brief.sentiment.label, score: decision.sentiment.score }]);
  });

  it('marks order 4821 verified, with its status', () => {
    expect(brief.entities).toEqual([{ kind: 'order_number', value: '4821', messageIndex: 0, verified: true, status: 'dispatched' }]);
  });

  it('lists the lookup as something the AI tried that worked', () => {
    expect(brief.attempts).toEqual([{ kind: 'tool', ref: 'order_lookup', title: 'Order lookup #4821 (dispatched)', messageIndex: 1, worked: true }]);
  });

  it('recommends a carrier trace for the stuck order', () => {
    expect(brief.nextSteps[0]).toBe('Open a carrier trace for order #4821: no tracking update for 21 days');
  });

  it('suggests a first reply naming Sarah and stating only the verified facts', () => {
    expect(brief.suggestedReply).toBe(
      "Hi Sarah, I can see your order #4821 was dispatched on 18 October and hasn't had a tracking update since 25 October. I'm sorry about the wait — I'm looking into it now.",
    );
  });

  it('summarises the account with tenure and only the recent tickets', () => {
    expect(brief.account).toMatchObject({ tier: 'standard', status: 'active', since: '2023-02-11', tenureMonths: 33, orderCount: 1, ticketWindowDays: 90 });
    expect(brief.account?.recentTickets.map((t) => t.caseNumber)).toEqual(['C-9001']);
  });

  it('keeps the transcript with labels, names and timestamps', () => {
    expect(brief.transcript).toEqual([{ index: 0, role: 'Customer', name: 'Sarah Jones', text: input.conversation.turns[0]!.text, at: '2025-11-15T11:59:00.000Z' }]);
  });

  it('scores completeness from the fields that are filled', () => {
    expect(brief.missingContext).toEqual([]);
    expect(brief.contextCompleteness).toBe(1);
  });

  it('is plain JSON: it survives a round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(brief))).toEqual(brief);
  });

  it('renders as text with the priority first and everything an agent needs', () => {
    const text = renderBriefText(brief);
    expect(text.split('\n')[0]).toBe(`${brief.priority.toUpperCase()} priority · Case C-10482`);
    for (const part of ['order #4821 ✓ verified, dispatched', '✓ Order lookup #4821', 'Open a carrier trace', 'Hi Sarah,', 'Sentiment: upset', 'tickets in last 90 days: C-9001']) {
      expect(text).toContain(part);
    }
  });
});

describe('buildBrief: PII', () => {
  const CARD = '4111 1111 1111 1111';
  const conversation: Conversation = {
    turns: [
      { role: 'customer', text: `My card ${CARD} was stolen, let me talk to a person now` },
      { role: 'agent', text: `Thanks, I see the card ending ${CARD.slice(-4)}` },
    ],
  };
  const decision = engine.decide(conversation);
  const brief = buildBrief({
    caseNumber: 'C-1',
    conversation,
    decision: { ...decision, reasons: [...decision.reasons, { code: 'customer_request', detail: `asked for a person: "${CARD}"`, messageIndex: 0 }] },
    customer: { id: 'c', tickets: [{ caseNumber: 'C-0', createdAt: '2025-11-01', summary: `card ${CARD} blocked` }] },
    now: NOW,
  });

  it('masks card numbers in every string, reason details and provider data included', () => {
    const json = JSON.stringify(brief);
    expect(json).not.toMatch(/4111[ -]?1111/);
    expect(json).toContain('•••• 1111');
    expect(brief.reasons.at(-1)?.detail).toBe('asked for a person: "•••• 1111"');
    expect(brief.account?.recentTickets[0]?.summary).toBe('card •••• 1111 blocked');
  });

  it('still escalates on security and says what to do first', () => {
    expect(brief.reasons.map((r) => r.code)).toContain('security');
    expect(brief.nextSteps[0]).toBe("Freeze the card and confirm the customer's identity before discussing account details");
    expect(brief.intent.summary).toBe('Wants to block a lost or stolen card');
  });
});

describe('buildBrief: what the AI tried', () => {
  it('names articles by title and marks the one that did not help', () => {
    const conversation: Conversation = {
      turns: [
        { role: 'customer', text: 'how do I reset my password' },
        { role: 'ai', text: 'Use the reset link.', articleId: 'reset-password', action: 'answer' },
        { role: 'customer', text: "That didn't help, I still can't log in. Let me talk to a person" },
      ],
    };
    const decision = engine.decide(conversation);
    const brief = buildBrief({ caseNumber: 'C-2', conversation, decision, articles: ARTICLES, now: NOW, authorNames: [undefined, 'Baton'] });
    expect(decision.action).toBe('escalate');
    expect(brief.attempts).toEqual([{ kind: 'article', ref: 'reset-password', title: 'Reset your password', messageIndex: 1, worked: false }]);
    expect(brief.transcript[1]).toMatchObject({ role: 'AI', name: 'Baton' });
    expect(brief.headline.text).toBe('Unknown customer: Wants to get back into their account');
    expect(brief.account).toBeNull();
  });
});

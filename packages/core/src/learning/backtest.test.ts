import { describe, expect, it } from 'vitest';
import { buildAnswerer } from '../answerer/answerer.js';
import type { KbArticle } from '../answerer/kb.js';
import type { Conversation } from '../conversation.js';
import { createEngine } from '../policy/engine.js';
import type { PolicyInput } from '../policy/policy.js';
import { resolvePolicy } from '../policy/policy.js';
import type { BacktestInput } from './backtest.js';
import { runBacktest } from './backtest.js';
import { memoizeAnswerer } from './memoize-answerer.js';

const article = (id: string, title: string, questions: string[], category?: string): KbArticle => ({ id, title, questions, tags: [], body: `${title}.`, ...(category ? { category } : {}) });

/** A small shop's KB, written for these tests. */
const KB: KbArticle[] = [
  article('track-order', 'Track an order', ['where is my order', 'track my package', 'when will my parcel arrive', 'has my order shipped yet', 'what is the status of my delivery']),
  article('reset-password', 'Reset your password', ['i forgot my password', 'how do i reset my password', 'password reset link', 'change my login password']),
  article('opening-hours', 'Opening hours', ['when are you open', 'what are your opening hours', 'are you open on sunday', 'what time do you close']),
  article('delivery-options', 'Delivery options', ['what shipping methods do you offer', 'do you have express delivery', 'how much does shipping cost']),
];
const answerer = memoizeAnswerer(buildAnswerer(KB));
const engine = (p: PolicyInput = {}) => createEngine({ policy: resolvePolicy(p), answerer });
const convo = (id: string, ...texts: string[]): BacktestInput => ({ id, conversation: { id, turns: texts.map((text) => ({ role: 'customer' as const, text })) } });

const ITEMS: BacktestInput[] = [
  convo('order', 'where is my order'),
  convo('password', 'how do i reset my password'),
  convo('human', 'let me talk to a real person'),
  convo('lawyer', 'my lawyer will hear about this'),
  convo('hours', 'when are you open'),
  convo('vague', 'the thing'),
];

describe('runBacktest', () => {
  it('reports no change when the policies are the same', () => {
    const r = runBacktest(ITEMS, { current: engine(), proposed: engine() });
    expect(r.total).toBe(6);
    expect(r.flips).toEqual([]);
    expect(r.delta.handoffRate).toBe(0);
    expect(r.current).toEqual(r.proposed);
    expect(r.current.handoffs).toBeGreaterThanOrEqual(2);
    expect(r.current.byAction.escalate).toBe(r.current.handoffs);
    expect(r.slaRisk).toBeNull();
  });

  it('names every conversation that flips, with the reasons added and removed', () => {
    const r = runBacktest(ITEMS, { current: engine(), proposed: engine({ customerRequest: { enabled: false }, keywords: { words: ['lawyer', 'open'] } }) });
    const human = r.flips.find((f) => f.id === 'human');
    expect(human).toMatchObject({ from: 'escalate', handoff: 'removed' });
    expect(human!.reasonsRemoved).toContain('customer_request');
    expect(human!.detail).toMatch(/no longer: asked for a person/);
    expect(human!.text).toBe('let me talk to a real person');
    // "open" is a keyword now, but "when are you open" is a simple FAQ: keywords do not escalate those.
    expect(r.flips.some((f) => f.id === 'hours')).toBe(false);
    expect(r.delta.handoffs).toBe(r.proposed.handoffs - r.current.handoffs);
    expect(r.delta.handoffs).toBeLessThan(0);
    expect(r.proposed.rate).toBeCloseTo(r.proposed.handoffs / 6, 4);
  });

  it('counts actions the AI no longer answers when the confidence threshold rises', () => {
    const r = runBacktest(ITEMS, { current: engine(), proposed: engine({ confidence: { threshold: 0.999 } }) });
    expect(r.proposed.notAnswered).toBeGreaterThan(r.current.notAnswered);
    const answered = r.flips.filter((f) => f.from === 'answer');
    expect(answered.length).toBeGreaterThan(0);
    for (const f of answered) {
      expect(f.to).not.toBe('answer');
      expect(f.reasonsAdded.some((c) => c === 'low_confidence' || c === 'out_of_scope')).toBe(true);
    }
  });

  it('puts each handoff in a queue: the routing category, or the sales queue', () => {
    const items = [convo('sales', 'can i book a demo of your enterprise plan'), convo('order-human', 'where is my order? let me talk to a real person')];
    const r = runBacktest(items, { current: engine(), proposed: engine({ highIntent: { queue: 'sales-emea' } }) });
    expect(r.current.byQueue).toMatchObject({ sales: 1, orders: 1 });
    expect(r.proposed.byQueue).toMatchObject({ 'sales-emea': 1, orders: 1 });
    expect(r.delta.byQueue).toMatchObject({ sales: -1, 'sales-emea': 1, orders: 0 });
    expect(r.requeued).toBe(1);
  });

  it('groups the load by the team each category is routed to, when given how', () => {
    const items = [convo('sales', 'can i book a demo of your enterprise plan'), convo('order-human', 'where is my order? let me talk to a real person')];
    const team = (category: string) => (category === 'orders' ? 'Support' : 'Sales team');
    const r = runBacktest(items, { current: engine(), proposed: engine(), queueName: team });
    expect(r.current.byQueue).toEqual({ 'Sales team': 1, Support: 1 });
  });

  it('replays stored conversations message by message, and stops at the first human reply', () => {
    const conversation: Conversation = {
      id: 's',
      turns: [
        { role: 'customer', text: 'let me talk to a real person' },
        { role: 'ai', text: 'Connecting you.', action: 'escalate' },
        { role: 'agent', text: 'Hi, Sam here.' },
        { role: 'customer', text: 'thanks, where is my order' },
      ],
    };
    const item = { id: 's', conversation };
    expect(runBacktest([item], { current: engine(), proposed: engine() }).current.byAction.answer).toBe(1);
    const each = runBacktest([item], { current: engine(), proposed: engine(), replay: 'each' });
    expect(each.current.handoffs).toBe(1);
  });

  it('estimates the SLA risk: more handoffs on the same staff wait longer', () => {
    const items = Array.from({ length: 40 }, (_, i) => convo(`c${i}`, i % 4 === 0 ? 'let me talk to a real person' : i % 4 === 1 ? 'the thing' : 'where is my order'));
    const arrivals = { perHour: 40, handleMinutes: [6, 8, 10], agents: 2 };
    const r = runBacktest(items, { current: engine(), proposed: engine({ confidence: { clarifyTimes: 0, declineOutOfScope: false } }), arrivals });
    const s = r.slaRisk!;
    expect(s.handleMinutes).toBe(8);
    expect(r.proposed.handoffs).toBeGreaterThan(r.current.handoffs);
    expect(s.current.handoffsPerHour).toBe(r.current.handoffs);
    expect(s.proposed.pooled.utilisation).toBeGreaterThan(s.current.pooled.utilisation);
    expect(s.proposed.shareOverSla).toBeGreaterThanOrEqual(s.current.shareOverSla);
    // Today's staffing follows today's load: the general queue has all of it.
    const queues = Object.values(s.current.byQueue);
    expect(queues.reduce((n, q) => n + q.agents, 0)).toBeCloseTo(2, 3);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('is deterministic and reports progress', () => {
    const seen: number[] = [];
    const a = runBacktest(ITEMS, { current: engine(), proposed: engine({ confidence: { threshold: 0.9 } }), onProgress: (d, t) => seen.push(d / t) });
    const b = runBacktest(ITEMS, { current: engine(), proposed: engine({ confidence: { threshold: 0.9 } }) });
    expect(a).toEqual(b);
    expect(seen.at(-1)).toBe(1);
    expect(seen).toHaveLength(ITEMS.length);
  });
});

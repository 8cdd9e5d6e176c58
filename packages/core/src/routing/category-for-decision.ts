import type { Decision } from '../policy/decision.js';
import type { ReasonCode } from '../policy/reasons.js';

/** The routing categories teams declare as `category` skills. */
export const ROUTING_CATEGORIES = ['billing', 'security', 'account', 'legal', 'safety', 'accessibility', 'sales', 'orders', 'technical', 'general'] as const;
/** One of ROUTING_CATEGORIES. */
export type RoutingCategory = (typeof ROUTING_CATEGORIES)[number];

/**
 * Reasons and topics that name a specialist team, in precedence order: when several fire, the
 * one where a wrong team does most harm wins (a safety issue that is also a billing dispute goes
 * to safety). Reasons without a subject (customer_request, negative_sentiment, keyword,
 * complaint, policy_exception, repeated_question, low_confidence, out_of_scope, vip, ai_error)
 * say how, not what, and fall through to the article.
 */
const BY_SIGNAL: [RoutingCategory, ReasonCode[], string[]][] = [
  ['safety', ['personal_safety', 'health_safety'], ['personal_safety', 'health_safety']],
  ['security', ['security'], ['fraud_security']],
  ['legal', ['legal'], ['legal']],
  ['billing', ['billing', 'high_value'], ['billing_dispute']],
  ['account', ['account_closure'], ['account_closure']],
  ['accessibility', ['accessibility'], ['accessibility']],
  ['sales', ['high_intent'], []],
];

/**
 * Words in the KB article's category, id or the intent, in precedence order. Security words come
 * first so "card-payment-not-recognised" is security, not billing; billing before orders so
 * "track-refund" is billing.
 */
const BY_ARTICLE: [RoutingCategory, RegExp][] = [
  ['security', /\b(?:fraud|stolen|compromised|hacked|not-recogni[sz]ed|unrecogni[sz]ed|unauthori[sz]ed)\b/],
  ['billing', /\b(?:refunds?|invoices?|payments?|charged?|charges|bills?|billing|fees?|subscriptions?|exchange-rate|top-up|chargeback)\b/],
  ['orders', /\b(?:orders?|delivery|deliveries|shipping|shipment|track|tracking|parcel|package|returns?)\b/],
  ['account', /\b(?:account|accounts|password|passcode|login|sign-in|registration|verify|identity|pin|profile|username)\b/],
  ['technical', /\b(?:error|bug|crash|crashes|install|sync|app|website|browser|outage)\b/],
  ['sales', /\b(?:pricing|price|demo|quote|plans?|upgrade)\b/],
];

const TECHNICAL_ENTITIES = new Set(['error_code', 'version', 'browser', 'device']);

/** What `categoryForDecision` may know beyond the decision. */
export interface CategoryOptions {
  /** The `category` front matter of the decision's article, when the caller has the KB. */
  articleCategory?: string;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[\s_]+/g, '-');
}

/**
 * The team category a decision should be routed to. Checked in order, first hit wins:
 * 1. reasons and topics that name a subject: safety, security, legal, billing (incl. high
 *    value), account (closure), accessibility, then sales (high intent or the sales queue);
 * 2. words of the article's KB category, its id, then the intent: security, billing, orders,
 *    account, technical, sales;
 * 3. technical, when the customer gave an error code, version, browser or device;
 * 4. general.
 * Risk beats topic because a wrong team for a fraud report costs more than for an order query.
 */
export function categoryForDecision(decision: Decision, opts: CategoryOptions = {}): RoutingCategory {
  const reasons = new Set<string>(decision.reasons.map((r) => r.code));
  const topics = new Set(decision.signals.topics);
  for (const [category, codes, topicIds] of BY_SIGNAL) {
    if (codes.some((c) => reasons.has(c)) || topicIds.some((t) => topics.has(t))) return category;
  }
  if (decision.signals.queue) return 'sales';
  for (const text of [opts.articleCategory, decision.articleId, decision.intent]) {
    if (!text) continue;
    const s = slug(text);
    for (const [category, re] of BY_ARTICLE) if (re.test(s)) return category;
  }
  if (decision.signals.entities.some((e) => TECHNICAL_ENTITIES.has(e.kind))) return 'technical';
  return 'general';
}

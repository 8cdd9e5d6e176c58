import type { Decision } from '../policy/decision.js';
import type { BriefEntity, BriefIntent } from './brief.js';
import { formatMoney } from './format-money.js';
import { clipText } from '../text/clip-text.js';

/** What the intent rules look at. */
export interface IntentContext {
  /** The engine's decision: topics, reasons and keywords. */
  decision: Decision;
  /** Every customer turn, joined, card numbers masked. */
  customerText: string;
  /** The last customer turn, masked: quoted when no rule applies. */
  lastCustomerText: string;
  /** The brief's entities, verified ones marked. */
  entities: readonly BriefEntity[];
  /** The title of the article the engine matched, when any. */
  articleTitle?: string;
}

interface IntentRule {
  id: string;
  when: (c: IntentContext) => boolean;
  summary: (c: IntentContext) => string;
}

const has = (c: IntentContext, re: RegExp) => re.test(c.customerText);
const topic = (c: IntentContext, id: string) => c.decision.signals.topics.includes(id);
const reason = (c: IntentContext, code: string) => c.decision.reasons.some((r) => r.code === code);

/** The order the conversation is about: a verified one first, else the first mentioned. */
function orderRef(c: IntentContext): string | undefined {
  const orders = c.entities.filter((e) => e.kind === 'order_number');
  const order = orders.find((e) => e.verified) ?? orders[0];
  return order ? `order #${order.value}` : undefined;
}

function amountRef(c: IntentContext): string | undefined {
  const a = c.entities.find((e) => e.kind === 'amount');
  if (!a || a.amount === undefined) return undefined;
  return formatMoney(a.amount, a.currency);
}


const DUPLICATE = /\b(?:charged|billed|debited|paid|taken)(?: me| it)? (?:twice|two times|2 times|double|again)\b|\bdouble[- ]?(?:charged|billed)|\bduplicate (?:charge|payment|transaction)/i;
const REFUND = /\brefund|\bmoney back\b|\breimburs|\bchargeback/i;
const WAIT = /\bwaiting (?:for )?(?:over |more than |almost |nearly )?((?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few) (?:days?|weeks?|months?))\b/i;
const WHERE = /\bwhere(?:'s| is| are)\b|\bwaiting\b|\b(?:not|never|hasn'?t|has not|haven'?t|have not|didn'?t|did not)(?: yet)? (?:arrived?|received?|come|turned up|been delivered|delivered|shown up)\b|\btrack|\blate\b|\bdelayed\b|\blost in the post\b/i;
const SHIPPING = /\b(?:order|parcel|package|delivery|shipment)\b/i;

/** Rules, first match wins: safety first, then money and security, then everyday requests. */
const RULES: IntentRule[] = [
  { id: 'personal_safety', when: (c) => topic(c, 'personal_safety'), summary: () => 'Reports a personal safety concern' },
  { id: 'health_safety', when: (c) => topic(c, 'health_safety'), summary: () => 'Reports a health or safety issue' },
  {
    id: 'lost_card',
    when: (c) => (topic(c, 'fraud_security') || reason(c, 'security')) && has(c, /\b(?:lost|stolen|missing|can'?t find)\b[^.!?]{0,40}\bcard\b|\bcard\b[^.!?]{0,40}\b(?:lost|stolen|missing)\b/i),
    summary: () => 'Wants to block a lost or stolen card',
  },
  {
    id: 'unrecognised_payment',
    when: (c) => (topic(c, 'fraud_security') || reason(c, 'security')) && has(c, /\b(?:didn'?t|did not|never) (?:make|authori[sz]e|buy|order|recogni[sz]e)|\b(?:don'?t|do not) recogni[sz]e|\bunrecogni[sz]ed|\bunauthori[sz]ed|\bfraudulent/i),
    summary: (c) => {
      const amount = amountRef(c);
      return `Wants to dispute ${amount ? `a payment of ${amount}` : 'a payment'} they don't recognise`;
    },
  },
  {
    id: 'account_takeover',
    when: (c) => (topic(c, 'fraud_security') || reason(c, 'security')) && has(c, /\bhack|\bsomeone (?:else )?(?:has )?(?:logged|got|gotten|getting) (?:in|into)|\btake ?over|\bchanged my (?:password|email)/i),
    summary: () => 'Wants to secure their account after a suspected takeover',
  },
  { id: 'security', when: (c) => topic(c, 'fraud_security') || reason(c, 'security'), summary: () => 'Wants help with a security concern on their account' },
  {
    id: 'refund',
    when: (c) => has(c, REFUND) || c.decision.signals.keywords.some((k) => /refund|chargeback/.test(k)),
    summary: (c) => {
      const order = orderRef(c);
      if (has(c, DUPLICATE)) return `Wants a refund for a duplicate charge${order ? ` on ${order}` : ''}`;
      if (order) return `Wants a refund for ${order}`;
      const amount = amountRef(c);
      return amount ? `Wants a refund of ${amount}` : 'Wants a refund';
    },
  },
  {
    id: 'billing_dispute',
    when: (c) => topic(c, 'billing_dispute') || reason(c, 'billing'),
    summary: (c) => {
      const order = orderRef(c);
      const on = order ? ` on ${order}` : '';
      return has(c, DUPLICATE) ? `Wants a duplicate charge${on} reversed` : `Wants a billing error${on} corrected`;
    },
  },
  { id: 'account_closure', when: (c) => topic(c, 'account_closure'), summary: () => 'Wants to close their account' },
  { id: 'legal', when: (c) => topic(c, 'legal'), summary: () => 'Raises a legal matter' },
  {
    id: 'cancel',
    when: (c) => has(c, /\bcancel/i),
    summary: (c) => {
      const order = orderRef(c);
      if (order) return `Wants to cancel ${order}`;
      return has(c, /\b(?:subscription|plan|membership)\b/i) ? 'Wants to cancel their subscription' : 'Wants to cancel';
    },
  },
  {
    id: 'where_is_order',
    when: (c) => has(c, WHERE) && (orderRef(c) !== undefined || has(c, SHIPPING)),
    summary: (c) => {
      const order = orderRef(c);
      const head = order ? `Wants to know where ${order} is` : 'Wants to know where their order is';
      const wait = WAIT.exec(c.customerText)?.[1];
      return wait ? `${head}; says they've been waiting ${wait.toLowerCase()}` : head;
    },
  },
  {
    id: 'return',
    when: (c) => has(c, /\breturn(?:ing)?\b|\bexchange\b|\bsend (?:it |this |them )?back\b/i),
    summary: (c) => {
      const order = orderRef(c);
      return order ? `Wants to return ${order}` : 'Wants to return an item';
    },
  },
  { id: 'login', when: (c) => has(c, /\bpassword\b|\blog ?in\b|\bsign ?in\b|\blocked out\b/i), summary: () => 'Wants to get back into their account' },
  {
    id: 'technical',
    when: (c) => c.entities.some((e) => e.kind === 'error_code') || has(c, /\bcrash|\bbug\b|\bnot working\b|\bbroken\b|\berror\b/i),
    summary: (c) => {
      const code = c.entities.find((e) => e.kind === 'error_code')?.value;
      const where = c.entities.find((e) => e.kind === 'device' || e.kind === 'browser')?.value;
      return `Wants ${code ? `error ${code}` : 'a technical problem'} fixed${where ? ` (${where})` : ''}`;
    },
  },
  {
    id: 'sales',
    when: (c) => reason(c, 'high_intent'),
    summary: (c) => {
      const detail = c.decision.reasons.find((r) => r.code === 'high_intent')?.detail ?? '';
      if (detail.startsWith('demo')) return 'Wants a demo';
      if (detail.startsWith('enterprise')) return 'Wants to discuss an enterprise purchase';
      return 'Wants pricing information';
    },
  },
  { id: 'accessibility', when: (c) => topic(c, 'accessibility'), summary: () => 'Needs an accessibility accommodation' },
  { id: 'policy_exception', when: (c) => topic(c, 'policy_exception'), summary: () => 'Asks for an exception to policy' },
  { id: 'complaint', when: (c) => topic(c, 'complaint') || reason(c, 'complaint'), summary: () => 'Wants to make a complaint' },
  { id: 'article', when: (c) => c.articleTitle !== undefined, summary: (c) => `Needs help with: ${c.articleTitle}` },
  { id: 'human', when: (c) => reason(c, 'customer_request'), summary: () => 'Wants to speak with a person' },
];

const QUOTE_MAX = 100;

/** No rule matched: the customer's own first sentence, quoted, is better than a vague label. */
function fallback(c: IntentContext): string {
  const text = c.lastCustomerText.replace(/\s+/g, ' ').trim();
  if (!text) return 'Unclear: the customer has not said what they need';
  const sentence = /^.+?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  const clipped = clipText(sentence, QUOTE_MAX);
  return `In their words: "${clipped}"`;
}

/**
 * The desired outcome as one sentence (DESIGN §4), from rules over the engine's topics and
 * reasons and the customer's own words; no model is involved, so the sentence never states
 * more than the conversation holds. The rule id is kept so reports can count which rules fire.
 */
export function describeIntent(c: IntentContext): BriefIntent {
  const rule = RULES.find((r) => r.when(c));
  const out: BriefIntent = {
    topics: [...c.decision.signals.topics],
    summary: rule ? rule.summary(c) : fallback(c),
    rule: rule ? rule.id : 'fallback',
  };
  if (c.decision.intent !== undefined) out.id = c.decision.intent;
  return out;
}

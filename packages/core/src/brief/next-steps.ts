import type { Decision } from '../policy/decision.js';
import type { BriefAttempt, BriefEntity, BriefIntent } from './brief.js';
import type { VerifiedFact } from './context.js';
import { formatMoney } from './format-money.js';
import { daysBetween, parseTime } from './dates.js';

/** What the next-step rules look at. */
export interface NextStepContext {
  /** The reasons drive most rules. */
  decision: Decision;
  /** The intent rule that fired. */
  intent: BriefIntent;
  /** Orders, amounts and error codes to name in the step. */
  entities: readonly BriefEntity[];
  /** Failed attempts are named so they are not resent. */
  attempts: readonly BriefAttempt[];
  /** Looked-up orders, for the stuck-order rule. */
  facts: readonly VerifiedFact[];
  /** The caller's clock, epoch ms. */
  now: number;
  /** An order with no carrier scan for this many days is treated as stuck. */
  staleScanDays: number;
}

/** Order statuses after which a missing scan means nothing. */
const SETTLED = /^(?:delivered|cancel+ed|returned|refunded|collected)$/i;

interface StepRule {
  when: (c: NextStepContext) => boolean;
  step: (c: NextStepContext) => string;
}

const hasReason = (c: NextStepContext, ...codes: string[]) => c.decision.reasons.some((r) => codes.includes(r.code));

/** A verified order that has not moved for `staleScanDays`, with the days since it last did. */
function stuckOrder(c: NextStepContext): { id: string; days: number } | undefined {
  for (const f of c.facts) {
    if (SETTLED.test(f.order.status.trim())) continue;
    const last = parseTime(f.order.lastScanAt) ?? parseTime(f.order.dispatchedAt);
    if (last === undefined) continue;
    const days = daysBetween(last, c.now);
    if (days >= c.staleScanDays) return { id: f.orderId.replace(/^#/, ''), days };
  }
  return undefined;
}

function firstOrder(c: NextStepContext): string | undefined {
  return c.entities.find((e) => e.kind === 'order_number')?.value;
}

/**
 * Rules, most urgent first. Safety and security come before anything else because the first
 * minute matters there; the rest point the agent at the one check that unblocks the case.
 */
const RULES: StepRule[] = [
  { when: (c) => hasReason(c, 'personal_safety'), step: () => "Check the customer is safe now and follow the personal-safety procedure before anything else" },
  { when: (c) => hasReason(c, 'health_safety'), step: () => 'Follow the health-and-safety procedure: record the product, batch and what happened' },
  { when: (c) => hasReason(c, 'security'), step: () => "Freeze the card and confirm the customer's identity before discussing account details" },
  { when: (c) => hasReason(c, 'legal'), step: () => 'Do not admit liability; pass to legal/compliance before committing to anything' },
  {
    when: (c) => stuckOrder(c) !== undefined,
    step: (c) => {
      const s = stuckOrder(c)!;
      return `Open a carrier trace for order #${s.id}: no tracking update for ${s.days} days`;
    },
  },
  {
    when: (c) => c.intent.rule === 'where_is_order' && c.facts.length === 0,
    step: (c) => {
      const id = firstOrder(c);
      return id ? `Look up order #${id} and check its latest tracking scan` : "Find the late order in the customer's orders and check its latest tracking scan";
    },
  },
  {
    when: (c) => hasReason(c, 'high_value'),
    step: (c) => {
      const amount = c.entities.filter((e) => e.kind === 'amount' && e.amount !== undefined).sort((a, b) => b.amount! - a.amount!)[0];
      const what = amount ? `${formatMoney(amount.amount!, amount.currency)} is` : 'the amount is';
      return `Check refund eligibility; ${what} over the auto-approve limit`;
    },
  },
  { when: (c) => hasReason(c, 'billing'), step: () => 'Check the payment records for a duplicate or incorrect charge before replying' },
  {
    when: (c) => c.intent.rule === 'refund' && !hasReason(c, 'high_value'),
    step: (c) => {
      const id = firstOrder(c);
      return `Check refund eligibility${id ? ` for order #${id}` : ''}`;
    },
  },
  { when: (c) => hasReason(c, 'account_closure'), step: () => 'Confirm identity, then settle any balance or subscription before closing the account' },
  { when: (c) => hasReason(c, 'accessibility'), step: () => "Offer the customer's preferred channel or format, and note it on the account" },
  {
    when: (c) => c.entities.some((e) => e.kind === 'error_code'),
    step: (c) => {
      const code = c.entities.find((e) => e.kind === 'error_code')!.value;
      const where = c.entities.filter((e) => e.kind === 'device' || e.kind === 'browser' || e.kind === 'version').map((e) => e.value);
      return `Check known issues for error ${code}${where.length ? ` on ${where.join(', ')}` : ''}`;
    },
  },
  { when: (c) => hasReason(c, 'high_intent'), step: () => 'Qualify the opportunity and offer a demo or a quote' },
  {
    when: (c) => c.attempts.some((a) => a.kind === 'article' && a.worked === false),
    step: (c) => {
      const titles = [...new Set(c.attempts.filter((a) => a.kind === 'article' && a.worked === false).map((a) => `"${a.title}"`))];
      return `Don't resend ${titles.join(', ')}: it did not help`;
    },
  },
  { when: (c) => hasReason(c, 'negative_sentiment'), step: () => 'Acknowledge the frustration first, and do not ask for anything already in this brief' },
  { when: (c) => hasReason(c, 'vip'), step: () => 'Reply personally and keep the account manager informed' },
  { when: (c) => hasReason(c, 'low_confidence', 'out_of_scope'), step: () => 'Answer the question, then flag the gap in the knowledge base' },
];

/** At most this many steps: more is a checklist nobody reads in 30 seconds. */
export const MAX_NEXT_STEPS = 4;

/**
 * Recommended next steps (DESIGN §4), by rule on the reasons, the intent and the verified
 * facts. Never empty: with nothing specific to say, it says where to start.
 */
export function nextSteps(c: NextStepContext): string[] {
  const steps = RULES.filter((r) => r.when(c)).map((r) => r.step(c));
  const unique = [...new Set(steps)].slice(0, MAX_NEXT_STEPS);
  return unique.length ? unique : ["Reply to the customer's last message; the transcript below has the whole story"];
}

import type { Decision } from '../policy/decision.js';
import type { ReasonCode } from '../policy/reasons.js';

/** Why the customer is being handed over, in the terms the customer is told (DESIGN §6). */
export type HandoffReasonKind = 'customer_request' | 'sensitive' | 'frustration' | 'complex' | 'vip' | 'sales';

const SENSITIVE: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  'billing', 'security', 'account_closure', 'legal', 'health_safety', 'personal_safety',
  'accessibility', 'policy_exception', 'high_value', 'complaint', 'keyword',
]);

/**
 * Picks what to tell the customer from all the reasons, not just the first: the engine orders
 * reasons by priority for agents, but the customer should hear the reason they will recognise.
 * Having asked for a person beats everything ("you asked…" is always true and never alarming);
 * a sensitive subject comes before frustration so that a safety or fraud case is not answered
 * with "sorry this has been frustrating"; anything else is "needs a closer look".
 */
export function reasonKindFor(decision: Pick<Decision, 'reasons'>): HandoffReasonKind {
  const codes = new Set(decision.reasons.map((r) => r.code));
  if (codes.has('customer_request')) return 'customer_request';
  if ([...codes].some((c) => SENSITIVE.has(c))) return 'sensitive';
  if (codes.has('high_intent')) return 'sales';
  if (codes.has('negative_sentiment')) return 'frustration';
  if (codes.has('vip')) return 'vip';
  return 'complex';
}

import type { Decision } from '../policy/decision.js';
import type { ReasonCode } from '../policy/reasons.js';

/** Why the customer is being handed over, in the terms the customer is told (DESIGN §6). */
export type HandoffReasonKind =
  | 'customer_request'
  | 'safety'
  | 'security'
  | 'legal'
  | 'billing'
  | 'high_value'
  | 'account_closure'
  | 'policy_exception'
  | 'accessibility'
  | 'complaint'
  | 'sensitive'
  | 'sales'
  | 'frustration'
  | 'repeated'
  | 'vip'
  | 'complex';

/**
 * Each subject a person must handle, with the reason the customer is given, most pressing first:
 * a safety or fraud case is never told about billing, and a dispute over a large refund is told
 * why the amount matters. `keyword` (a word the business configured) has no subject of its own.
 */
const SUBJECTS: readonly [ReasonCode[], HandoffReasonKind][] = [
  [['health_safety', 'personal_safety'], 'safety'],
  [['security'], 'security'],
  [['legal'], 'legal'],
  [['high_value'], 'high_value'],
  [['billing'], 'billing'],
  [['account_closure'], 'account_closure'],
  [['policy_exception'], 'policy_exception'],
  [['accessibility'], 'accessibility'],
  [['complaint'], 'complaint'],
  [['keyword'], 'sensitive'],
];

/**
 * Picks what to tell the customer from all the reasons, not just the first: the engine orders
 * reasons by priority for agents, but the customer should hear the reason they will recognise.
 * Having asked for a person beats everything ("you asked…" is always true and never alarming);
 * a sensitive subject comes before frustration so that a safety or fraud case is not answered
 * with "sorry this has been frustrating"; answers that did not help say so; anything else is
 * "needs a closer look".
 */
export function reasonKindFor(decision: Pick<Decision, 'reasons'>): HandoffReasonKind {
  const codes = new Set(decision.reasons.map((r) => r.code));
  if (codes.has('customer_request')) return 'customer_request';
  const subject = SUBJECTS.find(([subjectCodes]) => subjectCodes.some((c) => codes.has(c)));
  if (subject) return subject[1];
  if (codes.has('high_intent')) return 'sales';
  if (codes.has('negative_sentiment')) return 'frustration';
  if (codes.has('repeated_question')) return 'repeated';
  if (codes.has('vip')) return 'vip';
  return 'complex';
}

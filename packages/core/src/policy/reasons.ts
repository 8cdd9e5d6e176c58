/**
 * Every reason a decision can carry. The codes are stable: analytics, webhooks, the eval
 * files and agents' filters all key on them, so add codes, never rename them.
 */
export const REASON_CODES = [
  'customer_request',
  'negative_sentiment',
  'keyword',
  'complaint',
  'billing',
  'security',
  'account_closure',
  'legal',
  'health_safety',
  'personal_safety',
  'accessibility',
  'policy_exception',
  'repeated_question',
  'low_confidence',
  'out_of_scope',
  'high_value',
  'vip',
  'high_intent',
  'ai_error',
] as const;

/** A stable reason code. */
export type ReasonCode = (typeof REASON_CODES)[number];

/** One line for each code, for reports and the admin UI. */
export const REASON_LABELS: Record<ReasonCode, string> = {
  customer_request: 'The customer asked for a person',
  negative_sentiment: 'The customer is frustrated or upset',
  keyword: 'A configured keyword was used',
  complaint: 'A complaint',
  billing: 'A billing or payment dispute',
  security: 'Fraud or account security',
  account_closure: 'Account closure',
  legal: 'Legal or compliance',
  health_safety: 'Health and safety',
  personal_safety: 'Personal safety',
  accessibility: 'Accessibility needs',
  policy_exception: 'A request for an exception to policy',
  repeated_question: 'The same question again, or answers that did not help',
  low_confidence: 'The assistant is not confident of an answer',
  out_of_scope: 'The question is outside what this business handles',
  high_value: 'A refund or dispute over the amount threshold',
  vip: 'A VIP or enterprise customer',
  high_intent: 'A sales opportunity',
  ai_error: 'The assistant failed',
};

/** True for strings that are reason codes; used when reading reasons back from storage or files. */
export function isReasonCode(value: string): value is ReasonCode {
  return (REASON_CODES as readonly string[]).includes(value);
}

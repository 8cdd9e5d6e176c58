import { z } from 'zod';

/**
 * The stable reason codes, as they travel in decisions, webhooks and config. The list mirrors
 * `REASON_CODES` in @baton/core (which may not import this package); a test holds them equal.
 */
export const ZReasonCodeSchema = z.enum([
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
]);
export type TReasonCode = z.infer<typeof ZReasonCodeSchema>;

export const ZPrioritySchema = z.enum(['low', 'medium', 'high', 'critical']);
export type TPriority = z.infer<typeof ZPrioritySchema>;

/**
 * The keys of every customer-facing string. One list, so a locale that misses a key fails to
 * compile and fails the table test; placeholders are `{name}`.
 */
export const MESSAGE_KEYS = [
  'handoff_customer_request',
  'handoff_sensitive',
  'handoff_frustration',
  'handoff_complex',
  'handoff_vip',
  'handoff_sales',
  'handoff_tail',
  'wait_less_than_minute',
  'wait_about',
  'unit_minute_one',
  'unit_minute_other',
  'unit_hour_one',
  'unit_hour_other',
  'duration_join',
  'queue_position',
  'queue_next',
  'agent_joined',
  'after_hours',
  'callback_confirmed',
  'callback_offer',
  'long_wait',
  'email_followup_confirmed',
  'callback_missed',
  'callback_no_answer',
  'callback_unreachable',
  'offer_choice',
  'clarify',
  'greeting',
  'decline',
  'decline_topics',
  'list_and',
  'resolved',
  'csat_prompt',
  'handed_back',
] as const;

/** One customer-facing string. */
export type MessageKey = (typeof MESSAGE_KEYS)[number];

/** Every string of one locale. */
export type MessageTable = Record<MessageKey, string>;

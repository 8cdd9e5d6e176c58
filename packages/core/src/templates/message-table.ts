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
  'handoff_safety',
  'handoff_security',
  'handoff_legal',
  'handoff_billing',
  'handoff_high_value',
  'handoff_account_closure',
  'handoff_policy_exception',
  'handoff_accessibility',
  'handoff_complaint',
  'handoff_repeated',
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
  'transfer_started',
  'agent_transferred',
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
  'verify_why',
  'verify_by_email',
  'verify_ask_address',
  'verify_not_on_app',
  'verify_code_sent',
  'identity_verified',
] as const;

/** One customer-facing string. */
export type MessageKey = (typeof MESSAGE_KEYS)[number];

/** Every string of one locale. */
export type MessageTable = Record<MessageKey, string>;

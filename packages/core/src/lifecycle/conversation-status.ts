/**
 * Who has the conversation (DESIGN §1). `waiting` and `callback` both mean "promised to a
 * human, no human yet": the difference is whether the customer is in a live queue or has a
 * time (or an email reply) booked.
 */
export const CONVERSATION_STATUSES = ['ai', 'waiting', 'assigned', 'resolved', 'callback'] as const;
/** One of CONVERSATION_STATUSES. */
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/**
 * Why a conversation changed state. Stored on every `conversation.status_changed` event and
 * read by analytics (abandonment, transfers, reopen rate), so add causes, never rename them.
 */
export const TRANSITION_CAUSES = [
  'escalated',
  'ai_resolved',
  'accepted',
  'auto_assigned',
  'callback_scheduled',
  'email_followup',
  'callback_due',
  'callback_taken',
  'callback_retry',
  'transferred',
  'agent_offline',
  'accept_timeout',
  'resolved',
  'handed_back',
  'reopened',
  'reopened_to_queue',
  'abandoned',
  'closed',
] as const;
/** One of TRANSITION_CAUSES. */
export type TransitionCause = (typeof TRANSITION_CAUSES)[number];

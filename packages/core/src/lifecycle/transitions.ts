import type { ConversationStatus, TransitionCause } from './conversation-status.js';

/** One legal edge of the lifecycle. */
export interface Transition {
  from: ConversationStatus;
  to: ConversationStatus;
  cause: TransitionCause;
}

/**
 * The whole lifecycle in one table, so the server, the docs and the tests read the same
 * rules. A cause names exactly one edge from a given state: callers say *why* and the table
 * says *where*, which is what keeps "resolved by the AI" and "resolved by an agent" apart in
 * analytics.
 */
export const TRANSITIONS: ReadonlyArray<Transition> = [
  { from: 'ai', to: 'waiting', cause: 'escalated' },
  { from: 'ai', to: 'resolved', cause: 'ai_resolved' },
  { from: 'waiting', to: 'assigned', cause: 'accepted' },
  { from: 'waiting', to: 'assigned', cause: 'auto_assigned' },
  // After hours, or a wait over the threshold and the customer booked a time.
  { from: 'waiting', to: 'callback', cause: 'callback_scheduled' },
  // The customer chose an email reply instead of waiting.
  { from: 'waiting', to: 'callback', cause: 'email_followup' },
  // The customer gave up waiting (or the queue's abandonment timeout fired).
  { from: 'waiting', to: 'resolved', cause: 'abandoned' },
  // A supervisor closed it from the queue (spam, duplicate, solved elsewhere).
  { from: 'waiting', to: 'resolved', cause: 'closed' },
  // The booked time came (or the team opened for an email follow-up): back into the live queue.
  { from: 'callback', to: 'waiting', cause: 'callback_due' },
  // An agent works a booked callback before or after its time came: they call (or write) now.
  { from: 'callback', to: 'assigned', cause: 'callback_taken' },
  // Nobody answered the call: the callback is booked again for a later try.
  { from: 'waiting', to: 'callback', cause: 'callback_retry' },
  { from: 'assigned', to: 'waiting', cause: 'transferred' },
  { from: 'assigned', to: 'waiting', cause: 'agent_offline' },
  // Auto-assigned but not accepted or answered in time: reassign.
  { from: 'assigned', to: 'waiting', cause: 'accept_timeout' },
  { from: 'assigned', to: 'callback', cause: 'callback_retry' },
  { from: 'assigned', to: 'resolved', cause: 'resolved' },
  { from: 'assigned', to: 'ai', cause: 'handed_back' },
  // The customer writes again: the AI takes it, unless the policy sends it straight to a human.
  { from: 'resolved', to: 'ai', cause: 'reopened' },
  { from: 'resolved', to: 'waiting', cause: 'reopened_to_queue' },
];

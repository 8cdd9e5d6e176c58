import type { ConversationStatus, TransitionCause } from './conversation-status.js';
import { IllegalTransitionError } from './illegal-transition-error.js';
import { TRANSITIONS, type Transition } from './transitions.js';

function find(from: ConversationStatus, cause: TransitionCause): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.cause === cause);
}

/** The causes legal from `from`, in table order; what the workspace may offer as actions. */
export function allowedCauses(from: ConversationStatus): TransitionCause[] {
  return TRANSITIONS.filter((t) => t.from === from).map((t) => t.cause);
}

/** Whether `cause` applies in `from`; for UIs and guards that must not throw. */
export function canTransition(from: ConversationStatus, cause: TransitionCause): boolean {
  return find(from, cause) !== undefined;
}

/**
 * The state after `cause`. Every status change goes through here, so an illegal one (accepting
 * a conversation someone already accepted, resolving one that is closed) fails loudly with
 * IllegalTransitionError before anything is written.
 */
export function transition(from: ConversationStatus, cause: TransitionCause): ConversationStatus {
  const edge = find(from, cause);
  if (!edge) throw new IllegalTransitionError(from, cause, allowedCauses(from));
  return edge.to;
}

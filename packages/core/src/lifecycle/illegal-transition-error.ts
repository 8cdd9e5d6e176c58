import type { ConversationStatus, TransitionCause } from './conversation-status.js';

/**
 * A use case asked for a change the lifecycle does not allow: usually a race (two agents accept
 * the same handoff) or a stale client. Typed with a stable code so the server answers 409 and
 * the second agent is told it is taken, instead of the state being silently overwritten.
 */
export class IllegalTransitionError extends Error {
  readonly code = 'CONVERSATION_ERR_ILLEGAL_TRANSITION';
  constructor(
    readonly from: ConversationStatus,
    /** The transition cause asked for. Deliberately shadows Error.cause: this error wraps no other. */
    override readonly cause: TransitionCause,
    /** The causes that would have been legal from `from`, for the message and the client. */
    readonly allowed: readonly TransitionCause[],
  ) {
    super(`cannot apply "${cause}" to a conversation in "${from}" (allowed: ${allowed.join(', ') || 'none'})`);
    this.name = 'IllegalTransitionError';
  }
}

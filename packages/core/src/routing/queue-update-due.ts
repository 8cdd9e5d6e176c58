/** What the customer was last told about their place in the queue. */
export interface LastQueueNotice {
  position: number | null;
  waitMinutes: number | null;
  /** Epoch ms; null before any. */
  at: number | null;
  /** Whether a callback or an email reply was already offered during this wait. */
  callbackOffered: boolean;
}

/** What to tell a waiting customer now. */
export interface QueueUpdateDecision {
  /** Send the place and the estimate: something changed, and the last update is old enough. */
  send: boolean;
  /** Offer a callback or an email reply: the estimate crossed the threshold, for the first time. */
  offerCallback: boolean;
}

/**
 * Whether a waiting customer hears from the queue now (DESIGN §6): only when their place or their
 * estimate changed since they were last told, and at most once every `minIntervalMs`, so the same
 * line never comes twice in a row and a busy queue does not flood the chat. Once the estimate is
 * over `callbackOfferMinutes`, a callback or an email reply is offered, once per wait.
 */
export function queueUpdateDue(last: LastQueueNotice, now: { position: number; waitMinutes: number; at: number }, o: { minIntervalMs: number; callbackOfferMinutes: number }): QueueUpdateDecision {
  const changed = last.position !== now.position || last.waitMinutes !== now.waitMinutes;
  const rested = last.at === null || now.at - last.at >= o.minIntervalMs;
  return { send: changed && rested, offerCallback: !last.callbackOffered && now.waitMinutes > o.callbackOfferMinutes };
}

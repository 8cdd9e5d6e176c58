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

/**
 * How often a waiting customer's queue is looked at, on their channel: every `baseSeconds`
 * (BATON_QUEUE_UPDATE_SECONDS) in the widget, and no more often than the channel's own cadence
 * where updates are sent less often (`channelMinutes`: 10 by email, 15 on the messaging apps), so
 * an estimate that could not be sent is not computed either.
 */
export function queueUpdateIntervalMs(baseSeconds: number, channelMinutes: number): number {
  return Math.max(baseSeconds * 1000, channelMinutes * 60_000);
}

/**
 * When the queue is next worth computing for a waiting customer. In the widget, at every run of
 * the queue-update job, which runs at the widget's pace. On a channel with a slower cadence, one
 * interval after the last look (told or not), since before it nothing could be sent: several runs
 * booked for one handoff (a transfer books its own) then cost one computation per interval.
 */
export function nextQueueCheckAt(last: { toldAt: number | null; checkedAt: number | null }, now: number, o: { intervalMs: number; baseMs: number }): number {
  if (o.intervalMs <= o.baseMs) return now;
  const lastLook = Math.max(last.toldAt ?? Number.NEGATIVE_INFINITY, last.checkedAt ?? Number.NEGATIVE_INFINITY);
  return Number.isFinite(lastLook) ? Math.max(now, lastLook + o.intervalMs) : now;
}

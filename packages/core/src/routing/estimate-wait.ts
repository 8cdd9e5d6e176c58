/** The live queue as the wait estimate sees it (DESIGN §5: position, agents online, handle time). */
export interface WaitEstimateInput {
  /** 1-based place in the team's queue. */
  position: number;
  /** Agents online in the team. */
  agentsOnline: number;
  /** Sum of (capacity - load) over online agents: conversations that could start now. */
  spareSlots: number;
  /** Recent handle times in minutes; the median is used, so one marathon does not skew it. */
  recentHandleMinutes: number[];
  /** Used when there is no history yet. */
  defaultHandleMinutes: number;
  /** Time for a free agent to notice and accept; also the floor of every estimate. Default 2. */
  acceptMinutes?: number;
}

/** Default minutes for a free agent to accept; the estimate never promises sooner. */
export const DEFAULT_ACCEPT_MINUTES = 2;

// The median of the positive finite values (bad samples are dropped), or undefined when none.
function median(values: readonly number[]): number | undefined {
  const xs = values.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  if (xs.length === 0) return undefined;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 === 1 ? xs[mid] : ((xs[mid - 1] ?? 0) + (xs[mid] ?? 0)) / 2;
}

/**
 * Whole minutes the customer should expect to wait, from the live queue rather than a fixed
 * text. With a free slot for everyone up to this position, it is just the accept time;
 * otherwise the customers who must wait for a slot, times the median handle time, shared
 * among the agents online (at least the accept time). Null means "nobody is online": there is
 * no honest number, and the caller offers a callback or email instead (DESIGN §5: no customer is
 * left in a queue with no end).
 */
export function estimateWaitMinutes(input: WaitEstimateInput): number | null {
  const accept = input.acceptMinutes ?? DEFAULT_ACCEPT_MINUTES;
  if (!(input.agentsOnline >= 1)) return null;
  const position = Math.max(1, Math.floor(input.position));
  const spare = Math.max(0, Math.floor(input.spareSlots));
  if (spare >= position) return accept;
  const handle = median(input.recentHandleMinutes) ?? input.defaultHandleMinutes;
  const wait = Math.ceil(((position - spare) * handle) / input.agentsOnline);
  return Math.max(accept, wait);
}

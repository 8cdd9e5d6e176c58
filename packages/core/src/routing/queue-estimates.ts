import type { AgentState } from './agent-state.js';
import { compareQueueItems, type QueueItem } from './queue-order.js';
import { teamWaitMinutes } from './team-wait.js';

/**
 * Of the time a customer has already waited, the share that the remaining wait is never promised
 * below. The live model (position, agents online, handle time) knows nothing of a queue that has
 * stalled: with a free agent who does not accept, it keeps saying "2 minutes" for ever. Once the
 * wait so far outgrows the model, the estimate follows the wait instead: after 10 minutes with
 * nobody accepting, the customer is told about 5 more, after 40 about 20, and so on until the
 * callback threshold offers them a way out.
 */
export const STALLED_WAIT_SHARE = 0.5;

/** A handoff waiting in the queue, as the estimates see it. */
export interface WaitingItem extends QueueItem {
  /** When the customer started waiting (epoch ms); `createdAt` when not given. */
  queuedAt?: number;
}

/** One queue at one instant: who waits, who works it, how long handling takes. */
export interface QueueEstimatesInput {
  /** The handoffs waiting in this queue, in any order. */
  waiting: readonly WaitingItem[];
  /** The team working the queue; null is the general queue, worked by everyone. */
  teamId: string | null;
  /** All agents with their current load and live presence. */
  agents: readonly AgentState[];
  /** Recent handle times in minutes. */
  recentHandleMinutes: number[];
  /** The handle time when there is no history, and per place in the queue when nobody is online. */
  defaultHandleMinutes: number;
  /** Epoch ms. */
  now: number;
}

/** What one waiting customer is told. */
export interface QueueEstimate {
  id: string;
  /** 1-based place in the queue. */
  position: number;
  /** Whole minutes still to wait. */
  waitMinutes: number;
}

/**
 * The estimates of a whole queue at one instant (DESIGN §5), in queue order. Computed together so
 * that they agree with each other:
 * - each place starts from the live model (`teamWaitMinutes`; with nobody online, the queue ahead
 *   at the usual handle time);
 * - it is never below `STALLED_WAIT_SHARE` of the time the customer has already waited, so an
 *   estimate grows while nobody accepts;
 * - it is never below the estimate of the one ahead plus what the model says one more place
 *   costs: nobody is told they will be served before someone who will be served first (so of two
 *   customers of the same priority the earlier arrival is never told a longer wait than the later
 *   one), and when the head of the queue stalls, everyone behind it hears that their wait grew.
 */
export function estimateQueue(input: QueueEstimatesInput): QueueEstimate[] {
  const ordered = [...input.waiting].sort(compareQueueItems);
  let ahead = 0;
  let aheadModel = 0;
  return ordered.map((item, i) => {
    const position = i + 1;
    const model = teamWaitMinutes({ position, teamId: input.teamId, agents: input.agents, recentHandleMinutes: input.recentHandleMinutes, defaultHandleMinutes: input.defaultHandleMinutes }) ?? position * input.defaultHandleMinutes;
    const waited = Math.max(0, (input.now - (item.queuedAt ?? item.createdAt)) / 60_000);
    // Behind someone whose wait has grown, the wait grows as much: the place costs what the model
    // says it costs (nothing while there are free slots), on top of the wait of the one ahead.
    const wait = Math.max(model, Math.ceil(waited * STALLED_WAIT_SHARE), ahead + Math.max(0, model - aheadModel));
    ahead = wait;
    aheadModel = model;
    return { id: item.id, position, waitMinutes: wait };
  });
}

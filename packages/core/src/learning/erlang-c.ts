/**
 * Queueing arithmetic for the backtest's SLA risk: Erlang C, the M/M/c queue. Handoffs arrive at
 * random (Poisson) at `arrivalsPerMinute`, each holds one of `servers` for an exponentially
 * distributed time with mean `handleMinutes`, and the queue is served first come, first served.
 * None of these is exactly true of a support queue; they are the standard staffing model, and
 * what it gets wrong (bursts, priorities, abandonment) is listed in docs/backtest.md.
 */
export interface QueueModelInput {
  /** Handoffs per minute. */
  arrivalsPerMinute: number;
  /** Mean minutes an agent is busy with one handoff. */
  handleMinutes: number;
  /** Conversations that can be handled at once; may be fractional (a shared agent). */
  servers: number;
}

/** What the model predicts for one queue. */
export interface QueueModelResult {
  /** Offered load over capacity, λ·h / c. 1 or more means the queue grows without bound. */
  utilisation: number;
  /** Mean wait before an agent is free, in minutes; null when the queue is overloaded or unstaffed. */
  expectedWaitMinutes: number | null;
  /** P(a handoff has to wait at all). */
  waitProbability: number;
  /** P(wait > t) for any t, in minutes. */
  waitExceeds(minutes: number): number;
}

/** Erlang C for a whole number of servers: P(wait > 0), via the stable Erlang B recursion. */
export function erlangC(servers: number, load: number): number {
  if (servers < 1) return 1;
  if (load <= 0) return 0;
  if (load >= servers) return 1;
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (load * b) / (k + load * b);
  const rho = load / servers;
  return b / (1 - rho * (1 - b));
}

function mmc(servers: number, lambda: number, handle: number): Omit<QueueModelResult, 'utilisation'> {
  const mu = 1 / handle;
  const load = lambda * handle;
  const c = erlangC(servers, load);
  const drain = servers * mu - lambda;
  if (drain <= 0) return { expectedWaitMinutes: null, waitProbability: 1, waitExceeds: () => 1 };
  return { expectedWaitMinutes: c / drain, waitProbability: c, waitExceeds: (t) => (t <= 0 ? c : c * Math.exp(-drain * t)) };
}

/**
 * The M/M/c prediction for one queue. A fractional number of servers (agents shared between
 * queues) is modelled as the next whole number of agents, each working at the matching fraction
 * of their speed: capacity, and so utilisation, stay exact, and a share below one agent is one
 * part-time agent.
 */
export function queueModel(input: QueueModelInput): QueueModelResult {
  const lambda = Math.max(0, input.arrivalsPerMinute);
  const handle = input.handleMinutes;
  const servers = Math.max(0, input.servers);
  if (lambda === 0) return { utilisation: 0, expectedWaitMinutes: 0, waitProbability: 0, waitExceeds: () => 0 };
  if (servers === 0 || !(handle > 0)) return { utilisation: Infinity, expectedWaitMinutes: null, waitProbability: 1, waitExceeds: () => 1 };
  const utilisation = (lambda * handle) / servers;
  if (utilisation >= 1) return { utilisation, expectedWaitMinutes: null, waitProbability: 1, waitExceeds: () => 1 };
  const whole = Math.ceil(servers);
  return { utilisation, ...mmc(whole, lambda, (handle * whole) / servers) };
}

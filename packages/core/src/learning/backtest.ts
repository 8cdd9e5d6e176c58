import type { Conversation } from '../conversation.js';
import type { Decision, DecisionAction } from '../policy/decision.js';
import type { Engine } from '../policy/engine.js';
import type { Priority } from '../policy/policy.js';
import { categoryForDecision } from '../routing/category-for-decision.js';
import { DEFAULT_SLA_MINUTES } from '../routing/default-sla.js';
import { queueModel } from './erlang-c.js';
import { clipText } from '../text/clip-text.js';

/** One conversation to replay. */
export interface BacktestInput {
  id: string;
  conversation: Conversation;
  /** The queue (team) it went to historically, when known. */
  team?: string;
  /** When it arrived, epoch ms, when known. */
  arrivedAt?: number;
  /** Minutes an agent spent on it historically, when it was handed off. */
  handleMinutes?: number;
  /** Engines for this conversation alone, when conversations use different KBs (an eval file that mixes them). */
  engines?: { current: Engine; proposed: Engine };
}

/** Historical traffic and staffing, for the SLA risk. */
export interface BacktestArrivals {
  /** Conversations (all of them, not only handoffs) arriving per hour at the busy time being planned for. */
  perHour: number;
  /** Historical handle times in minutes; their mean is the model's handle time. */
  handleMinutes: number[];
  /** Conversations agents can handle at once in total (agents online × chats each). */
  agents: number;
}

/** How to replay, and against what. */
export interface BacktestOptions {
  /** The policy live today. */
  current: Engine;
  /** The policy being considered. Share one (memoised) answerer between the two engines. */
  proposed: Engine;
  /** Called after each conversation. */
  onProgress?: (done: number, total: number) => void;
  /** Historical arrivals, handle times and staffing; without them there is no SLA risk. */
  arrivals?: BacktestArrivals;
  /**
   * `last` decides at the last customer message, as `baton assess` does (imported, labelled
   * conversations). `each` walks the conversation and decides at every customer message until
   * a human takes over or the policy hands off (stored conversations): a handoff at the first
   * message that would have triggered it.
   */
  replay?: 'last' | 'each';
  /** Minutes each priority may wait before breaching its SLA (default: the teams' default SLA). */
  sla?: Record<Priority, number>;
  /** Handle minutes when none are known. Default 6 (the server's default). */
  defaultHandleMinutes?: number;
  /** Characters of the customer message kept in each flip. Default 140. */
  textChars?: number;
  /**
   * The queue a routing category lands in, e.g. the team that routing picks for it, so the load
   * is shown per team as agents staff it. Default: the category itself.
   */
  queueName?: (category: string) => string;
}

/** One policy's outcome over all conversations. */
export interface BacktestSide {
  /** Conversations handed to a person. */
  handoffs: number;
  /** handoffs / total. */
  rate: number;
  /** Conversations the AI did not answer itself: clarify, decline, offer_choice or escalate. */
  notAnswered: number;
  /** notAnswered / total. */
  notAnsweredRate: number;
  /** Handoffs per queue (routing category, or the sales queue). */
  byQueue: Record<string, number>;
  /** Conversations per action. */
  byAction: Record<DecisionAction, number>;
}

/** A conversation whose outcome changes under the proposed policy. */
export interface BacktestFlip {
  id: string;
  from: DecisionAction;
  to: DecisionAction;
  /** Whether a handoff appears (`added`), disappears (`removed`) or neither. */
  handoff: 'added' | 'removed' | 'none';
  /** The queue before and after, for handoffs. */
  fromQueue?: string;
  toQueue?: string;
  /** Reason codes the proposed decision has that the current one has not, and the reverse. */
  reasonsAdded: string[];
  reasonsRemoved: string[];
  /** Why, in a sentence: the new reasons' details, or what no longer fires. */
  detail: string;
  /** The customer message the decision was taken at, truncated. */
  text: string;
  /** The answerer's confidence at that message (the same for both policies). */
  confidence: number;
}

/** The queueing figures for one queue under one policy. */
export interface QueueRisk {
  handoffs: number;
  handoffsPerHour: number;
  /** Agents assumed on this queue: today's staffing, split by today's load. */
  agents: number;
  utilisation: number | null;
  /** Mean wait for an agent in minutes; null when the queue is overloaded or nobody staffs it. */
  expectedWaitMinutes: number | null;
  /** Share of this queue's handoffs expected to wait past their priority's SLA. */
  shareOverSla: number;
  /** Demand on a queue with no agents today, or at or beyond its capacity. */
  overloaded: boolean;
}

/** The SLA risk of one policy. */
export interface SlaRiskSide {
  handoffsPerHour: number;
  /** All agents serving all handoffs (the best case: perfect pooling). */
  pooled: { utilisation: number; expectedWaitMinutes: number | null; shareOverSla: number };
  /** Agents kept on the queues they staff today; the handoff-weighted figures over queues. */
  expectedWaitMinutes: number | null;
  shareOverSla: number;
  byQueue: Record<string, QueueRisk>;
}

/** The estimated SLA risk, current and proposed, with the model's inputs. */
export interface SlaRisk {
  model: 'erlang-c';
  arrivalsPerHour: number;
  handleMinutes: number;
  agents: number;
  sla: Record<Priority, number>;
  current: SlaRiskSide;
  proposed: SlaRiskSide;
}

/** What the backtest found. */
export interface BacktestResult {
  total: number;
  current: BacktestSide;
  proposed: BacktestSide;
  delta: {
    handoffs: number;
    handoffRate: number;
    notAnsweredRate: number;
    byQueue: Record<string, number>;
    byAction: Record<DecisionAction, number>;
  };
  /** Every conversation whose action changes, in input order. */
  flips: BacktestFlip[];
  /** Handoffs under both policies that would go to a different queue. */
  requeued: number;
  /** Where handoffs went historically, when the input says. */
  historical?: { handoffs: number; byTeam: Record<string, number> };
  /** Null without `arrivals`. */
  slaRisk: SlaRisk | null;
}

const ACTIONS: DecisionAction[] = ['answer', 'clarify', 'decline', 'offer_choice', 'escalate'];

interface Outcome {
  decision: Decision;
  /** The customer message it was taken at. */
  text: string;
  queue: string | undefined;
}

/**
 * Replays conversations through the current and the proposed policy and reports what would
 * change: the handoff rate, the load on each queue, the estimated SLA risk, and every
 * conversation that flips, with why. Deterministic: the same input gives the same report.
 */
export function runBacktest(items: BacktestInput[], opts: BacktestOptions): BacktestResult {
  const replay = opts.replay ?? 'last';
  const textChars = opts.textChars ?? 140;
  const current = emptySide();
  const proposed = emptySide();
  const flips: BacktestFlip[] = [];
  const queueItems = { current: new Map<string, Priority[]>(), proposed: new Map<string, Priority[]>() };
  let requeued = 0;
  const byTeam: Record<string, number> = {};
  let historicalHandoffs = 0;

  items.forEach((item, i) => {
    const a = named(outcome(item.engines?.current ?? opts.current, item.conversation, replay), opts.queueName);
    const b = named(outcome(item.engines?.proposed ?? opts.proposed, item.conversation, replay), opts.queueName);
    tally(current, a, queueItems.current);
    tally(proposed, b, queueItems.proposed);
    if (item.team) {
      historicalHandoffs++;
      byTeam[item.team] = (byTeam[item.team] ?? 0) + 1;
    }
    if (a.decision.action !== b.decision.action) flips.push(flip(item.id, a, b, textChars));
    else if (a.queue !== b.queue) requeued++;
    opts.onProgress?.(i + 1, items.length);
  });

  const total = items.length;
  for (const side of [current, proposed]) {
    side.rate = ratio(side.handoffs, total);
    side.notAnsweredRate = ratio(side.notAnswered, total);
    side.byQueue = sortRecord(side.byQueue);
  }
  const result: BacktestResult = {
    total,
    current,
    proposed,
    delta: {
      handoffs: proposed.handoffs - current.handoffs,
      handoffRate: round(proposed.rate - current.rate),
      notAnsweredRate: round(proposed.notAnsweredRate - current.notAnsweredRate),
      byQueue: diff(current.byQueue, proposed.byQueue),
      byAction: diff(current.byAction, proposed.byAction) as Record<DecisionAction, number>,
    },
    flips,
    requeued,
    slaRisk: null,
  };
  if (historicalHandoffs) result.historical = { handoffs: historicalHandoffs, byTeam: sortRecord(byTeam) };
  if (opts.arrivals) result.slaRisk = slaRisk(total, queueItems, opts.arrivals, opts.sla ?? DEFAULT_SLA_MINUTES, opts.defaultHandleMinutes ?? 6);
  return result;
}

function outcome(engine: Engine, conversation: Conversation, replay: 'last' | 'each'): Outcome {
  const turns = conversation.turns;
  let decision: Decision | undefined;
  let text = '';
  if (replay === 'each') {
    for (let i = 0; i < turns.length; i++) {
      const t = turns[i]!;
      if (t.role === 'agent') break;
      if (t.role !== 'customer') continue;
      decision = engine.decide({ ...conversation, turns: turns.slice(0, i + 1) });
      text = t.text;
      if (decision.action === 'escalate') break;
    }
  }
  if (!decision) {
    decision = engine.decide(conversation);
    for (let i = turns.length - 1; i >= 0; i--) {
      if (turns[i]!.role === 'customer') {
        text = turns[i]!.text;
        break;
      }
    }
  }
  const queue = decision.action === 'escalate' ? queueFor(engine, decision) : undefined;
  return { decision, text, queue };
}

function named(o: Outcome, queueName: ((category: string) => string) | undefined): Outcome {
  return queueName && o.queue !== undefined ? { ...o, queue: queueName(o.queue) } : o;
}

/** The queue a handoff goes to: the sales queue for high intent, otherwise its routing category. */
export function queueFor(engine: Pick<Engine, 'answerer'>, decision: Decision): string {
  if (decision.signals.queue) return decision.signals.queue;
  const articleCategory = decision.articleId ? engine.answerer?.articles.get(decision.articleId)?.category : undefined;
  return categoryForDecision(decision, articleCategory ? { articleCategory } : {});
}

function emptySide(): BacktestSide {
  return {
    handoffs: 0,
    rate: 0,
    notAnswered: 0,
    notAnsweredRate: 0,
    byQueue: {},
    byAction: Object.fromEntries(ACTIONS.map((a) => [a, 0])) as Record<DecisionAction, number>,
  };
}

function tally(side: BacktestSide, o: Outcome, queues: Map<string, Priority[]>): void {
  const action = o.decision.action;
  side.byAction[action]++;
  if (action !== 'answer') side.notAnswered++;
  if (action === 'escalate' && o.queue) {
    side.handoffs++;
    side.byQueue[o.queue] = (side.byQueue[o.queue] ?? 0) + 1;
    let list = queues.get(o.queue);
    if (!list) queues.set(o.queue, (list = []));
    list.push(o.decision.priority);
  }
}

function flip(id: string, a: Outcome, b: Outcome, textChars: number): BacktestFlip {
  const before = new Set(a.decision.reasons.map((r) => r.code));
  const after = new Set(b.decision.reasons.map((r) => r.code));
  const added = b.decision.reasons.filter((r) => !before.has(r.code));
  const removed = a.decision.reasons.filter((r) => !after.has(r.code));
  const from = a.decision.action;
  const to = b.decision.action;
  const parts: string[] = [];
  if (added.length) parts.push(unique(added.map((r) => r.detail)).join('; '));
  if (removed.length) parts.push(`no longer: ${unique(removed.map((r) => r.detail)).join('; ')}`);
  if (to === 'answer' && b.decision.articleId) parts.push(`answers from ${b.decision.articleId} (confidence ${b.decision.confidence.toFixed(2)})`);
  // Same triggers, different outcome (a threshold or a count changed): the proposed decision says why.
  if (!parts.length) parts.push(unique(b.decision.reasons.map((r) => r.detail)).join('; ') || `${from} → ${to} with no reasons`);
  const out: BacktestFlip = {
    id,
    from,
    to,
    handoff: to === 'escalate' ? 'added' : from === 'escalate' ? 'removed' : 'none',
    reasonsAdded: unique(added.map((r) => r.code)),
    reasonsRemoved: unique(removed.map((r) => r.code)),
    detail: parts.join('; '),
    text: truncate(b.text || a.text, textChars),
    confidence: b.decision.confidence,
  };
  if (a.queue) out.fromQueue = a.queue;
  if (b.queue) out.toQueue = b.queue;
  return out;
}

function slaRisk(
  total: number,
  queues: { current: Map<string, Priority[]>; proposed: Map<string, Priority[]> },
  arrivals: BacktestArrivals,
  sla: Record<Priority, number>,
  defaultHandle: number,
): SlaRisk {
  const handles = arrivals.handleMinutes.filter((h) => Number.isFinite(h) && h > 0);
  const handle = handles.length ? handles.reduce((s, h) => s + h, 0) / handles.length : defaultHandle;
  const perConversation = total > 0 ? arrivals.perHour / total : 0;
  const agents = Math.max(0, arrivals.agents);
  const currentTotal = sum([...queues.current.values()].map((l) => l.length));
  // Today's staffing follows today's demand: each queue keeps the share of agents its current load earns.
  const staff = (queue: string) => (currentTotal ? (agents * (queues.current.get(queue)?.length ?? 0)) / currentTotal : 0);

  const side = (byQueue: Map<string, Priority[]>): SlaRiskSide => {
    const handoffs = sum([...byQueue.values()].map((l) => l.length));
    const all = [...byQueue.values()].flat();
    const pooledModel = queueModel({ arrivalsPerMinute: (handoffs * perConversation) / 60, handleMinutes: handle, servers: agents });
    const out: SlaRiskSide = {
      handoffsPerHour: round(handoffs * perConversation),
      pooled: {
        utilisation: round(pooledModel.utilisation),
        expectedWaitMinutes: roundOrNull(pooledModel.expectedWaitMinutes),
        shareOverSla: round(ratioOf(all, (p) => pooledModel.waitExceeds(sla[p]))),
      },
      expectedWaitMinutes: 0,
      shareOverSla: 0,
      byQueue: {},
    };
    let waitSum = 0;
    let unbounded = false;
    let over = 0;
    for (const [queue, priorities] of [...byQueue.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
      const servers = staff(queue);
      const m = queueModel({ arrivalsPerMinute: (priorities.length * perConversation) / 60, handleMinutes: handle, servers });
      const share = ratioOf(priorities, (p) => m.waitExceeds(sla[p]));
      over += share * priorities.length;
      if (m.expectedWaitMinutes === null) unbounded = true;
      else waitSum += m.expectedWaitMinutes * priorities.length;
      out.byQueue[queue] = {
        handoffs: priorities.length,
        handoffsPerHour: round(priorities.length * perConversation),
        agents: round(servers),
        utilisation: Number.isFinite(m.utilisation) ? round(m.utilisation) : null,
        expectedWaitMinutes: roundOrNull(m.expectedWaitMinutes),
        shareOverSla: round(share),
        overloaded: m.expectedWaitMinutes === null,
      };
    }
    out.expectedWaitMinutes = unbounded ? null : round(ratio(waitSum, handoffs));
    out.shareOverSla = round(ratio(over, handoffs));
    return out;
  };

  return {
    model: 'erlang-c',
    arrivalsPerHour: arrivals.perHour,
    handleMinutes: round(handle),
    agents,
    sla,
    current: side(queues.current),
    proposed: side(queues.proposed),
  };
}

function ratioOf<T>(items: T[], f: (item: T) => number): number {
  return items.length ? sum(items.map(f)) / items.length : 0;
}

function diff(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return Object.fromEntries(keys.map((k) => [k, (b[k] ?? 0) - (a[k] ?? 0)]));
}

function sortRecord(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function truncate(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return clipText(t, max);
}

function sum(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}

function ratio(n: number, d: number): number {
  return d > 0 ? round(n / d) : 0;
}

function round(n: number): number {
  return Number.isFinite(n) ? Math.round(n * 10_000) / 10_000 : n;
}

function roundOrNull(n: number | null): number | null {
  return n === null ? null : round(n);
}

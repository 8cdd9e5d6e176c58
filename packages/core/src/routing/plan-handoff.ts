import type { Brief } from '../brief/brief.js';
import { formatLocal } from '../hours/format-local.js';
import { isOpen } from '../hours/is-open.js';
import { nextOpening } from '../hours/next-opening.js';
import type { Decision } from '../policy/decision.js';
import type { Priority } from '../policy/policy.js';
import type { CustomerMessage, Locale } from '../templates/messages.js';
import { reasonKindFor } from '../templates/reason-kind.js';
import type { AgentState } from './agent-state.js';
import { DEFAULT_SLA_MINUTES } from './default-sla.js';
import { slaDueAt } from './sla-due-at.js';
import type { Team } from './team.js';
import { estimateQueue, type WaitingItem } from './queue-estimates.js';

/** What the customer is told the team is called when no team exists yet ("our support team"). */
export const FALLBACK_TEAM_NAME = 'support';

/** An earlier escalation by the same customer within 24 h, on any channel (DESIGN §8). */
export interface RepeatEscalation {
  /** The earlier conversation's case number. */
  previousCaseNumber: string;
  /** Hours since that escalation. */
  hoursAgo: number;
  /** The channel it came on. */
  channel: string;
}

/** Everything a handoff's plan is decided from, loaded by the caller at one instant. */
export interface HandoffPlanInput {
  /** The escalation: its priority, and its reasons for what the customer is told. */
  decision: Pick<Decision, 'priority' | 'reasons'>;
  /** The routed team, or null when the workspace has no team. */
  team: Team | null;
  /** The brief as built for the agent. */
  brief: Brief;
  /** The customer's previous escalation within 24 h, if any. */
  repeat: RepeatEscalation | null;
  /** The team's queue before this handoff joins it (the general queue when `team` is null). */
  queue: {
    /** The handoffs already waiting there. */
    waiting: readonly WaitingItem[];
    /** All agents with their current load; the team's online ones are counted. */
    agents: readonly AgentState[];
    /** Recent handle times there, in minutes. */
    recentHandleMinutes: number[];
  };
  /** Told to the customer in the notice. */
  caseNumber: string;
  /** The customer's language, for the notice and the opening time. */
  locale: Locale;
  /** The customer's IANA time zone, when known: the opening time is told in their clock, else in the team's. */
  customerTimeZone?: string | null;
  /** Epoch ms. */
  now: number;
  settings: {
    /** The handle time when there is no history, and per place in the queue when nobody is online. */
    defaultHandleMinutes: number;
    /** Offer a callback or an email reply when the wait is over this many minutes. */
    callbackOfferMinutes: number;
  };
}

/** What to store, tell and schedule for one handoff (DESIGN §2.5, §5, §6). */
export interface HandoffPlan {
  /** The team the handoff is stored with; null for the general queue. */
  teamId: string | null;
  /** The name the customer reads: the team's, or `FALLBACK_TEAM_NAME`. */
  teamName: string;
  /** The decision's priority. */
  priority: Priority;
  /** When the first human reply is due (epoch ms): the team's target, or the default one. */
  slaDueAt: number;
  /** 1-based place in the queue once the handoff joins it. */
  position: number;
  /** The one wait estimate, in minutes, for the queue update. */
  waitMinutes: number;
  /** The estimate stored on the handoff; null while the team is closed, when no wait is promised. */
  waitEstimateMinutes: number | null;
  /** The team is closed now and opens again at `opensAt`. */
  afterHours: boolean;
  /** When the closed team opens (epoch ms); null when it is open or never opens again. */
  opensAt: number | null;
  /** After hours or a long wait: the customer is offered a callback or an email reply. */
  offerCallback: boolean;
  /** The notice to the customer: why, when, and the case number. */
  notice: CustomerMessage;
  /** The brief, with the repeat escalation flagged and put first among the next steps. */
  brief: Brief;
}

/**
 * Decides a handoff from what was loaded: its SLA deadline (the team's target, counted in its
 * business hours, else the default targets), its place in the queue, one wait estimate, whether
 * the team is closed, whether to offer a callback, what to tell the customer, and the brief's
 * next steps. The caller stores and sends what comes back.
 */
export function planHandoff(input: HandoffPlanInput): HandoffPlan {
  const { decision, team, now } = input;
  const priority = decision.priority;
  const due = team ? slaDueAt(team, priority, now) : now + DEFAULT_SLA_MINUTES[priority] * 60_000;
  // The newcomer is estimated with the queue it joins, so it is never promised a shorter wait than
  // anyone ahead of it. Nobody online: there is still a number to give, the queue ahead at the
  // usual handle time, and it is long enough to offer a callback.
  const estimates = estimateQueue({
    waiting: [...input.queue.waiting, { id: NEWCOMER, priority, slaDueAt: due, createdAt: Number.POSITIVE_INFINITY, queuedAt: now }],
    teamId: team?.id ?? null,
    agents: input.queue.agents,
    recentHandleMinutes: input.queue.recentHandleMinutes,
    defaultHandleMinutes: input.settings.defaultHandleMinutes,
    now,
  });
  const { position, waitMinutes } = estimates.find((e) => e.id === NEWCOMER)!;
  const afterHours = Boolean(team?.hours && !isOpen(team.hours, now));
  const opensAt = afterHours && team?.hours ? nextOpening(team.hours, now) : null;
  const longWait = opensAt === null && waitMinutes > input.settings.callbackOfferMinutes;
  const teamName = team?.name ?? FALLBACK_TEAM_NAME;
  const { caseNumber, locale } = input;
  const notice: CustomerMessage =
    opensAt !== null && team?.hours
      ? { kind: 'after_hours', teamName, opensAt: formatLocal(opensAt, input.customerTimeZone ?? team.hours.timeZone, locale), caseNumber }
      : longWait
        ? { kind: 'long_wait', teamName, waitMinutes, caseNumber }
        : { kind: 'handoff', teamName, waitMinutes, caseNumber, reason: reasonKindFor(decision) };
  return {
    teamId: team?.id ?? null,
    teamName,
    priority,
    slaDueAt: due,
    position,
    waitMinutes,
    waitEstimateMinutes: opensAt !== null ? null : waitMinutes,
    afterHours,
    opensAt,
    offerCallback: opensAt !== null || longWait,
    notice,
    brief: withRepeat(input.brief, input.repeat),
  };
}

// The handoff being planned, among those already waiting: it queues behind everyone of a higher
// priority, and behind those of its own priority whose deadline is no later than its own (of equal
// deadlines, it arrived last).
const NEWCOMER = '';

function withRepeat(brief: Brief, repeat: RepeatEscalation | null): Brief {
  if (!repeat) return brief;
  const step = `Repeat escalation: this customer escalated ${repeat.hoursAgo} h ago on ${repeat.channel} (case ${repeat.previousCaseNumber}); read that case first.`;
  const { previousCaseNumber, hoursAgo, channel } = repeat;
  return { ...brief, repeatEscalation: { previousCaseNumber, hoursAgo, channel }, nextSteps: [step, ...brief.nextSteps] };
}

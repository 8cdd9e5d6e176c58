/**
 * The response shapes of the metrics, the learning reports and the policy preview, shared by the
 * server (which returns them) and the workspace (which draws them). Plain types: these responses
 * are computed by the server, never parsed from clients.
 */

/** TPercentiles of a duration, in seconds, and how many handoffs had one. */
export interface TPercentiles {
  p50: number | null;
  p90: number | null;
  n: number;
}

/** An average CSAT score (1..5) and how many ratings it is over. */
export interface TCsatSplit {
  average: number | null;
  n: number;
}

/** One row of a breakdown (by reason, team or channel). */
export interface TBreakdown {
  key: string;
  handoffs: number;
  /** Median seconds from request to first human message. */
  timeToHumanP50: number | null;
  /** Share of its handoffs abandoned while waiting. */
  abandonmentRate: number | null;
  /** Solved / resolved. */
  resolutionRate: number | null;
}

/**
 * DESIGN §8 metrics. Every rate is a share 0..1 with three decimals, null when its denominator is
 * zero (no data is not 0 %). Handoff metrics count the handoffs requested in the period;
 * conversation metrics (handoff rate, CSAT) the conversations started in it.
 */
export interface THandoffMetrics {
  period: { from: string | null; to: string | null };
  /** Conversations started in the period with at least one customer message. */
  conversations: number;
  /** Of those, how many had a handoff. */
  escalatedConversations: number;
  /** Handoffs requested in the period. */
  handoffs: number;
  /** escalatedConversations / conversations. */
  handoffRate: number | null;
  /** Request to first human message (`first_human_reply_at`). */
  timeToHumanSeconds: TPercentiles;
  /** Request to acceptance (`accepted_at`). */
  acceptanceSeconds: TPercentiles;
  /** Handoffs abandoned while waiting (status abandoned, never accepted) / handoffs. */
  abandonmentRate: number | null;
  abandoned: number;
  /** Handoffs resolved as solved / handoffs resolved (hand-backs to the AI are not resolutions). */
  resolutionRate: number | null;
  resolved: number;
  solved: number;
  /** Average `brief.contextCompleteness`, 0..1. */
  contextCompleteness: number | null;
  /** Handoffs whose brief was opened at or before the first human reply / handoffs with a first human reply. */
  contextUtilisation: number | null;
  /** Handoffs with at least one agent message asking for what the brief held / handoffs with a first human reply. */
  redundancyRate: number | null;
  /** Handoffs in which the customer restated, after the handoff, a turn already in the transcript / handoffs. */
  customerRepeatRate: number | null;
  /** First human replies that address the issue (see `firstResponseQuality`) / first human replies. */
  firstResponseQuality: { rate: number | null; n: number };
  /**
   * Handoffs whose customer (customer id, else email) had another handoff in the 24 hours before,
   * in any conversation and on any channel: `n` such handoffs, `rate` = n / handoffs, and how many
   * distinct customers.
   */
  repeatEscalation: { rate: number | null; n: number; customers: number; windowHours: number };
  /**
   * The wait announced at handoff against the actual minutes to acceptance, over handoffs with
   * both: mean absolute error in minutes, and the share whose actual wait was within ±50 % of the
   * estimate (|actual − estimate| ≤ 0.5 × estimate).
   */
  waitEstimate: { n: number; meanAbsoluteErrorMinutes: number | null; withinHalfRate: number | null };
  /** The three CSAT populations, see `CSAT_CLASS`. */
  csat: { aiOnly: TCsatSplit; afterHandoff: TCsatSplit; humanOnly: TCsatSplit };
  /** Handoffs per reason code (a handoff with two reasons counts under both). */
  byReason: Record<string, number>;
  byPriority: Record<string, number>;
  /** The agents' verdicts on resolved handoffs. */
  verdicts: Record<string, number>;
  /** Resolution categories of resolved handoffs. */
  categories: Record<string, number>;
  breakdowns: { reason: TBreakdown[]; team: TBreakdown[]; channel: TBreakdown[] };
  /** Hourly for ranges under three days, daily otherwise, UTC. */
  bucket: 'hour' | 'day';
  series: TSeriesPoint[];
}

/** One bucket of the chart series. */
export interface TSeriesPoint {
  /** Bucket start, UTC, ISO 8601 ("2026-03-02T00:00:00Z"). */
  t: string;
  /** Conversations started in the bucket (with at least one customer message). */
  conversations: number;
  /** Handoffs requested in the bucket. */
  handoffs: number;
  /** Share of the bucket's conversations that escalated. */
  handoffRate: number | null;
  /** Median seconds from request to first human message, of the bucket's handoffs. */
  timeToHumanP50: number | null;
  /** Average CSAT of the bucket's conversations that had a handoff. */
  csatAfterHandoff: number | null;
}

/** One group of escalations: a reason code, an intent/topic, or both. */
export interface TRecurringGroup {
  reason?: string;
  topic?: string;
  /** Handoffs in the period. */
  count: number;
  /** Handoffs in the previous period of the same length. */
  previous: number;
  /** count − previous. */
  change: number;
  trend: 'new' | 'up' | 'down' | 'flat';
  /** Up to three case numbers, most recent first. */
  examples: string[];
  /** The brief's intent sentence of the most recent one, e.g. "Wants a refund for a duplicate charge". */
  example: string | null;
}

/** Escalations that keep recurring for the same reason (DESIGN §8 "the learning loop"). */
export interface TRecurringEscalationsReport {
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  /** Groups with fewer handoffs in the period than this are left out. */
  minCount: number;
  byReason: TRecurringGroup[];
  byTopic: TRecurringGroup[];
  byReasonAndTopic: TRecurringGroup[];
}

/** A cluster of KB gaps (the same shape as core's `GapCluster`). */
export interface TGapCluster {
  /** A file-name-safe slug of the title, unique among the clusters returned together. */
  id: string;
  /** A draft article title from the cluster's key terms, e.g. "Exchange rate for euros". */
  title: string;
  /** Questions in the cluster, repeats included. */
  count: number;
  /** Up to 5 distinct questions, most central first. */
  examples: string[];
  /** Key terms, most characteristic first (surface forms). */
  terms: string[];
  /** The examples tidied into questions for the article's front matter. */
  suggestedQuestions: string[];
  /** Conversations the questions came from, when known, first 20. */
  conversationIds: string[];
  /** Mean answerer confidence over the cluster: how close the KB came. */
  meanConfidence: number;
}

/** KB gaps (DESIGN §8): the questions the AI could not answer, clustered into draft articles. */
export interface TKbGapsReport {
  period: { from: string; to: string };
  /** The confidence under which an answer counted as a gap. */
  threshold: number;
  /** Customer messages that counted as gaps. */
  questions: number;
  clusters: TGapCluster[];
}

/** A side of a backtest: the current or the proposed policy. */
export type TPreviewAction = 'answer' | 'clarify' | 'decline' | 'offer_choice' | 'escalate';

export interface TBacktestSide {
  handoffs: number;
  rate: number;
  notAnswered: number;
  notAnsweredRate: number;
  byQueue: Record<string, number>;
  byAction: Record<string, number>;
}

export interface TBacktestFlip {
  id: string;
  from: TPreviewAction;
  to: TPreviewAction;
  handoff: 'added' | 'removed' | 'none';
  fromQueue?: string;
  toQueue?: string;
  reasonsAdded: string[];
  reasonsRemoved: string[];
  detail: string;
  text: string;
  confidence: number;
}

export interface TQueueRisk {
  handoffs: number;
  handoffsPerHour: number;
  agents: number;
  utilisation: number | null;
  expectedWaitMinutes: number | null;
  shareOverSla: number;
  overloaded: boolean;
}

export interface TSlaRiskSide {
  handoffsPerHour: number;
  pooled: { utilisation: number; expectedWaitMinutes: number | null; shareOverSla: number };
  expectedWaitMinutes: number | null;
  shareOverSla: number;
  byQueue: Record<string, TQueueRisk>;
}

/** `POST /policy/preview`: core's BacktestResult (the server's return type checks the two agree) with the period replayed and the sample size. */
export interface TPolicyPreview {
  total: number;
  current: TBacktestSide;
  proposed: TBacktestSide;
  delta: { handoffs: number; handoffRate: number; notAnsweredRate: number; byQueue: Record<string, number>; byAction: Record<string, number> };
  flips: TBacktestFlip[];
  requeued: number;
  slaRisk: { model: string; arrivalsPerHour: number; handleMinutes: number; agents: number; sla: Record<string, number>; current: TSlaRiskSide; proposed: TSlaRiskSide } | null;
  period: { from: string; to: string };
  sampled: number;
}

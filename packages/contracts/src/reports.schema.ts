import { z } from 'zod';

/**
 * The response shapes of the metrics, the learning reports, the policy preview and the composer's
 * redundancy check: the server returns them (typed by `z.infer`), the route declares them, and the
 * workspace draws them. The objects are strict, so a field the server adds without adding it
 * here fails the response check in tests.
 */

const share = z.number().nullable();
const tally = z.record(z.string(), z.number());
const ZPeriodSchema = z.strictObject({ from: z.string(), to: z.string() });

/** Percentiles of a duration, in seconds, and how many handoffs had one. */
export const ZPercentilesSchema = z.strictObject({ p50: z.number().nullable(), p90: z.number().nullable(), n: z.number().int() });
export type TPercentiles = z.infer<typeof ZPercentilesSchema>;

/** An average CSAT score (1..5) and how many ratings it is over. */
export const ZCsatSplitSchema = z.strictObject({ average: z.number().nullable(), n: z.number().int() });
export type TCsatSplit = z.infer<typeof ZCsatSplitSchema>;

/** One row of a breakdown (by reason, team or channel). */
export const ZBreakdownSchema = z.strictObject({
  key: z.string(),
  handoffs: z.number().int(),
  /** Median seconds from request to first human message. */
  timeToHumanP50: z.number().nullable(),
  /** Share of its handoffs abandoned while waiting. */
  abandonmentRate: share,
  /** Solved / resolved. */
  resolutionRate: share,
});
export type TBreakdown = z.infer<typeof ZBreakdownSchema>;

/** One bucket of the chart series. */
export const ZSeriesPointSchema = z.strictObject({
  /** Bucket start, UTC, ISO 8601 ("2026-03-02T00:00:00Z"). */
  t: z.string(),
  /** Conversations started in the bucket (with at least one customer message). */
  conversations: z.number().int(),
  /** Handoffs requested in the bucket. */
  handoffs: z.number().int(),
  /** Share of the bucket's conversations that escalated. */
  handoffRate: share,
  /** Median seconds from request to first human message, of the bucket's handoffs. */
  timeToHumanP50: z.number().nullable(),
  /** Average CSAT of the bucket's conversations that had a handoff. */
  csatAfterHandoff: z.number().nullable(),
});
export type TSeriesPoint = z.infer<typeof ZSeriesPointSchema>;

/**
 * `GET /metrics/handoffs`, DESIGN §8. Every rate is a share 0..1 with three decimals, null when
 * its denominator is zero (no data is not 0 %). Handoff metrics count the handoffs requested in
 * the period; conversation metrics (handoff rate, CSAT) the conversations started in it.
 */
export const ZHandoffMetricsSchema = z.strictObject({
  period: z.strictObject({ from: z.string().nullable(), to: z.string().nullable() }),
  /** Conversations started in the period with at least one customer message. */
  conversations: z.number().int(),
  /** Of those, how many had a handoff. */
  escalatedConversations: z.number().int(),
  /** Handoffs requested in the period. */
  handoffs: z.number().int(),
  /** escalatedConversations / conversations. */
  handoffRate: share,
  /** Request to first human message (`first_human_reply_at`). */
  timeToHumanSeconds: ZPercentilesSchema,
  /** Request to acceptance (`accepted_at`). */
  acceptanceSeconds: ZPercentilesSchema,
  /** Handoffs abandoned while waiting (status abandoned, never accepted) / handoffs. */
  abandonmentRate: share,
  abandoned: z.number().int(),
  /** Handoffs resolved as solved / handoffs resolved (hand-backs to the AI are not resolutions). */
  resolutionRate: share,
  resolved: z.number().int(),
  solved: z.number().int(),
  /** Average `brief.contextCompleteness`, 0..1. */
  contextCompleteness: share,
  /** Handoffs whose brief was opened at or before the first human reply / handoffs with a first human reply. */
  contextUtilisation: share,
  /** Handoffs with at least one agent message asking for what the brief held / handoffs with a first human reply. */
  redundancyRate: share,
  /** Handoffs in which the customer restated, after the handoff, a turn already in the transcript / handoffs. */
  customerRepeatRate: share,
  /** First human replies that address the issue (see `firstResponseQuality`) / first human replies. */
  firstResponseQuality: z.strictObject({ rate: share, n: z.number().int() }),
  /**
   * Handoffs whose customer (customer id, else email) had another handoff in the 24 hours before,
   * in any conversation and on any channel: `n` such handoffs, `rate` = n / handoffs, and how many
   * distinct customers.
   */
  repeatEscalation: z.strictObject({ rate: share, n: z.number().int(), customers: z.number().int(), windowHours: z.number() }),
  /**
   * The wait announced at handoff against the actual minutes to acceptance, over handoffs with
   * both: mean absolute error in minutes, and the share whose actual wait was within ±50 % of the
   * estimate (|actual − estimate| ≤ 0.5 × estimate).
   */
  waitEstimate: z.strictObject({ n: z.number().int(), meanAbsoluteErrorMinutes: z.number().nullable(), withinHalfRate: share }),
  /** The three CSAT populations, see `CSAT_CLASS`. */
  csat: z.strictObject({ aiOnly: ZCsatSplitSchema, afterHandoff: ZCsatSplitSchema, humanOnly: ZCsatSplitSchema }),
  /** Handoffs per reason code (a handoff with two reasons counts under both). */
  byReason: tally,
  byPriority: tally,
  /** The agents' verdicts on resolved handoffs. */
  verdicts: tally,
  /** Resolution categories of resolved handoffs. */
  categories: tally,
  breakdowns: z.strictObject({ reason: z.array(ZBreakdownSchema), team: z.array(ZBreakdownSchema), channel: z.array(ZBreakdownSchema) }),
  /** Hourly for ranges under three days, daily otherwise, UTC. */
  bucket: z.enum(['hour', 'day']),
  series: z.array(ZSeriesPointSchema),
});
export type THandoffMetrics = z.infer<typeof ZHandoffMetricsSchema>;

/** One group of escalations: a reason code, an intent/topic, or both. */
export const ZRecurringGroupSchema = z.strictObject({
  reason: z.string().optional(),
  topic: z.string().optional(),
  /** Handoffs in the period. */
  count: z.number().int(),
  /** Handoffs in the previous period of the same length. */
  previous: z.number().int(),
  /** count − previous. */
  change: z.number().int(),
  trend: z.enum(['new', 'up', 'down', 'flat']),
  /** Up to three case numbers, most recent first. */
  examples: z.array(z.string()),
  /** The brief's intent sentence of the most recent one, e.g. "Wants a refund for a duplicate charge". */
  example: z.string().nullable(),
});
export type TRecurringGroup = z.infer<typeof ZRecurringGroupSchema>;

/** `GET /reports/recurring-escalations`: escalations that keep recurring for the same reason (DESIGN §8 "the learning loop"). */
export const ZRecurringEscalationsReportSchema = z.strictObject({
  period: ZPeriodSchema,
  previousPeriod: ZPeriodSchema,
  /** Groups with fewer handoffs in the period than this are left out. */
  minCount: z.number().int(),
  byReason: z.array(ZRecurringGroupSchema),
  byTopic: z.array(ZRecurringGroupSchema),
  byReasonAndTopic: z.array(ZRecurringGroupSchema),
});
export type TRecurringEscalationsReport = z.infer<typeof ZRecurringEscalationsReportSchema>;

/** A cluster of KB gaps (the same shape as core's `GapCluster`). */
export const ZGapClusterSchema = z.strictObject({
  /** A file-name-safe slug of the title, unique among the clusters returned together. */
  id: z.string(),
  /** A draft article title from the cluster's key terms, e.g. "Exchange rate for euros". */
  title: z.string(),
  /** Questions in the cluster, repeats included. */
  count: z.number().int(),
  /** Up to 5 distinct questions, most central first. */
  examples: z.array(z.string()),
  /** Key terms, most characteristic first (surface forms). */
  terms: z.array(z.string()),
  /** The examples tidied into questions for the article's front matter. */
  suggestedQuestions: z.array(z.string()),
  /** Conversations the questions came from, when known, first 20. */
  conversationIds: z.array(z.string()),
  /** Mean answerer confidence over the cluster: how close the KB came. */
  meanConfidence: z.number(),
});
export type TGapCluster = z.infer<typeof ZGapClusterSchema>;

/** `GET /reports/kb-gaps` (DESIGN §8): the questions the AI could not answer, clustered into draft articles. */
export const ZKbGapsReportSchema = z.strictObject({
  period: ZPeriodSchema,
  /** The confidence under which an answer counted as a gap. */
  threshold: z.number(),
  /** Customer messages that counted as gaps. */
  questions: z.number().int(),
  clusters: z.array(ZGapClusterSchema),
});
export type TKbGapsReport = z.infer<typeof ZKbGapsReportSchema>;

/** `GET /reports/learning`: the tallies the learning loop reads (DESIGN §8), why handoffs happen and how they end. */
export const ZLearningReportSchema = z.strictObject({
  period: ZPeriodSchema,
  handoffs: z.number().int(),
  /** Handoffs per reason code (a handoff with two reasons counts under both). */
  reasonCodes: tally,
  /** Resolved handoffs per resolution category ('handed_back' included: the agent gave it back). */
  resolutionCategories: tally,
  /** Resolved handoffs per outcome. */
  outcomes: tally,
  /** The agents' verdicts: needed, unnecessary, too_late, wrong_team. */
  verdicts: tally,
  /** Verdicts per reason code: which triggers send agents work they call unnecessary. */
  verdictsByReason: z.record(z.string(), tally),
  /** Quality flags raised in the period, per kind. */
  qualityFlags: tally,
});
export type TLearningReport = z.infer<typeof ZLearningReportSchema>;

/** What a policy decides for one customer message. */
export const ZPreviewActionSchema = z.enum(['answer', 'clarify', 'decline', 'offer_choice', 'escalate']);
export type TPreviewAction = z.infer<typeof ZPreviewActionSchema>;

/** A side of a backtest: the current or the proposed policy. */
export const ZBacktestSideSchema = z.strictObject({
  handoffs: z.number().int(),
  rate: z.number(),
  notAnswered: z.number().int(),
  notAnsweredRate: z.number(),
  byQueue: tally,
  byAction: tally,
});
export type TBacktestSide = z.infer<typeof ZBacktestSideSchema>;

/** A message the proposed policy decides differently. */
export const ZBacktestFlipSchema = z.strictObject({
  id: z.string(),
  from: ZPreviewActionSchema,
  to: ZPreviewActionSchema,
  handoff: z.enum(['added', 'removed', 'none']),
  fromQueue: z.string().optional(),
  toQueue: z.string().optional(),
  reasonsAdded: z.array(z.string()),
  reasonsRemoved: z.array(z.string()),
  detail: z.string(),
  text: z.string(),
  confidence: z.number(),
});
export type TBacktestFlip = z.infer<typeof ZBacktestFlipSchema>;

/** One queue's load under a policy: the queueing model's estimate. */
export const ZQueueRiskSchema = z.strictObject({
  handoffs: z.number().int(),
  handoffsPerHour: z.number(),
  /** Agent slots serving the queue; a share of the pool, so not always whole. */
  agents: z.number(),
  utilisation: z.number().nullable(),
  expectedWaitMinutes: z.number().nullable(),
  shareOverSla: z.number(),
  overloaded: z.boolean(),
});
export type TQueueRisk = z.infer<typeof ZQueueRiskSchema>;

export const ZSlaRiskSideSchema = z.strictObject({
  handoffsPerHour: z.number(),
  pooled: z.strictObject({ utilisation: z.number(), expectedWaitMinutes: z.number().nullable(), shareOverSla: z.number() }),
  expectedWaitMinutes: z.number().nullable(),
  shareOverSla: z.number(),
  byQueue: z.record(z.string(), ZQueueRiskSchema),
});
export type TSlaRiskSide = z.infer<typeof ZSlaRiskSideSchema>;

/** `POST /policy/preview`: core's BacktestResult (the server's return type checks the two agree) with the period replayed and the sample size. */
export const ZPolicyPreviewResponseSchema = z.strictObject({
  total: z.number().int(),
  current: ZBacktestSideSchema,
  proposed: ZBacktestSideSchema,
  delta: z.strictObject({ handoffs: z.number().int(), handoffRate: z.number(), notAnsweredRate: z.number(), byQueue: tally, byAction: tally }),
  flips: z.array(ZBacktestFlipSchema),
  requeued: z.number().int(),
  /** Where handoffs went historically, when the stored conversations say. */
  historical: z.strictObject({ handoffs: z.number().int(), byTeam: tally }).optional(),
  slaRisk: z
    .strictObject({
      model: z.string(),
      arrivalsPerHour: z.number(),
      handleMinutes: z.number(),
      agents: z.number(),
      sla: tally,
      current: ZSlaRiskSideSchema,
      proposed: ZSlaRiskSideSchema,
    })
    .nullable(),
  period: ZPeriodSchema,
  sampled: z.number().int(),
});
export type TPolicyPreview = z.infer<typeof ZPolicyPreviewResponseSchema>;

/** `POST /conversations/:id/redundancy-check`: does the draft ask for something the brief already holds? */
export const ZRedundancyCheckResponseSchema = z.strictObject({
  redundant: z.boolean(),
  /** What was asked, the value the brief held and the sentence that asked; absent when not redundant. */
  match: z
    .strictObject({
      field: z.enum(['order_number', 'invoice_number', 'tracking_number', 'email', 'phone', 'account_id', 'error_code', 'version', 'browser', 'device', 'name']),
      value: z.string(),
      phrase: z.string(),
    })
    .optional(),
});
export type TRedundancyCheck = z.infer<typeof ZRedundancyCheckResponseSchema>;

/** `GET /metrics/handoffs` and the learning reports, as the server's handoff-metrics.ts and reports/*.ts document them. */

export interface Percentiles {
  p50: number | null;
  p90: number | null;
  n: number;
}

export interface CsatSplit {
  average: number | null;
  n: number;
}

export interface Breakdown {
  key: string;
  handoffs: number;
  timeToHumanP50: number | null;
  abandonmentRate: number | null;
  resolutionRate: number | null;
}

export interface SeriesPoint {
  t: string;
  conversations: number;
  handoffs: number;
  handoffRate: number | null;
  timeToHumanP50: number | null;
  csatAfterHandoff: number | null;
}

export interface HandoffMetrics {
  period: { from: string | null; to: string | null };
  conversations: number;
  escalatedConversations: number;
  handoffs: number;
  handoffRate: number | null;
  timeToHumanSeconds: Percentiles;
  acceptanceSeconds: Percentiles;
  abandonmentRate: number | null;
  abandoned: number;
  resolutionRate: number | null;
  resolved: number;
  solved: number;
  contextCompleteness: number | null;
  contextUtilisation: number | null;
  redundancyRate: number | null;
  customerRepeatRate: number | null;
  firstResponseQuality: { rate: number | null; n: number };
  repeatEscalation: { rate: number | null; n: number; customers: number; windowHours: number };
  waitEstimate: { n: number; meanAbsoluteErrorMinutes: number | null; withinHalfRate: number | null };
  csat: { aiOnly: CsatSplit; afterHandoff: CsatSplit; humanOnly: CsatSplit };
  byReason: Record<string, number>;
  byPriority: Record<string, number>;
  verdicts: Record<string, number>;
  categories: Record<string, number>;
  breakdowns: { reason: Breakdown[]; team: Breakdown[]; channel: Breakdown[] };
  bucket: 'hour' | 'day';
  series: SeriesPoint[];
}

export interface GapCluster {
  id: string;
  title: string;
  count: number;
  examples: string[];
  terms: string[];
  suggestedQuestions: string[];
  conversationIds: string[];
  meanConfidence: number;
}

export interface KbGapsReport {
  period: { from: string; to: string };
  threshold: number;
  questions: number;
  clusters: GapCluster[];
}

export interface RecurringGroup {
  reason?: string;
  topic?: string;
  count: number;
  previous: number;
  change: number;
  trend: 'new' | 'up' | 'down' | 'flat';
  examples: string[];
  example: string | null;
}

export interface RecurringEscalationsReport {
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  minCount: number;
  byReason: RecurringGroup[];
  byTopic: RecurringGroup[];
  byReasonAndTopic: RecurringGroup[];
}

export type DecisionAction = 'answer' | 'clarify' | 'decline' | 'offer_choice' | 'escalate';

export interface BacktestSide {
  handoffs: number;
  rate: number;
  notAnswered: number;
  notAnsweredRate: number;
  byQueue: Record<string, number>;
  byAction: Record<string, number>;
}

export interface BacktestFlip {
  id: string;
  from: DecisionAction;
  to: DecisionAction;
  handoff: 'added' | 'removed' | 'none';
  fromQueue?: string;
  toQueue?: string;
  reasonsAdded: string[];
  reasonsRemoved: string[];
  detail: string;
  text: string;
  confidence: number;
}

export interface QueueRisk {
  handoffs: number;
  handoffsPerHour: number;
  agents: number;
  utilisation: number | null;
  expectedWaitMinutes: number | null;
  shareOverSla: number;
  overloaded: boolean;
}

export interface SlaRiskSide {
  handoffsPerHour: number;
  pooled: { utilisation: number; expectedWaitMinutes: number | null; shareOverSla: number };
  expectedWaitMinutes: number | null;
  shareOverSla: number;
  byQueue: Record<string, QueueRisk>;
}

/** `POST /policy/preview`: core's BacktestResult with the period replayed and the sample size. */
export interface PolicyPreview {
  total: number;
  current: BacktestSide;
  proposed: BacktestSide;
  delta: { handoffs: number; handoffRate: number; notAnsweredRate: number; byQueue: Record<string, number>; byAction: Record<string, number> };
  flips: BacktestFlip[];
  requeued: number;
  slaRisk: { model: string; arrivalsPerHour: number; handleMinutes: number; agents: number; sla: Record<string, number>; current: SlaRiskSide; proposed: SlaRiskSide } | null;
  period: { from: string; to: string };
  sampled: number;
}

export const VERDICT_LABELS: Record<string, string> = {
  needed: 'Needed a human',
  unnecessary: 'Unnecessary',
  too_late: 'Too late',
  wrong_team: 'Wrong team',
};

export const ACTION_LABELS: Record<string, string> = {
  answer: 'AI answers',
  clarify: 'AI asks to clarify',
  decline: 'AI declines',
  offer_choice: 'AI offers a choice',
  escalate: 'Hand to a person',
};

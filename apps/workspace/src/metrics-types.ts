/** The metrics, report and preview shapes come from the contracts, under the names the pages use. */
export type {
  TBacktestFlip as BacktestFlip,
  TBacktestSide as BacktestSide,
  TBreakdown as Breakdown,
  TCsatSplit as CsatSplit,
  TGapCluster as GapCluster,
  THandoffMetrics as HandoffMetrics,
  TKbGapsReport as KbGapsReport,
  TPercentiles as Percentiles,
  TPolicyPreview as PolicyPreview,
  TPreviewAction as DecisionAction,
  TQueueRisk as QueueRisk,
  TRecurringEscalationsReport as RecurringEscalationsReport,
  TRecurringGroup as RecurringGroup,
  TSeriesPoint as SeriesPoint,
  TSlaRiskSide as SlaRiskSide,
} from '@baton/contracts';

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

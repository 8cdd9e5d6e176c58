import type { Brief } from './brief.js';

/**
 * The fields context completeness counts (DESIGN §8), each a question an agent would otherwise
 * have to ask or look up. The list is fixed so the metric is comparable across releases; add
 * to it only with a note in the changelog, as it moves every score.
 */
export const COMPLETENESS_FIELDS = [
  'customer.name',
  'customer.tier',
  'customer.account',
  'account.tenure',
  'account.status',
  'account.orders_or_subscriptions',
  'intent',
  'entities',
  'entities.verified',
  'transcript.timestamps',
] as const;

/** One field of {@link COMPLETENESS_FIELDS}. */
export type CompletenessField = (typeof COMPLETENESS_FIELDS)[number];

type Scored = Omit<Brief, 'contextCompleteness' | 'missingContext'>;

const FILLED: Record<CompletenessField, (b: Scored) => boolean> = {
  'customer.name': (b) => Boolean(b.headline.customerName),
  'customer.tier': (b) => Boolean(b.headline.tier),
  'customer.account': (b) => Boolean(b.headline.accountId),
  'account.tenure': (b) => b.account?.tenureMonths !== undefined,
  'account.status': (b) => Boolean(b.account?.status),
  'account.orders_or_subscriptions': (b) => (b.account?.orderCount ?? 0) > 0 || (b.account?.subscriptions.length ?? 0) > 0,
  intent: (b) => b.intent.rule !== 'fallback',
  entities: (b) => b.entities.length > 0,
  'entities.verified': (b) => b.entities.some((e) => e.verified),
  'transcript.timestamps': (b) => b.transcript.length > 0 && b.transcript.every((t) => t.at !== undefined),
};

/** The share of fields filled (0..1, two decimals), and which were not. */
export function contextCompleteness(brief: Scored): { score: number; missing: CompletenessField[] } {
  const missing = COMPLETENESS_FIELDS.filter((f) => !FILLED[f](brief));
  const score = Math.round(((COMPLETENESS_FIELDS.length - missing.length) / COMPLETENESS_FIELDS.length) * 100) / 100;
  return { score, missing };
}

import type { SentimentLabel } from '../signals/sentiment.js';
import type { Reason } from './decision.js';
import type { Policy, Priority } from './policy.js';
import { PRIORITIES } from './policy.js';
import type { ReasonCode } from './reasons.js';

/** Reasons that name a sensitive topic; frustration on one of them raises the priority. */
const SENSITIVE: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  'billing',
  'security',
  'account_closure',
  'legal',
  'health_safety',
  'personal_safety',
  'accessibility',
  'policy_exception',
  'complaint',
  'high_value',
]);

/**
 * Priority from the triggers taken together (DESIGN §3): the highest base level of any reason,
 * one more for a sensitive topic from a customer frustrated for several turns (or upset), and
 * one more for a VIP. A billing dispute with 3 frustrated turns is high; safety is critical.
 */
export function computePriority(
  reasons: Reason[],
  policy: Policy,
  mood: { frustratedStreak: number; label: SentimentLabel },
  vip: boolean,
): Priority {
  let level = 0;
  for (const r of reasons) level = Math.max(level, PRIORITIES.indexOf(policy.priority.base[r.code] ?? 'low'));
  const sensitive = reasons.some((r) => SENSITIVE.has(r.code));
  if (sensitive && (mood.frustratedStreak >= policy.priority.frustratedTurnsBoost || mood.label === 'upset')) level++;
  if (vip) level += policy.priority.vipBoost;
  return PRIORITIES[Math.min(PRIORITIES.length - 1, Math.max(0, level))]!;
}

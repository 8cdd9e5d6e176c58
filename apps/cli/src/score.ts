import type { TAssessDecision, TEvalConversation } from '@baton/contracts';

/** Hits over trials; `null` rate when there were no trials. */
type Ratio = [hits: number, total: number];

/** The figures of one group (a source, or `all`), with the same definitions as shared/eval/score.mjs. */
export interface ScoreRow {
  group: string;
  items: number;
  missing: number;
  escalation_recall: number | null;
  reason_match: number | null;
  false_escalation: number | null;
  answer_accuracy: number | null;
  wrong_answer: number | null;
  out_of_scope_held: number | null;
  either_escalated: number | null;
  frustration_precision: number | null;
  frustration_recall: number | null;
  frustration_f1: number | null;
}

interface Tally {
  esc: Ratio; ans: Ratio; acc: Ratio; wrong: Ratio; oos: Ratio; either: Ratio; reason: Ratio;
  fr: { tp: number; fp: number; fn: number; tn: number };
  missing: number;
}

const NEGATIVE = new Set(['frustrated', 'upset', 'angry']);

/** Scores decisions against labelled conversations, per `expect.source` and overall. */
export function score(items: TEvalConversation[], decisions: Map<string, Pick<TAssessDecision, 'action' | 'reasons' | 'articleId' | 'sentiment'>>): ScoreRow[] {
  const groups = new Map<string, Tally>();
  const group = (name: string): Tally => {
    let t = groups.get(name);
    if (!t) {
      t = { esc: [0, 0], ans: [0, 0], acc: [0, 0], wrong: [0, 0], oos: [0, 0], either: [0, 0], reason: [0, 0], fr: { tp: 0, fp: 0, fn: 0, tn: 0 }, missing: 0 };
      groups.set(name, t);
    }
    return t;
  };
  for (const item of items) {
    const e = item.expect ?? {};
    const d = decisions.get(item.id);
    for (const t of [group(String(e.source)), group('all')]) {
      if (!d) {
        t.missing++;
        continue;
      }
      if (e.action === 'escalate') {
        t.esc[1]++;
        if (d.action === 'escalate') {
          t.esc[0]++;
          if (e.reason) {
            t.reason[1]++;
            if (d.reasons.includes(e.reason as never)) t.reason[0]++;
          }
        }
      } else if (e.action === 'answer') {
        t.ans[1]++;
        if (d.action === 'escalate') t.ans[0]++;
        t.acc[1]++;
        if (d.action === 'answer' && e.intent && d.articleId === e.intent) t.acc[0]++;
        t.wrong[1]++;
        if (d.action === 'answer' && e.intent && d.articleId !== e.intent) t.wrong[0]++;
      } else if (e.action === 'not_answer') {
        t.oos[1]++;
        if (d.action !== 'answer') t.oos[0]++;
      } else if (e.action === 'either') {
        t.either[1]++;
        if (d.action === 'escalate') t.either[0]++;
      }
      if (typeof e.frustrated === 'boolean') {
        const said = NEGATIVE.has(d.sentiment.label);
        if (e.frustrated && said) t.fr.tp++;
        else if (e.frustrated) t.fr.fn++;
        else if (said) t.fr.fp++;
        else t.fr.tn++;
      }
    }
  }
  const rate = ([a, b]: Ratio) => (b ? a / b : null);
  const rows: ScoreRow[] = [];
  for (const [name, t] of groups) {
    const { tp, fp, fn, tn } = t.fr;
    const p = tp + fp ? tp / (tp + fp) : null;
    const r = tp + fn ? tp / (tp + fn) : null;
    rows.push({
      group: name,
      items: t.esc[1] + t.ans[1] + t.oos[1] + t.either[1] + tp + fp + fn + tn,
      missing: t.missing,
      escalation_recall: rate(t.esc),
      reason_match: rate(t.reason),
      false_escalation: rate(t.ans),
      answer_accuracy: rate(t.acc),
      wrong_answer: rate(t.wrong),
      out_of_scope_held: rate(t.oos),
      either_escalated: rate(t.either),
      frustration_precision: p,
      frustration_recall: r,
      frustration_f1: p !== null && r !== null && p + r ? (2 * p * r) / (p + r) : null,
    });
  }
  return rows.sort((a, b) => Number(a.group === 'all') - Number(b.group === 'all') || a.group.localeCompare(b.group));
}

export const SCORE_COLUMNS = ['group', 'items', 'missing', 'escalation_recall', 'reason_match', 'false_escalation', 'answer_accuracy', 'wrong_answer', 'out_of_scope_held', 'either_escalated', 'frustration_precision', 'frustration_recall', 'frustration_f1'] as const;

/** The scorer's own tab-separated table, byte for byte, so the two can be compared. */
export function formatScoreTable(rows: ScoreRow[]): string {
  const fmt = (v: unknown) => (v === null || v === undefined ? '-' : typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : String(v));
  return [SCORE_COLUMNS.join('\t'), ...rows.map((r) => SCORE_COLUMNS.map((c) => fmt(r[c])).join('\t'))].join('\n');
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TAssessDecision, TEvalConversation } from '@baton/contracts';
import type { ScoreRow } from './score.js';
import { formatScoreTable, score } from './score.js';

const HEADERS: [keyof ScoreRow, string][] = [
  ['group', 'source'],
  ['items', 'items'],
  ['escalation_recall', 'esc.recall'],
  ['reason_match', 'reason'],
  ['false_escalation', 'false esc.'],
  ['answer_accuracy', 'answer acc.'],
  ['wrong_answer', 'wrong ans.'],
  ['out_of_scope_held', 'oos held'],
  ['either_escalated', 'either esc.'],
  ['frustration_precision', 'frus.P'],
  ['frustration_recall', 'frus.R'],
  ['frustration_f1', 'frus.F1'],
];

/** A report for a person: an aligned table, then where the engine went wrong, most common first. */
export function formatReport(items: TEvalConversation[], decisions: Map<string, TAssessDecision>): string {
  const rows = score(items, decisions);
  const cells = rows.map((r) => HEADERS.map(([k]) => fmt(r[k])));
  const widths = HEADERS.map(([, h], i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (vals: string[]) => vals.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  const out = [line(HEADERS.map(([, h]) => h)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];

  const missed = new Map<string, number>();
  const wrongReason = new Map<string, number>();
  const confusions = new Map<string, number>();
  const falseEsc = new Map<string, number>();
  for (const item of items) {
    const d = decisions.get(item.id);
    const e = item.expect;
    if (!d || !e) continue;
    if (e.action === 'escalate' && d.action !== 'escalate') inc(missed, `${e.reason ?? '?'} → ${d.action}`);
    if (e.action === 'escalate' && d.action === 'escalate' && e.reason && !d.reasons.includes(e.reason as never)) inc(wrongReason, `${e.reason} → ${d.reasons.join('+') || '(none)'}`);
    if (e.action === 'answer' && d.action === 'answer' && d.articleId !== e.intent) inc(confusions, `${e.intent} → ${d.articleId}`);
    if (e.action === 'answer' && d.action === 'escalate') inc(falseEsc, d.reasons.join('+') || '(none)');
  }
  const section = (title: string, m: Map<string, number>) => {
    if (!m.size) return;
    out.push('', `${title}:`);
    for (const [k, n] of [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 8)) out.push(`  ${String(n).padStart(4)}  ${k}`);
  };
  section('Missed escalations (expected reason → action taken)', missed);
  section('Escalated for another reason (expected → given)', wrongReason);
  section('False escalations of answerable questions (by reasons)', falseEsc);
  section('Wrong answers (expected article → answered)', confusions);
  return out.join('\n');
}

/**
 * Runs shared/eval's own scorer on the same decisions and compares its table with ours, so a
 * report from `baton eval` can be trusted to mean what the scorer means.
 */
export function crossCheck(scorer: string, files: string[], items: TEvalConversation[], decisions: Map<string, TAssessDecision>): { agrees: boolean; theirs: string; ours: string } {
  const dir = mkdtempSync(join(tmpdir(), 'baton-eval-'));
  try {
    const path = join(dir, 'decisions.jsonl');
    writeFileSync(path, [...decisions.values()].map((d) => JSON.stringify(d)).join('\n') + '\n');
    const theirs = execFileSync(process.execPath, [scorer, '--decisions', path, ...files], { encoding: 'utf8', maxBuffer: 64 << 20 }).trim();
    const ours = formatScoreTable(score(items, decisions));
    return { agrees: theirs === ours, theirs, ours };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function inc(m: Map<string, number>, k: string) {
  m.set(k, (m.get(k) ?? 0) + 1);
}

function fmt(v: unknown): string {
  if (v === null || v === undefined) return '-';
  return typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : String(v);
}

import type { BacktestFlip, BacktestResult, DecisionAction, SlaRiskSide } from '@baton/core';
import { clipText } from '@baton/core';

/** What the report says about where the data and the policies came from. */
export interface BacktestMeta {
  source: string;
  current: string;
  proposed: string;
  /** Why there is no SLA risk, when there is none. */
  slaNote?: string;
}

const ACTIONS: DecisionAction[] = ['answer', 'clarify', 'decline', 'offer_choice', 'escalate'];

export const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
export const pp = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)} pp`;
export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
export const minutes = (m: number | null) => (m === null ? 'unbounded' : m < 10 ? m.toFixed(1) : String(Math.round(m)));

function table(rows: string[][], align: ('l' | 'r')[]): string {
  const widths = align.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (align[c] === 'r' ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd()).join('\n');
}

/** Flips that change whether a person is involved first, then the rest, each group in input order. */
export function orderFlips(flips: BacktestFlip[]): BacktestFlip[] {
  return [...flips.filter((f) => f.handoff !== 'none'), ...flips.filter((f) => f.handoff === 'none')];
}

/** Counts of flips by from → to, largest first. */
export function flipKinds(flips: BacktestFlip[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const f of flips) counts.set(`${f.from} → ${f.to}`, (counts.get(`${f.from} → ${f.to}`) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function oneLine(text: string, max: number): string {
  // Control characters (a pasted escape sequence) must not reach the terminal.
  // eslint-disable-next-line no-control-regex
  const t = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return clipText(t, max);
}

/** The readable report: rates, load per queue, SLA risk, then the flips (at most `show`). */
export function formatBacktest(r: BacktestResult, meta: BacktestMeta, show = 20): string {
  const out: string[] = [];
  out.push(`Backtest of ${r.total} conversation${r.total === 1 ? '' : 's'} from ${meta.source}`);
  out.push(`current policy: ${meta.current}; proposed: ${meta.proposed}`, '');
  const c = r.current;
  const p = r.proposed;
  const rows: string[][] = [
    ['', 'current', 'proposed', 'change'],
    ['handoffs to a person', String(c.handoffs), String(p.handoffs), signed(p.handoffs - c.handoffs)],
    ['handoff rate', pct(c.rate), pct(p.rate), pp(r.delta.handoffRate)],
    // "Clarify once, then escalate": a clarified customer whose next message is still unclear is
    // handed over, so the clarifications bound the handoffs still to come.
    ['  at most, after clarifying*', String(c.handoffs + c.byAction.clarify), String(p.handoffs + p.byAction.clarify), signed(p.handoffs + p.byAction.clarify - c.handoffs - c.byAction.clarify)],
    ['not answered by the AI', String(c.notAnswered), String(p.notAnswered), signed(p.notAnswered - c.notAnswered)],
    ['not-answered rate', pct(c.notAnsweredRate), pct(p.notAnsweredRate), pp(r.delta.notAnsweredRate)],
    ...ACTIONS.map((a) => [`  ${a}`, String(c.byAction[a]), String(p.byAction[a]), signed(r.delta.byAction[a] ?? 0)]),
  ];
  out.push(
    table(rows, ['l', 'r', 'r', 'r']),
    '* if every customer asked a clarifying question is still unclear on their next message (the policy clarifies, then escalates)',
    '',
  );

  const queues = Object.keys(r.delta.byQueue);
  out.push('Load per queue (handoffs)');
  if (!queues.length) out.push('  no handoffs under either policy');
  else {
    const q = [['', 'current', 'proposed', 'change'], ...queues.map((k) => [`  ${k}`, String(c.byQueue[k] ?? 0), String(p.byQueue[k] ?? 0), signed(r.delta.byQueue[k] ?? 0)])];
    out.push(table(q, ['l', 'r', 'r', 'r']));
  }
  if (r.requeued) out.push(`  ${r.requeued} handoff${r.requeued === 1 ? '' : 's'} would go to a different queue`);
  if (r.historical) out.push(`  historically: ${r.historical.handoffs} handed off (${Object.entries(r.historical.byTeam).map(([t, n]) => `${t} ${n}`).join(', ')})`);
  out.push('');

  const s = r.slaRisk;
  if (!s) out.push(`SLA risk: not estimated (${meta.slaNote ?? 'no arrival rate or staffing known'})`, '');
  else {
    out.push(
      `SLA risk (Erlang C / M/M/c: ${fmt(s.arrivalsPerHour)} conversations/h, mean handle ${fmt(s.handleMinutes)} min, ${fmt(s.agents)} agent slots;`,
      `  SLA critical ${s.sla.critical} / high ${s.sla.high} / medium ${s.sla.medium} / low ${s.sla.low} min; staffing per queue split by today's load)`,
    );
    const side = (x: SlaRiskSide) => [fmt(x.handoffsPerHour), pct(x.pooled.utilisation), minutes(x.expectedWaitMinutes), pct(x.shareOverSla), minutes(x.pooled.expectedWaitMinutes), pct(x.pooled.shareOverSla)];
    const sr = [
      ['', 'handoffs/h', 'utilisation', 'mean wait', 'past SLA', 'pooled wait', 'pooled past SLA'],
      ['  current', ...side(s.current)],
      ['  proposed', ...side(s.proposed)],
    ];
    out.push(table(sr, ['l', 'r', 'r', 'r', 'r', 'r', 'r']));
    const names = [...new Set([...Object.keys(s.current.byQueue), ...Object.keys(s.proposed.byQueue)])].sort();
    const cell = (x: SlaRiskSide, k: string) => {
      const q = x.byQueue[k];
      if (!q) return '-';
      return `${q.utilisation === null ? 'unstaffed' : pct(q.utilisation)} / ${minutes(q.expectedWaitMinutes)} / ${pct(q.shareOverSla)}`;
    };
    const qr = [['  queue (agents)', 'current util / wait / past SLA', 'proposed util / wait / past SLA'], ...names.map((k) => [`  ${k} (${fmt(s.current.byQueue[k]?.agents ?? 0)})`, cell(s.current, k), cell(s.proposed, k)])];
    out.push(table(qr, ['l', 'r', 'r']));
    const overloaded = names.filter((k) => s.proposed.byQueue[k]?.overloaded);
    if (overloaded.length) out.push(`  overloaded or unstaffed under the proposed policy: ${overloaded.join(', ')}`);
    out.push('');
  }

  const added = r.flips.filter((f) => f.handoff === 'added').length;
  const removed = r.flips.filter((f) => f.handoff === 'removed').length;
  out.push(`${r.flips.length} conversation${r.flips.length === 1 ? '' : 's'} flip: ${added} newly handed off, ${removed} no longer handed off, ${r.flips.length - added - removed} change between AI actions`);
  if (r.flips.length) {
    out.push(`  ${flipKinds(r.flips).map(([k, n]) => `${k}: ${n}`).join(', ')}`);
    const shown = orderFlips(r.flips).slice(0, show);
    for (const f of shown) {
      const reasons = [...f.reasonsAdded.map((x) => `+${x}`), ...f.reasonsRemoved.map((x) => `-${x}`)].join(' ');
      out.push(`  ${f.id}  ${f.from} → ${f.to}${f.toQueue ? ` (${f.toQueue})` : ''}  ${reasons}`, `      "${oneLine(f.text, 100)}"`, `      ${oneLine(f.detail, 160)}`);
    }
    if (r.flips.length > shown.length) out.push(`  …and ${r.flips.length - shown.length} more (every flip is in the --json output)`);
  }
  return out.join('\n');
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1);
}

import type { BacktestResult, DecisionAction } from '@baton/core';
import type { BacktestMeta } from './backtest-report.js';
import { flipKinds, minutes, orderFlips, pct, pp, signed } from './backtest-report.js';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const e = escapeHtml;
const ACTIONS: DecisionAction[] = ['answer', 'clarify', 'decline', 'offer_choice', 'escalate'];
const COLORS = { current: '#7a869a', proposed: '#2f6fde' };

/**
 * Grouped horizontal bars, current against proposed, as inline SVG: one row per label. Values
 * are drawn to scale against the largest; the numbers are printed beside the bars.
 */
function bars(title: string, rows: { label: string; current: number; proposed: number }[], format: (n: number) => string = String): string {
  if (!rows.length) return `<p class="muted">${e(title)}: nothing to show.</p>`;
  const labelW = 150;
  const barW = 420;
  const rowH = 34;
  const max = Math.max(...rows.flatMap((r) => [r.current, r.proposed]), 1e-9);
  const height = rows.length * rowH + 28;
  const parts: string[] = [];
  rows.forEach((r, i) => {
    const y = 24 + i * rowH;
    parts.push(`<text x="${labelW - 8}" y="${y + 16}" text-anchor="end">${e(r.label)}</text>`);
    (['current', 'proposed'] as const).forEach((side, k) => {
      const w = Math.max(0, (r[side] / max) * barW);
      const by = y + k * 14;
      parts.push(`<rect x="${labelW}" y="${by}" width="${w.toFixed(1)}" height="12" fill="${COLORS[side]}"><title>${e(`${r.label}, ${side}: ${format(r[side])}`)}</title></rect>`);
      parts.push(`<text x="${(labelW + w + 6).toFixed(1)}" y="${by + 10}" class="v">${e(format(r[side]))}</text>`);
    });
  });
  const legend = `<rect x="${labelW}" y="4" width="10" height="10" fill="${COLORS.current}"/><text x="${labelW + 14}" y="13" class="v">current</text><rect x="${labelW + 80}" y="4" width="10" height="10" fill="${COLORS.proposed}"/><text x="${labelW + 94}" y="13" class="v">proposed</text>`;
  return `<figure><figcaption>${e(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${e(title)}" width="${labelW + barW + 90}" height="${height}" viewBox="0 0 ${labelW + barW + 90} ${height}">${legend}${parts.join('')}</svg></figure>`;
}

function htmlTable(head: string[], rows: string[][], numeric: boolean[] = []): string {
  const th = head.map((h, i) => `<th${numeric[i] ? ' class="n"' : ''}>${e(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="n"' : ''}>${e(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table>`;
}

/** A self-contained HTML report of a backtest: no scripts, no external assets, every text escaped. */
export function renderBacktestHtml(r: BacktestResult, meta: BacktestMeta, maxFlips = 2000): string {
  const c = r.current;
  const p = r.proposed;
  const queues = Object.keys(r.delta.byQueue);
  const sections: string[] = [];
  sections.push(
    htmlTable(
      ['', 'current', 'proposed', 'change'],
      [
        ['handoffs to a person', String(c.handoffs), String(p.handoffs), signed(p.handoffs - c.handoffs)],
        ['handoff rate', pct(c.rate), pct(p.rate), pp(r.delta.handoffRate)],
        ['not answered by the AI', String(c.notAnswered), String(p.notAnswered), signed(p.notAnswered - c.notAnswered)],
        ['not-answered rate', pct(c.notAnsweredRate), pct(p.notAnsweredRate), pp(r.delta.notAnsweredRate)],
      ],
      [false, true, true, true],
    ),
  );
  sections.push(bars('Decisions by action', ACTIONS.map((a) => ({ label: a, current: c.byAction[a], proposed: p.byAction[a] }))));
  sections.push('<h2>Load per queue</h2>');
  sections.push(bars('Handoffs per queue', queues.map((q) => ({ label: q, current: c.byQueue[q] ?? 0, proposed: p.byQueue[q] ?? 0 }))));
  if (r.requeued) sections.push(`<p>${r.requeued} handoffs would go to a different queue.</p>`);

  sections.push('<h2>SLA risk</h2>');
  const s = r.slaRisk;
  if (!s) sections.push(`<p class="muted">Not estimated: ${e(meta.slaNote ?? 'no arrival rate or staffing known')}.</p>`);
  else {
    sections.push(
      `<p>Erlang C (M/M/c) estimate from ${e(String(s.arrivalsPerHour))} conversations per hour, a mean handle time of ${e(s.handleMinutes.toFixed(1))} minutes and ${e(String(s.agents))} agent slots, with each queue keeping the share of agents its load earns today. SLA targets: critical ${s.sla.critical}, high ${s.sla.high}, medium ${s.sla.medium}, low ${s.sla.low} minutes. An estimate, not a forecast: see docs/backtest.md for the assumptions.</p>`,
    );
    sections.push(
      htmlTable(
        ['', 'handoffs/h', 'utilisation', 'mean wait (min)', 'past SLA', 'pooled wait (min)', 'pooled past SLA'],
        (['current', 'proposed'] as const).map((k) => {
          const x = s[k];
          return [k, x.handoffsPerHour.toFixed(2), pct(x.pooled.utilisation), minutes(x.expectedWaitMinutes), pct(x.shareOverSla), minutes(x.pooled.expectedWaitMinutes), pct(x.pooled.shareOverSla)];
        }),
        [false, true, true, true, true, true, true],
      ),
    );
    const names = [...new Set([...Object.keys(s.current.byQueue), ...Object.keys(s.proposed.byQueue)])].sort();
    sections.push(bars('Share of handoffs past SLA, per queue', names.map((q) => ({ label: q, current: s.current.byQueue[q]?.shareOverSla ?? 0, proposed: s.proposed.byQueue[q]?.shareOverSla ?? 0 })), pct));
    sections.push(
      htmlTable(
        ['queue', 'agents', 'current utilisation', 'current wait', 'proposed utilisation', 'proposed wait', 'proposed past SLA'],
        names.map((q) => {
          const a = s.current.byQueue[q];
          const b = s.proposed.byQueue[q];
          const util = (u: number | null | undefined) => (u === undefined ? '-' : u === null ? 'unstaffed' : pct(u));
          return [q, (a?.agents ?? 0).toFixed(2), util(a?.utilisation), a ? minutes(a.expectedWaitMinutes) : '-', util(b?.utilisation), b ? minutes(b.expectedWaitMinutes) : '-', b ? pct(b.shareOverSla) : '-'];
        }),
        [false, true, true, true, true, true, true],
      ),
    );
  }

  const added = r.flips.filter((f) => f.handoff === 'added').length;
  const removed = r.flips.filter((f) => f.handoff === 'removed').length;
  sections.push(`<h2>Conversations that flip (${r.flips.length})</h2>`);
  sections.push(`<p>${added} newly handed off, ${removed} no longer handed off. ${e(flipKinds(r.flips).map(([k, n]) => `${k}: ${n}`).join(', '))}</p>`);
  const shown = orderFlips(r.flips).slice(0, maxFlips);
  sections.push(
    htmlTable(
      ['conversation', 'from', 'to', 'queue', 'reasons added', 'reasons removed', 'customer said', 'why'],
      shown.map((f) => [f.id, f.from, f.to, f.toQueue ?? f.fromQueue ?? '', f.reasonsAdded.join(', '), f.reasonsRemoved.join(', '), f.text, f.detail]),
    ),
  );
  if (r.flips.length > shown.length) sections.push(`<p class="muted">…and ${r.flips.length - shown.length} more, in the JSON output.</p>`);

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`Baton backtest: ${meta.proposed}`)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;max-width:1100px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;margin:.75rem 0;width:100%}th,td{border-bottom:1px solid #dde1e8;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}figure{margin:1rem 0}figcaption{font-weight:600;margin-bottom:.25rem}
svg text{font:12px system-ui,sans-serif;fill:#1d2330}svg text.v{fill:#4a5365}.muted{color:#5d6576}
</style></head><body>
<h1>Backtest: ${e(meta.proposed)}</h1>
<p>${r.total} conversations from ${e(meta.source)}. Current policy: ${e(meta.current)}; proposed: ${e(meta.proposed)}.</p>
${sections.join('\n')}
</body></html>
`;
}

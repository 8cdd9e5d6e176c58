import { ChartTable } from './chart-table';
import { niceMax, W } from './chart-scale';

export interface BarItem {
  key: string;
  label: string;
  value: number;
  /** Extra figures for the tooltip and the hidden table, in `columns` order. */
  extra?: string[];
}

const ROW = 30;
const RIGHT = 44;
const TOP = 6;

/** Horizontal bars, largest first as given, with the value written at the end of each bar. */
export function BarChart({ title, items, format, summary, valueLabel, columns = [], color = '#2547d0', width = W, testId }: {
  title: string;
  items: BarItem[];
  format(v: number): string;
  summary: string;
  /** What the bars measure, e.g. "Handoffs": the axis label and the table's column. */
  valueLabel: string;
  columns?: string[];
  color?: string;
  /** The drawing's width in CSS pixels at 1:1; narrow panels pass their width so the text stays legible. */
  width?: number;
  testId?: string;
}) {
  const labelW = Math.round(Math.min(170, width * 0.34));
  const H = TOP + items.length * ROW + 30;
  const max = niceMax(Math.max(0, ...items.map((i) => i.value)), items.every((i) => Number.isInteger(i.value)), 2);
  const plotW = width - labelW - RIGHT;
  const chars = Math.floor(labelW / 7.2);
  const clip = (s: string) => (s.length > chars ? `${s.slice(0, chars - 1)}…` : s);
  const extra = (it: BarItem) => columns.map((_, k) => it.extra?.[k] ?? '—');
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className="chart-title">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${H}`} className="chart-svg" role="img" aria-label={`${title}. ${summary}`} data-chart="bar">
        {[0, 0.5, 1].map((t) => (
          <g key={t}>
            <line x1={labelW + t * plotW} x2={labelW + t * plotW} y1={TOP} y2={TOP + items.length * ROW} className={t === 0 ? 'chart-axis' : 'chart-grid'} />
            <text x={labelW + t * plotW} y={TOP + items.length * ROW + 14} className="chart-tick" textAnchor={t === 0 ? 'start' : t === 1 ? 'end' : 'middle'}>
              {format(t * max)}
            </text>
          </g>
        ))}
        <text x={labelW + plotW / 2} y={H - 2} className="chart-axis-label" textAnchor="middle">
          {valueLabel}
        </text>
        {items.map((it, i) => {
          const w = max ? (it.value / max) * plotW : 0;
          const cy = TOP + i * ROW + ROW / 2;
          return (
            <g key={it.key} className="chart-bar" data-bar={it.key}>
              <title>{[`${it.label}: ${format(it.value)} ${valueLabel.toLowerCase()}`, ...columns.map((c, k) => `${c}: ${extra(it)[k]}`)].join('\n')}</title>
              <text x={labelW - 10} y={cy} className="chart-label" textAnchor="end" dominantBaseline="middle">
                {clip(it.label)}
              </text>
              <rect x={labelW} y={cy - 9} width={Math.max(w, it.value > 0 ? 2 : 0)} height={18} rx={3} fill={color} />
              <text x={labelW + w + 6} y={cy} className="chart-value" dominantBaseline="middle">
                {format(it.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartTable caption={title} columns={['Name', valueLabel, ...columns]} rows={items.map((it) => ({ key: it.key, label: it.label, cells: [format(it.value), ...extra(it)] }))} />
    </figure>
  );
}

import { useId } from 'react';

/**
 * Small charts drawn as inline SVG, with no charting library. Each chart is an image to assistive
 * technology (`role="img"` with a one-sentence summary) followed by a visually hidden table of the
 * same figures, and carries axis labels and per-point tooltips (`<title>`) for pointer users.
 */

const W = 640;
const PAD = { top: 16, right: 56, bottom: 44, left: 56 };

export interface LineSeries {
  name: string;
  values: (number | null)[];
  /** Stroke colour; series also differ by dash and marker, not colour alone. */
  color: string;
  /** Which y axis it is read against; the right axis is drawn only when a series uses it. */
  axis?: 'left' | 'right';
  dashed?: boolean;
  /** Whole numbers only (counts): ticks stay integers. */
  integer?: boolean;
  format(v: number): string;
}

/** The smallest "nice" number (1, 2, 2.5, 5 × 10^n) at or above `v`. */
function niceStep(v: number): number {
  const exp = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * exp).find((m) => m >= v - 1e-12) ?? 10 * exp;
}

/** The top of an axis with `ticks` equal steps, each a nice number (whole for counts), at or above `v`. */
export function niceMax(v: number, integer = false, ticks = 4): number {
  if (!(v > 0)) return integer ? ticks : 1;
  const step = niceStep(v / ticks);
  return (integer ? Math.max(1, Math.ceil(step)) : step) * ticks;
}

/** Up to `max` indices spread evenly over `n`, always including the first and the last. */
function spread(n: number, max: number): number[] {
  if (n <= max) return [...Array(n).keys()];
  const step = (n - 1) / (max - 1);
  return [...new Set([...Array(max).keys()].map((i) => Math.round(i * step)))];
}

export function LineChart({ title, labels, longLabels, series, summary, xLabel, yLabel, y2Label, height = 240, testId }: {
  title: string;
  /** Short x labels, one per point ("3 Mar", "14:00"). */
  labels: string[];
  /** Full labels for the tooltip and the table; defaults to `labels`. */
  longLabels?: string[];
  series: LineSeries[];
  summary: string;
  xLabel: string;
  yLabel: string;
  y2Label?: string;
  height?: number;
  testId?: string;
}) {
  const id = useId();
  const H = height;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const n = labels.length;
  const x = (i: number) => PAD.left + (n <= 1 ? plotW / 2 : (i * plotW) / (n - 1));
  const maxOf = (axis: 'left' | 'right') => {
    const ss = series.filter((s) => (s.axis ?? 'left') === axis);
    const vals = ss.flatMap((s) => s.values.filter((v): v is number => v !== null));
    return niceMax(Math.max(0, ...vals), ss.every((s) => s.integer));
  };
  const max = { left: maxOf('left'), right: maxOf('right') };
  const y = (v: number, axis: 'left' | 'right') => PAD.top + plotH - (v / max[axis]) * plotH;
  const left = series.find((s) => (s.axis ?? 'left') === 'left');
  const right = series.find((s) => s.axis === 'right');
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const full = longLabels ?? labels;

  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className="chart-title" id={`${id}-t`}>
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="chart-svg" role="img" aria-label={`${title}. ${summary}`} data-chart="line">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH - t * plotH} y2={PAD.top + plotH - t * plotH} className={t === 0 ? 'chart-axis' : 'chart-grid'} />
            {left ? (
              <text x={PAD.left - 8} y={PAD.top + plotH - t * plotH} className="chart-tick" textAnchor="end" dominantBaseline="middle">
                {left.format(t * max.left)}
              </text>
            ) : null}
            {right ? (
              <text x={W - PAD.right + 8} y={PAD.top + plotH - t * plotH} className="chart-tick" textAnchor="start" dominantBaseline="middle">
                {right.format(t * max.right)}
              </text>
            ) : null}
          </g>
        ))}
        {spread(n, 8).map((i) => (
          <text key={i} x={x(i)} y={PAD.top + plotH + 16} className="chart-tick" textAnchor={n > 1 && i === 0 ? 'start' : n > 1 && i === n - 1 ? 'end' : 'middle'}>
            {labels[i]}
          </text>
        ))}
        <text x={PAD.left + plotW / 2} y={H - 6} className="chart-axis-label" textAnchor="middle">
          {xLabel}
        </text>
        <text transform={`translate(14 ${PAD.top + plotH / 2}) rotate(-90)`} className="chart-axis-label" textAnchor="middle">
          {yLabel}
        </text>
        {right && y2Label ? (
          <text transform={`translate(${W - 10} ${PAD.top + plotH / 2}) rotate(90)`} className="chart-axis-label" textAnchor="middle">
            {y2Label}
          </text>
        ) : null}
        {series.map((s, si) => {
          const axis = s.axis ?? 'left';
          // A gap in the data (null) breaks the line rather than drawing it through zero.
          const segments: string[] = [];
          let cur = '';
          s.values.forEach((v, i) => {
            if (v === null) {
              if (cur) segments.push(cur);
              cur = '';
            } else cur += `${cur ? 'L' : 'M'}${x(i).toFixed(1)} ${y(v, axis).toFixed(1)} `;
          });
          if (cur) segments.push(cur);
          return (
            <g key={s.name} data-series={s.name}>
              {segments.map((d, k) => (
                <path key={k} d={d} fill="none" stroke={s.color} strokeWidth={2.25} strokeDasharray={s.dashed ? '6 4' : undefined} strokeLinejoin="round" strokeLinecap="round" />
              ))}
              {s.values.map((v, i) =>
                v === null ? null : si % 2 === 0 ? (
                  <circle key={i} cx={x(i)} cy={y(v, axis)} r={n > 40 ? 2.5 : 4} fill={s.color} stroke="#fff" strokeWidth={1.5} className="chart-point" data-point={s.name}>
                    <title>{`${full[i]}: ${s.name} ${s.format(v)}`}</title>
                  </circle>
                ) : (
                  <rect key={i} x={x(i) - 3.5} y={y(v, axis) - 3.5} width={7} height={7} fill={s.color} stroke="#fff" strokeWidth={1.5} className="chart-point" data-point={s.name}>
                    <title>{`${full[i]}: ${s.name} ${s.format(v)}`}</title>
                  </rect>
                ),
              )}
            </g>
          );
        })}
      </svg>
      {series.length > 1 ? (
        <ul className="chart-legend" aria-hidden="true">
          {series.map((s, si) => (
            <li key={s.name}>
              <svg width="26" height="10" aria-hidden="true" focusable="false">
                <line x1="1" x2="25" y1="5" y2="5" stroke={s.color} strokeWidth="2.25" strokeDasharray={s.dashed ? '6 4' : undefined} />
                {si % 2 === 0 ? <circle cx="13" cy="5" r="3.5" fill={s.color} /> : <rect x="9.5" y="1.5" width="7" height="7" fill={s.color} />}
              </svg>
              {s.name}
              {s.axis === 'right' ? ' (right axis)' : ''}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="visually-hidden">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{xLabel}</th>
            {series.map((s) => (
              <th scope="col" key={s.name}>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {full.map((l, i) => (
            <tr key={`${l}-${i}`}>
              <th scope="row">{l}</th>
              {series.map((s) => {
                const v = s.values[i];
                return <td key={s.name}>{v === null || v === undefined ? 'no data' : s.format(v)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}

export interface BarItem {
  key: string;
  label: string;
  value: number;
  /** Extra figures for the tooltip and the hidden table, in `columns` order. */
  extra?: string[];
}

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
  const row = 30;
  const labelW = Math.round(Math.min(170, width * 0.34));
  const right = 44;
  const top = 6;
  const H = top + items.length * row + 30;
  const max = niceMax(Math.max(0, ...items.map((i) => i.value)), items.every((i) => Number.isInteger(i.value)), 2);
  const plotW = width - labelW - right;
  const chars = Math.floor(labelW / 7.2);
  const clip = (s: string) => (s.length > chars ? `${s.slice(0, chars - 1)}…` : s);
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className="chart-title">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${H}`} className="chart-svg" role="img" aria-label={`${title}. ${summary}`} data-chart="bar">
        {[0, 0.5, 1].map((t) => (
          <g key={t}>
            <line x1={labelW + t * plotW} x2={labelW + t * plotW} y1={top} y2={top + items.length * row} className={t === 0 ? 'chart-axis' : 'chart-grid'} />
            <text x={labelW + t * plotW} y={top + items.length * row + 14} className="chart-tick" textAnchor={t === 0 ? 'start' : t === 1 ? 'end' : 'middle'}>
              {format(t * max)}
            </text>
          </g>
        ))}
        <text x={labelW + plotW / 2} y={H - 2} className="chart-axis-label" textAnchor="middle">
          {valueLabel}
        </text>
        {items.map((it, i) => {
          const w = max ? (it.value / max) * plotW : 0;
          const cy = top + i * row + row / 2;
          return (
            <g key={it.key} className="chart-bar" data-bar={it.key}>
              <title>{[`${it.label}: ${format(it.value)} ${valueLabel.toLowerCase()}`, ...columns.map((c, k) => `${c}: ${it.extra?.[k] ?? '—'}`)].join('\n')}</title>
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
      <div className="visually-hidden">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">{valueLabel}</th>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((it) => (
            <tr key={it.key}>
              <th scope="row">{it.label}</th>
              <td>{format(it.value)}</td>
              {columns.map((c, k) => (
                <td key={c}>{it.extra?.[k] ?? '—'}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}

import { useId } from 'react';
import { ChartTable } from './chart-table';
import { niceMax, PAD, spread, W } from './chart-scale';
import { LineAxes } from './line-axes';
import { SeriesLine } from './series-line';

/**
 * Small charts are drawn as inline SVG, with no charting library. Each chart is an image to assistive
 * technology (`role="img"` with a one-sentence summary) followed by a visually hidden table of the
 * same figures, and carries axis labels and per-point tooltips (`<title>`) for pointer users.
 */

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

/** Where a line chart draws: the plot's size, and the x and y of a point. */
export interface Plot {
  H: number;
  plotW: number;
  plotH: number;
  n: number;
  max: { left: number; right: number };
  x(i: number): number;
  y(v: number, axis: 'left' | 'right'): number;
}

function plotOf(series: LineSeries[], n: number, H: number): Plot {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const maxOf = (axis: 'left' | 'right') => {
    const ss = series.filter((s) => (s.axis ?? 'left') === axis);
    return niceMax(Math.max(0, ...ss.flatMap((s) => s.values.filter((v): v is number => v !== null))), ss.every((s) => s.integer));
  };
  const max = { left: maxOf('left'), right: maxOf('right') };
  return { H, plotW, plotH, n, max, x: (i) => PAD.left + (n <= 1 ? plotW / 2 : (i * plotW) / (n - 1)), y: (v, axis) => PAD.top + plotH - (v / max[axis]) * plotH };
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
  const plot = plotOf(series, labels.length, height);
  const full = longLabels ?? labels;
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className="chart-title" id={`${id}-t`}>
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${height}`} className="chart-svg" role="img" aria-label={`${title}. ${summary}`} data-chart="line">
        <LineAxes plot={plot} left={series.find((s) => (s.axis ?? 'left') === 'left')} right={series.find((s) => s.axis === 'right')} xTicks={spread(labels.length, 8).map((i) => ({ i, label: labels[i] ?? '' }))} xLabel={xLabel} yLabel={yLabel} y2Label={y2Label} />
        {series.map((s, si) => (
          <SeriesLine key={s.name} series={s} square={si % 2 === 1} plot={plot} labels={full} />
        ))}
      </svg>
      {series.length > 1 ? <Legend series={series} /> : null}
      <ChartTable
        caption={title}
        columns={[xLabel, ...series.map((s) => s.name)]}
        rows={full.map((l, i) => ({ key: `${l}-${i}`, label: l, cells: series.map((s) => valueText(s, i)) }))}
      />
    </figure>
  );
}

/** A point's value as the hidden table reads it. */
function valueText(s: LineSeries, i: number): string {
  const v = s.values[i];
  return v === null || v === undefined ? 'no data' : s.format(v);
}

/** Which line is which, by colour, dash and marker (a square for every other series). */
function Legend({ series }: { series: LineSeries[] }) {
  return (
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
  );
}

import { PAD, W } from './chart-scale';
import type { LineSeries, Plot } from './line-chart';

const TICKS = [0, 0.25, 0.5, 0.75, 1];

/** The grid, the tick labels of both y axes and of x, and the axis titles. */
export function LineAxes({ plot, left, right, xTicks, xLabel, yLabel, y2Label }: { plot: Plot; left?: LineSeries; right?: LineSeries; xTicks: { i: number; label: string }[]; xLabel: string; yLabel: string; y2Label?: string }) {
  const { H, plotW, plotH, n, max, x } = plot;
  const yAt = (t: number) => PAD.top + plotH - t * plotH;
  return (
    <>
      {TICKS.map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={W - PAD.right} y1={yAt(t)} y2={yAt(t)} className={t === 0 ? 'chart-axis' : 'chart-grid'} />
          {left ? (
            <text x={PAD.left - 8} y={yAt(t)} className="chart-tick" textAnchor="end" dominantBaseline="middle">
              {left.format(t * max.left)}
            </text>
          ) : null}
          {right ? (
            <text x={W - PAD.right + 8} y={yAt(t)} className="chart-tick" textAnchor="start" dominantBaseline="middle">
              {right.format(t * max.right)}
            </text>
          ) : null}
        </g>
      ))}
      {xTicks.map(({ i, label }) => (
        <text key={i} x={x(i)} y={PAD.top + plotH + 16} className="chart-tick" textAnchor={n > 1 && i === 0 ? 'start' : n > 1 && i === n - 1 ? 'end' : 'middle'}>
          {label}
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
    </>
  );
}

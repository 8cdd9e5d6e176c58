import type { LineSeries, Plot } from './line-chart';

/** The path's `d` for each unbroken run of values: a gap (null) breaks the line rather than drawing it through zero. */
function segments(s: LineSeries, plot: Plot): string[] {
  const axis = s.axis ?? 'left';
  const out: string[] = [];
  let cur = '';
  s.values.forEach((v, i) => {
    if (v === null) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += `${cur ? 'L' : 'M'}${plot.x(i).toFixed(1)} ${plot.y(v, axis).toFixed(1)} `;
  });
  if (cur) out.push(cur);
  return out;
}

/** One series: its line and a marker per point (circles, or squares for `square`) with a tooltip. */
export function SeriesLine({ series: s, square, plot, labels }: { series: LineSeries; square: boolean; plot: Plot; labels: string[] }) {
  const axis = s.axis ?? 'left';
  return (
    <g data-series={s.name}>
      {segments(s, plot).map((d, k) => (
        <path key={k} d={d} fill="none" stroke={s.color} strokeWidth={2.25} strokeDasharray={s.dashed ? '6 4' : undefined} strokeLinejoin="round" strokeLinecap="round" />
      ))}
      {s.values.map((v, i) => {
        if (v === null) return null;
        const tip = <title>{`${labels[i]}: ${s.name} ${s.format(v)}`}</title>;
        const cx = plot.x(i);
        const cy = plot.y(v, axis);
        return square ? (
          <rect key={i} x={cx - 3.5} y={cy - 3.5} width={7} height={7} fill={s.color} stroke="#fff" strokeWidth={1.5} className="chart-point" data-point={s.name}>
            {tip}
          </rect>
        ) : (
          <circle key={i} cx={cx} cy={cy} r={plot.n > 40 ? 2.5 : 4} fill={s.color} stroke="#fff" strokeWidth={1.5} className="chart-point" data-point={s.name}>
            {tip}
          </circle>
        );
      })}
    </g>
  );
}

import { signed } from '../../format';
import type { RecurringGroup } from '../../metrics-types';

/** How a recurring group moved against the previous period: new, up, down or flat. */
export function Trend({ g }: { g: RecurringGroup }) {
  if (g.trend === 'new')
    return (
      <span className="trend-pill trend-new" data-trend="new">
        New
      </span>
    );
  const arrow = g.trend === 'up' ? '▲' : g.trend === 'down' ? '▼' : '→';
  const words = g.trend === 'up' ? `up from ${g.previous}` : g.trend === 'down' ? `down from ${g.previous}` : 'no change';
  return (
    <span className={`trend-pill trend-${g.trend}`} data-trend={g.trend} title={`${g.previous} in the previous period`}>
      <span aria-hidden="true">{arrow}</span> {signed(g.change)} <span className="visually-hidden">({words})</span>
    </span>
  );
}

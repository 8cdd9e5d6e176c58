import type { ReactNode } from 'react';
import { NO_DATA } from '../../format';

/** One key figure: a label, the value (dimmed when there is no data), and a line under it. */
export function Kpi({ id, label, value, sub, wide, children }: { id: string; label: string; value?: string; sub?: ReactNode; wide?: boolean; children?: ReactNode }) {
  return (
    <li className={wide ? 'kpi kpi-wide' : 'kpi'} data-testid={`kpi-${id}`}>
      <span className="kpi-label">{label}</span>
      {value !== undefined ? <KpiValue value={value} /> : null}
      {children}
      {sub ? <span className="kpi-sub">{sub}</span> : null}
    </li>
  );
}

export function KpiValue({ value }: { value: string }) {
  return (
    <span className={value === NO_DATA ? 'kpi-value kpi-none' : 'kpi-value'} data-testid="kpi-value">
      {value}
    </span>
  );
}

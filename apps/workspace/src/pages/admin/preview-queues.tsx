import { DataTable } from '../../components/kit/data-table';
import { pct, signed } from '../../format';
import type { PolicyPreview, QueueRisk } from '../../metrics-types';
import { Becomes } from './becomes';

const level = (r: QueueRisk | undefined) => (!r ? 'low' : r.overloaded || r.shareOverSla >= 0.2 ? 'high' : r.shareOverSla >= 0.05 ? 'medium' : 'low');

function RiskPill({ r }: { r: QueueRisk | undefined }) {
  return <span className={`risk-pill risk-${level(r)}`}>{r ? (r.overloaded ? 'overloaded' : pct(r.shareOverSla)) : '—'}</span>;
}

function ExpectedWait({ r }: { r: QueueRisk | undefined }) {
  if (!r) return <>—</>;
  if (r.overloaded) return <span className="risk-pill risk-high">Overloaded</span>;
  return <>{r.expectedWaitMinutes === null ? '—' : `${Math.round(r.expectedWaitMinutes * 10) / 10} min`}</>;
}

/** One queue's handoffs now and under the edited policy, and its SLA risk under each. */
interface QueueRow {
  q: string;
  now: number;
  next: number;
  riskNow: QueueRisk | undefined;
  riskNext: QueueRisk | undefined;
}

/** The queues any policy sends handoffs to, the busiest first. */
function queueRows(p: PolicyPreview): QueueRow[] {
  const names = new Set([...Object.keys(p.current.byQueue), ...Object.keys(p.proposed.byQueue), ...Object.keys(p.slaRisk?.current.byQueue ?? {}), ...Object.keys(p.slaRisk?.proposed.byQueue ?? {})]);
  const rows = [...names].map((q) => ({ q, now: p.current.byQueue[q] ?? 0, next: p.proposed.byQueue[q] ?? 0, riskNow: p.slaRisk?.current.byQueue[q], riskNext: p.slaRisk?.proposed.byQueue[q] }));
  return rows.sort((a, b) => b.next + b.now - (a.next + a.now) || a.q.localeCompare(b.q));
}

/** Load and SLA risk per queue under the current and the edited policy, with paired bars. */
export function PreviewQueues({ p }: { p: PolicyPreview }) {
  const rows = queueRows(p);
  const maxLoad = Math.max(1, ...rows.map((r) => Math.max(r.now, r.next)));
  const bar = (n: number) => ({ width: `${(n / maxLoad) * 100}%` });
  return (
    <DataTable<QueueRow>
      className="preview-queues"
      testId="preview-queues"
      caption="Handoffs per team under the current and the edited policy, with the estimated SLA risk"
      rows={rows}
      rowKey={(r) => r.q}
      rowProps={(r) => ({ 'data-queue': r.q })}
      empty={<p className="muted small">Neither policy hands any of these conversations to a person.</p>}
      columns={[
        { header: 'Team', rowHeader: true, cell: (r) => r.q },
        { header: 'Now', headerClassName: 'num', cellClassName: 'num', cell: (r) => r.now },
        { header: 'Proposed', headerClassName: 'num', cellClassName: 'num', cell: (r) => r.next },
        { header: 'Change', headerClassName: 'num', cellClassName: (r) => `num ${r.next > r.now ? 'delta-up' : r.next < r.now ? 'delta-down' : 'muted'}`, cell: (r) => signed(r.next - r.now) },
        {
          header: 'Load',
          hiddenHeader: true,
          cell: (r) => (
            <span className="pair-bars" aria-hidden="true">
              <span className="pair-bar pair-now" style={bar(r.now)} />
              <span className="pair-bar pair-next" style={bar(r.next)} />
            </span>
          ),
        },
        { header: 'Waiting past SLA', cell: (r) => (r.riskNow || r.riskNext ? <span className="risk"><Becomes from={<RiskPill r={r.riskNow} />} to={<RiskPill r={r.riskNext} />} /></span> : <span className="muted">—</span>) },
        { header: 'Expected wait', cellClassName: 'small', cell: (r) => <ExpectedWait r={r.riskNext} /> },
      ]}
    />
  );
}

import { BarChart } from '../../components/charts/bar-chart';
import { Panel } from '../../components/kit/panel';
import { humanize } from '../../hooks';
import { VERDICT_LABELS } from '../../metrics-types';

/** The tally of agents' verdicts on the handoffs they resolved. */
export function VerdictsPanel({ verdicts }: { verdicts: Record<string, number> }) {
  const items = Object.entries(verdicts).map(([k, n]) => ({ key: k, label: VERDICT_LABELS[k] ?? humanize(k), value: n }));
  const total = items.reduce((a, v) => a + v.value, 0);
  return (
    <Panel level={3} headingId="verdicts-h" title={<>Agents’ verdicts on handoffs <span className="count">{total}</span></>}>
      {items.length ? (
        <BarChart testId="chart-verdicts" title="Verdicts on resolved handoffs" items={items} valueLabel="Handoffs" color="#5b3cc4" format={(v) => String(Math.round(v * 10) / 10)} summary={items.map((v) => `${v.label}: ${v.value}`).join(', ')} />
      ) : (
        <p className="empty">No verdicts yet. When agents resolve a handoff they say whether it needed a person, came too late, went to the wrong team or was unnecessary; the tally appears here.</p>
      )}
    </Panel>
  );
}

import type { BarItem } from '../../components/charts/bar-chart';
import { BarChart } from '../../components/charts/bar-chart';
import { Panel } from '../../components/kit/panel';
import { duration, pct } from '../../format';
import { humanize } from '../../hooks';
import type { Breakdown, HandoffMetrics } from '../../metrics-types';
import { KeyFigures } from './key-figures';
import { HandoffsOverTime, TimeToHuman } from './trend-charts';

/** The period's key figures, the two trend charts and the three breakdowns. */
export function MetricsView({ m, periodText }: { m: HandoffMetrics; periodText: string }) {
  return (
    <>
      <KeyFigures m={m} />
      <div className="two-col">
        <Panel headingId="over-time-h" title="Handoffs over time">
          <HandoffsOverTime m={m} periodText={periodText} />
        </Panel>
        <Panel headingId="tth-h" title="Time until a person replies">
          <TimeToHuman m={m} periodText={periodText} />
        </Panel>
      </div>
      <div className="three-col">
        <BreakdownPanel id="reason" title="By reason" rows={m.breakdowns.reason} label={humanize} empty="Each handoff's trigger (a request for a person, low confidence, a keyword, a sensitive topic…) is counted here once there are handoffs in the period." />
        <BreakdownPanel id="team" title="By team" rows={m.breakdowns.team} label={(k) => (k === 'none' ? 'Unrouted' : k)} empty="Handoffs are counted here under the team they were routed to once there are handoffs in the period." />
        <BreakdownPanel id="channel" title="By channel" rows={m.breakdowns.channel} label={humanize} empty="Handoffs are counted here by the channel the customer wrote in on (web chat, email…) once there are handoffs in the period." />
      </div>
    </>
  );
}

function BreakdownPanel({ id, title, rows, label, empty }: { id: string; title: string; rows: Breakdown[]; label(k: string): string; empty: string }) {
  const items: BarItem[] = rows.map((r) => ({ key: r.key, label: label(r.key), value: r.handoffs, extra: [duration(r.timeToHumanP50), pct(r.abandonmentRate), pct(r.resolutionRate)] }));
  const top = items[0];
  return (
    <Panel headingId={`by-${id}-h`} title={title}>
      {top ? (
        <BarChart
          testId={`chart-by-${id}`}
          title={`Handoffs ${title.toLowerCase()}`}
          items={items}
          valueLabel="Handoffs"
          format={(v) => String(Math.round(v * 10) / 10)}
          columns={['Median time to a person', 'Abandoned', 'Solved']}
          width={380}
          summary={`${items.length} ${items.length === 1 ? 'group' : 'groups'}; the most handoffs: ${top.label} with ${top.value}.`}
        />
      ) : (
        <p className="empty">{empty}</p>
      )}
    </Panel>
  );
}

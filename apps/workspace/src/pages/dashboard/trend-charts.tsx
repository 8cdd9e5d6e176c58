import { LineChart } from '../../components/charts/line-chart';
import { count, duration, pct } from '../../format';
import type { HandoffMetrics } from '../../metrics-types';

const BRAND = '#2547d0';
const ORANGE = '#b54708';

function labelsFor(m: HandoffMetrics): { short: string[]; long: string[]; xLabel: string } {
  const hour = m.bucket === 'hour';
  const d = (t: string) => new Date(t);
  return {
    short: m.series.map((p) => (hour ? d(p.t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }) : d(p.t).toLocaleDateString([], { day: 'numeric', month: 'short', timeZone: 'UTC' }))),
    long: m.series.map((p) => (hour ? `${d(p.t).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC` : d(p.t).toLocaleDateString([], { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }))),
    xLabel: hour ? 'Hour (UTC)' : 'Day (UTC)',
  };
}

/** Handoffs per bucket and the share of conversations handed over, on two axes. */
export function HandoffsOverTime({ m, periodText }: { m: HandoffMetrics; periodText: string }) {
  if (!m.series.length || m.conversations + m.handoffs === 0)
    return <p className="empty">No conversations in {periodText}. The number of handoffs and the share of conversations handed to a person will be drawn here, {m.bucket === 'hour' ? 'hour' : 'day'} by {m.bucket === 'hour' ? 'hour' : 'day'}, once customers start writing in.</p>;
  const { short, long, xLabel } = labelsFor(m);
  const total = m.series.reduce((a, p) => a + p.handoffs, 0);
  const peak = m.series.reduce((a, p, i) => (p.handoffs > (m.series[a]?.handoffs ?? 0) ? i : a), 0);
  const summary = `${count(total, 'handoff')} in ${periodText}, busiest ${long[peak]} with ${m.series[peak]?.handoffs ?? 0}; ${pct(m.handoffRate)} of conversations were handed to a person overall.`;
  return (
    <LineChart
      testId="chart-handoffs"
      title="Handoffs and handoff rate"
      labels={short}
      longLabels={long}
      xLabel={xLabel}
      yLabel="Handoffs"
      y2Label="Handoff rate"
      summary={summary}
      series={[
        { name: 'Handoffs', values: m.series.map((p) => p.handoffs), color: BRAND, integer: true, format: (v) => String(Math.round(v * 100) / 100) },
        { name: 'Handoff rate', values: m.series.map((p) => p.handoffRate), color: ORANGE, axis: 'right', dashed: true, format: pct },
      ]}
    />
  );
}

/** The median time from the handoff to the first human reply, per bucket. */
export function TimeToHuman({ m, periodText }: { m: HandoffMetrics; periodText: string }) {
  const values = m.series.map((p) => p.timeToHumanP50);
  const known = values.filter((v): v is number => v !== null);
  if (!known.length) return <p className="empty">No person has replied to a handoff in {periodText} yet. The median time from the handoff to the first human reply will be drawn here for each {m.bucket}.</p>;
  const { short, long, xLabel } = labelsFor(m);
  const summary = `Median time to the first human reply, by ${m.bucket}: from ${duration(Math.min(...known))} to ${duration(Math.max(...known))}; ${duration(m.timeToHumanSeconds.p50)} over the whole period.`;
  return <LineChart testId="chart-time-to-human" title="Median time to first human reply" labels={short} longLabels={long} xLabel={xLabel} yLabel="Time" summary={summary} series={[{ name: 'Median time to a person', values, color: BRAND, format: fineDuration }]} />;
}

/** Like `duration`, with two decimals under a second so close axis ticks stay distinct. */
function fineDuration(seconds: number): string {
  return seconds > 0 && seconds < 1 ? `${Math.round(seconds * 100) / 100} s` : duration(seconds);
}

import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorText } from '@baton/client';
import type { BarItem } from '../components/charts';
import { BarChart, LineChart } from '../components/charts';
import { LearningSection } from '../components/learning-section';
import { count, duration, NO_DATA, pct, score } from '../format';
import { humanize } from '../hooks';
import type { Breakdown, HandoffMetrics } from '../metrics-types';
import { useWorkspace } from '../workspace';

const PERIODS = [7, 30, 90] as const;
const CHANNELS = ['web', 'email', 'whatsapp', 'messenger', 'api'] as const;
const DAY = 86_400_000;
const BRAND = '#2547d0';
const ORANGE = '#b54708';

export interface Range {
  from: string;
  to: string;
  days: number;
}

/** Handoff metrics over a period, by team and channel, with charts and the learning loop (DESIGN §8). */
export function DashboardPage() {
  const { api, me, teams } = useWorkspace();
  const [days, setDays] = useState<(typeof PERIODS)[number]>(7);
  const [team, setTeam] = useState('');
  const [channel, setChannel] = useState('');
  const [stamp, setStamp] = useState(() => Date.now());
  const [metrics, setMetrics] = useState<HandoffMetrics | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const range: Range = useMemo(() => ({ from: new Date(stamp - days * DAY).toISOString(), to: new Date(stamp).toISOString(), days }), [stamp, days]);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    const q = new URLSearchParams({ from: range.from, to: range.to });
    if (team) q.set('team', team);
    if (channel) q.set('channel', channel);
    try {
      setMetrics(await api.get<HandoffMetrics>(`/metrics/handoffs?${q.toString()}`));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setLoading(false);
    }
  }, [api, range, team, channel]);

  useEffect(() => {
    void load();
  }, [load]);

  const periodText = `the last ${days} days${team ? ` for ${team}` : ''}${channel ? ` on the ${channel} channel` : ''}`;

  return (
    <div className="page dashboard">
      <div className="page-head">
        <div>
          <h1>Dashboard</h1>
          <p className="muted small">How handoffs to people went over {periodText}.</p>
        </div>
        <div className="filters" role="group" aria-label="Filters">
          <div className="segmented" role="group" aria-label="Period">
            {PERIODS.map((d) => (
              <button key={d} type="button" aria-pressed={days === d} onClick={() => (setDays(d), setStamp(Date.now()))}>
                {d} days
              </button>
            ))}
          </div>
          <label className="filter">
            <span>Team</span>
            <select value={team} onChange={(e) => setTeam(e.target.value)}>
              <option value="">All teams</option>
              {teams.map((t) => (
                <option key={t.id} value={t.name}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label className="filter">
            <span>Channel</span>
            <select value={channel} onChange={(e) => setChannel(e.target.value)}>
              <option value="">All channels</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {humanize(c)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn btn-small" onClick={() => setStamp(Date.now())} disabled={loading}>
            {loading ? 'Updating…' : 'Refresh'}
          </button>
        </div>
      </div>

      {error ? (
        <p className="notice notice-error" role="alert">
          Could not load the metrics: {error}
        </p>
      ) : null}
      {!metrics && !error ? (
        <p className="muted" role="status">
          Loading the metrics…
        </p>
      ) : null}
      {metrics ? <Metrics m={metrics} periodText={periodText} /> : null}
      {metrics ? <LearningSection range={range} verdicts={metrics.verdicts} canSeeReports={me.role !== 'agent'} filtered={Boolean(team || channel)} /> : null}
    </div>
  );
}

function Kpi({ id, label, value, sub, wide, children }: { id: string; label: string; value?: string; sub?: ReactNode; wide?: boolean; children?: ReactNode }) {
  return (
    <li className={wide ? 'kpi kpi-wide' : 'kpi'} data-testid={`kpi-${id}`}>
      <span className="kpi-label">{label}</span>
      {value !== undefined ? (
        <span className={value === NO_DATA ? 'kpi-value kpi-none' : 'kpi-value'} data-testid="kpi-value">
          {value}
        </span>
      ) : null}
      {children}
      {sub ? <span className="kpi-sub">{sub}</span> : null}
    </li>
  );
}

function Metrics({ m, periodText }: { m: HandoffMetrics; periodText: string }) {
  return (
    <>
      <section aria-labelledby="kpi-h" className="kpi-section">
        <h2 id="kpi-h" className="visually-hidden">
          Key figures
        </h2>
        <ul className="kpis plain">
          <Kpi id="handoff-rate" label="Conversations handed to a person" value={pct(m.handoffRate)} sub={m.conversations ? `${m.escalatedConversations} of ${count(m.conversations, 'conversation')}` : 'No conversations yet'} />
          <Kpi
            id="time-to-human"
            label="Time until a person replies"
            value={duration(m.timeToHumanSeconds.p50)}
            sub={
              m.timeToHumanSeconds.n ? (
                <>
                  median · 9 in 10 within {duration(m.timeToHumanSeconds.p90)}
                  <br />
                  <span data-testid="acceptance">accepted in {duration(m.acceptanceSeconds.p50)} (median)</span>
                </>
              ) : (
                'No replies yet'
              )
            }
          />
          <Kpi id="resolution-rate" label="Handoffs solved" value={pct(m.resolutionRate)} sub={m.resolved ? `${m.solved} of ${count(m.resolved, 'resolved handoff')}` : 'None resolved yet'} />
          <Kpi id="abandonment" label="Customers who gave up waiting" value={pct(m.abandonmentRate)} sub={m.handoffs ? `${m.abandoned} of ${count(m.handoffs, 'handoff')}` : 'No handoffs yet'} />
          <Kpi id="csat" label="Customer satisfaction (1–5)" wide>
            <span className="csat-trio">
              {(
                [
                  ['after-handoff', 'After a handoff', m.csat.afterHandoff],
                  ['ai-only', 'AI only', m.csat.aiOnly],
                  ['human-only', 'Human only', m.csat.humanOnly],
                ] as const
              ).map(([k, l, c]) => (
                <span key={k} className="csat-cell" data-testid={`csat-${k}`}>
                  <span className={c.average === null ? 'kpi-value kpi-none' : 'kpi-value'} data-testid="kpi-value">
                    {score(c.average)}
                  </span>
                  <span className="kpi-sub">
                    {l}
                    <br />
                    {c.n ? count(c.n, 'rating') : 'no ratings'}
                  </span>
                </span>
              ))}
            </span>
          </Kpi>
          <Kpi id="context-utilisation" label="Brief read before the first reply" value={pct(m.contextUtilisation)} sub={m.timeToHumanSeconds.n ? `of ${count(m.timeToHumanSeconds.n, 'replied handoff')}` : 'No replies yet'} />
          <Kpi id="context-completeness" label="Context the brief had" value={pct(m.contextCompleteness)} sub={m.contextCompleteness === null ? 'No briefs yet' : 'average completeness of briefs'} />
          <Kpi id="redundancy" label="Replies asking for what the brief had" value={pct(m.redundancyRate)} sub={m.customerRepeatRate === null ? 'No replies yet' : `customers repeated themselves in ${pct(m.customerRepeatRate)}`} />
          <Kpi id="first-response" label="First replies that address the issue" value={pct(m.firstResponseQuality.rate)} sub={m.firstResponseQuality.n ? `of ${count(m.firstResponseQuality.n, 'first reply', 'first replies')}` : 'No replies yet'} />
          <Kpi id="repeat-escalation" label={`Escalated again within ${m.repeatEscalation.windowHours} h`} value={pct(m.repeatEscalation.rate)} sub={m.handoffs ? `${count(m.repeatEscalation.n, 'handoff')}, ${count(m.repeatEscalation.customers, 'customer')}` : 'No handoffs yet'} />
          <Kpi
            id="wait-estimate"
            label="Wait estimates that held (±50%)"
            value={pct(m.waitEstimate.withinHalfRate)}
            sub={m.waitEstimate.n ? `off by ${Math.round((m.waitEstimate.meanAbsoluteErrorMinutes ?? 0) * 10) / 10} min on average` : 'No accepted handoffs with an estimate yet'}
          />
        </ul>
      </section>

      <div className="two-col">
        <section className="panel" aria-labelledby="over-time-h">
          <h2 id="over-time-h" className="panel-title">
            Handoffs over time
          </h2>
          <HandoffsOverTime m={m} periodText={periodText} />
        </section>
        <section className="panel" aria-labelledby="tth-h">
          <h2 id="tth-h" className="panel-title">
            Time until a person replies
          </h2>
          <TimeToHuman m={m} periodText={periodText} />
        </section>
      </div>

      <div className="three-col">
        <BreakdownPanel id="reason" title="By reason" rows={m.breakdowns.reason} label={humanize} empty="Each handoff's trigger (a request for a person, low confidence, a keyword, a sensitive topic…) is counted here once there are handoffs in the period." />
        <BreakdownPanel id="team" title="By team" rows={m.breakdowns.team} label={(k) => (k === 'none' ? 'Unrouted' : k)} empty="Handoffs are counted here under the team they were routed to once there are handoffs in the period." />
        <BreakdownPanel id="channel" title="By channel" rows={m.breakdowns.channel} label={humanize} empty="Handoffs are counted here by the channel the customer wrote in on (web chat, email…) once there are handoffs in the period." />
      </div>
    </>
  );
}

function labelsFor(m: HandoffMetrics): { short: string[]; long: string[]; xLabel: string } {
  const hour = m.bucket === 'hour';
  const d = (t: string) => new Date(t);
  return {
    short: m.series.map((p) => (hour ? d(p.t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }) : d(p.t).toLocaleDateString([], { day: 'numeric', month: 'short', timeZone: 'UTC' }))),
    long: m.series.map((p) => (hour ? `${d(p.t).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC` : d(p.t).toLocaleDateString([], { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }))),
    xLabel: hour ? 'Hour (UTC)' : 'Day (UTC)',
  };
}

function HandoffsOverTime({ m, periodText }: { m: HandoffMetrics; periodText: string }) {
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

function TimeToHuman({ m, periodText }: { m: HandoffMetrics; periodText: string }) {
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

function BreakdownPanel({ id, title, rows, label, empty }: { id: string; title: string; rows: Breakdown[]; label(k: string): string; empty: string }) {
  const items: BarItem[] = rows.map((r) => ({ key: r.key, label: label(r.key), value: r.handoffs, extra: [duration(r.timeToHumanP50), pct(r.abandonmentRate), pct(r.resolutionRate)] }));
  const top = items[0];
  return (
    <section className="panel" aria-labelledby={`by-${id}-h`}>
      <h2 id={`by-${id}-h`} className="panel-title">
        {title}
      </h2>
      {items.length && top ? (
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
    </section>
  );
}

import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorText } from '@baton/client';
import { Notice } from '../../components/kit/notice';
import { LearningSection } from './learning-section';
import { LlmFigures } from './llm-figures';
import type { HandoffMetrics } from '../../metrics-types';
import { useWorkspace } from '../../workspace';
import { DashboardFilters } from './dashboard-filters';
import type { Filters } from './dashboard-filters';
import { MetricsView } from './metrics-view';

const DAY = 86_400_000;

export interface Range {
  from: string;
  to: string;
  days: number;
}

/** Handoff metrics over a period, by team and channel, with charts and the learning loop (DESIGN §8). */
export function DashboardPage() {
  const { api, me } = useWorkspace();
  const [filters, setFilters] = useState<Filters>({ days: 7, team: '', channel: '' });
  const [stamp, setStamp] = useState(() => Date.now());
  const [metrics, setMetrics] = useState<HandoffMetrics | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const { days, team, channel } = filters;

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
  const change = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    if (patch.days !== undefined) setStamp(Date.now());
  };

  return (
    <div className="page dashboard">
      <div className="page-head">
        <div>
          <h1>Dashboard</h1>
          <p className="muted small">How handoffs to people went over {periodText}.</p>
        </div>
        <DashboardFilters filters={filters} onChange={change} loading={loading} onRefresh={() => setStamp(Date.now())} />
      </div>
      {error ? <Notice kind="error">Could not load the metrics: {error}</Notice> : null}
      {!metrics && !error ? (
        <p className="muted" role="status">
          Loading the metrics…
        </p>
      ) : null}
      {metrics ? <MetricsView m={metrics} periodText={periodText} /> : null}
      {metrics ? <LlmFigures range={range} /> : null}
      {metrics ? <LearningSection range={range} verdicts={metrics.verdicts} canSeeReports={me.role !== 'agent'} filtered={Boolean(team || channel)} /> : null}
    </div>
  );
}

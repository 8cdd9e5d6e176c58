import type { MouseEvent } from 'react';
import { useEffect, useState } from 'react';
import { errorText } from '@baton/client';
import { count, signed } from '../format';
import { humanize } from '../hooks';
import type { KbGapsReport, RecurringEscalationsReport, RecurringGroup } from '../metrics-types';
import { VERDICT_LABELS } from '../metrics-types';
import type { Range } from '../pages/dashboard-page';
import { useWorkspace } from '../workspace';
import { BarChart } from './charts';

type Recurring = 'byReason' | 'byTopic' | 'byReasonAndTopic';
const RECURRING_TABS: [Recurring, string][] = [
  ['byReason', 'By reason'],
  ['byTopic', 'By topic'],
  ['byReasonAndTopic', 'Reason and topic'],
];

/** The learning loop (DESIGN §8): agents' verdicts, KB gaps with draft articles, and escalations that keep recurring. */
export function LearningSection({ range, verdicts, canSeeReports, filtered }: { range: Range; verdicts: Record<string, number>; canSeeReports: boolean; filtered: boolean }) {
  const { api } = useWorkspace();
  const [gaps, setGaps] = useState<KbGapsReport | null>(null);
  const [recurring, setRecurring] = useState<RecurringEscalationsReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<Recurring>('byReason');
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const q = `from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`;

  useEffect(() => {
    if (!canSeeReports) return;
    let live = true;
    setError(null);
    Promise.all([api.get<KbGapsReport>(`/reports/kb-gaps?${q}`), api.get<RecurringEscalationsReport>(`/reports/recurring-escalations?${q}`)])
      .then(([g, r]) => {
        if (!live) return;
        setGaps(g);
        setRecurring(r);
      })
      .catch((err: unknown) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [api, q, canSeeReports]);

  const download = async (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    setDownloadError(null);
    try {
      const blob = await api.blob(`/reports/kb-gaps.md?${q}`);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `kb-gaps-${range.to.slice(0, 10)}.md`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setDownloadError(errorText(err));
    }
  };

  const verdictItems = Object.entries(verdicts).map(([k, n]) => ({ key: k, label: VERDICT_LABELS[k] ?? humanize(k), value: n }));
  const verdictTotal = verdictItems.reduce((a, v) => a + v.value, 0);
  const groups = recurring?.[tab] ?? [];

  return (
    <section aria-labelledby="learning-h" className="learning">
      <h2 id="learning-h" className="section-title">
        Learning loop
      </h2>
      {filtered && canSeeReports ? <p className="muted small section-note">KB gaps and recurring escalations cover every team and channel; verdicts follow the filters.</p> : null}
      <div className="two-col">
        <section className="panel" aria-labelledby="verdicts-h">
          <h3 id="verdicts-h" className="panel-title">
            Agents’ verdicts on handoffs <span className="count">{verdictTotal}</span>
          </h3>
          {verdictItems.length ? (
            <BarChart
              testId="chart-verdicts"
              title="Verdicts on resolved handoffs"
              items={verdictItems}
              valueLabel="Handoffs"
              color="#5b3cc4"
              format={(v) => String(Math.round(v * 10) / 10)}
              summary={verdictItems.map((v) => `${v.label}: ${v.value}`).join(', ')}
            />
          ) : (
            <p className="empty">No verdicts yet. When agents resolve a handoff they say whether it needed a person, came too late, went to the wrong team or was unnecessary; the tally appears here.</p>
          )}
        </section>

        <section className="panel" aria-labelledby="recurring-h" data-testid="recurring">
          <div className="panel-head">
            <h3 id="recurring-h" className="panel-title">
              Recurring escalations
            </h3>
            {canSeeReports ? (
              <div className="segmented segmented-small" role="group" aria-label="Group recurring escalations">
                {RECURRING_TABS.map(([k, l]) => (
                  <button key={k} type="button" aria-pressed={tab === k} onClick={() => setTab(k)}>
                    {l}
                  </button>
                ))}
              </div>
            ) : null}
          </div>
          {!canSeeReports ? (
            <p className="empty">Recurring escalations and KB gaps are reports for supervisors.</p>
          ) : error ? (
            <p className="form-error" role="alert">
              Could not load the reports: {error}
            </p>
          ) : !recurring ? (
            <p className="muted">Loading…</p>
          ) : groups.length ? (
            <table className="table recurring-table">
              <caption className="visually-hidden">Escalations that recur, this period against the {range.days} days before</caption>
              <thead>
                <tr>
                  <th scope="col">{tab === 'byTopic' ? 'Topic' : tab === 'byReason' ? 'Reason' : 'Reason · topic'}</th>
                  <th scope="col" className="num">
                    Handoffs
                  </th>
                  <th scope="col">Trend</th>
                  <th scope="col">Latest cases</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => (
                  <tr key={`${g.reason ?? ''}|${g.topic ?? ''}`}>
                    <th scope="row">
                      {[g.reason ? humanize(g.reason) : null, g.topic ? humanize(g.topic) : null].filter(Boolean).join(' · ')}
                      {g.example ? <span className="muted small block">{g.example}</span> : null}
                    </th>
                    <td className="num">{g.count}</td>
                    <td>
                      <Trend g={g} />
                    </td>
                    <td className="small">{g.examples.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="empty">Nothing recurs yet. A reason or topic is listed here once it causes at least {recurring.minCount} handoffs in the period, with its trend against the {range.days} days before.</p>
          )}
        </section>
      </div>

      {canSeeReports ? (
        <section className="panel" aria-labelledby="gaps-h" data-testid="kb-gaps">
          <div className="panel-head">
            <h3 id="gaps-h" className="panel-title">
              KB gaps: questions the AI could not answer {gaps ? <span className="count">{gaps.questions}</span> : null}
            </h3>
            <a href={`/api/v1/reports/kb-gaps.md?${q}`} className="btn btn-small" onClick={(e) => void download(e)} data-testid="kb-gaps-download">
              Download drafts (Markdown)
            </a>
          </div>
          {downloadError ? (
            <p className="form-error" role="alert">
              {downloadError}
            </p>
          ) : null}
          {!gaps ? (
            error ? null : <p className="muted">Loading…</p>
          ) : gaps.clusters.length ? (
            <>
              <p className="muted small section-note">
                {count(gaps.questions, 'question')} the AI declined, asked to clarify, or answered with under {Math.round(gaps.threshold * 100)}% confidence, grouped into {count(gaps.clusters.length, 'draft article')}.
              </p>
              <ul className="plain gap-list">
                {gaps.clusters.map((c) => (
                  <li key={c.id} className="gap" data-testid="kb-gap">
                    <div className="gap-head">
                      <span className="gap-count" title="Questions in this group">
                        {c.count}
                        <span className="visually-hidden"> questions</span>
                      </span>
                      <span className="gap-title">
                        <span className="muted small block">Draft title</span>
                        <strong>{c.title}</strong>
                      </span>
                      <span className="muted small">closest KB match {Math.round(c.meanConfidence * 100)}%</span>
                    </div>
                    <ul className="gap-examples">
                      {c.examples.slice(0, 3).map((ex) => (
                        <li key={ex}>“{ex}”</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="empty">
              No KB gaps in the last {range.days} days{gaps.questions ? ` (${count(gaps.questions, 'unanswered question')}, none similar enough to group)` : ''}. Questions the AI had to decline, clarify or answer with low confidence are grouped here, with draft article titles to write next.
            </p>
          )}
        </section>
      ) : null}
    </section>
  );
}

function Trend({ g }: { g: RecurringGroup }) {
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

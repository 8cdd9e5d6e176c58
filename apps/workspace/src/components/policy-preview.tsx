import { useState } from 'react';
import { count, pct, pts, signed } from '../format';
import { formatDate, formatTime, humanize } from '../hooks';
import type { PolicyPreview, QueueRisk } from '../metrics-types';
import { ACTION_LABELS } from '../metrics-types';

const FLIPS_SHOWN = 25;

/**
 * "Preview this change": what the backtest says the edited policy would do to the handoff rate,
 * to each queue's load and SLA risk, and which conversations would go the other way.
 */
export function PolicyPreviewPanel({ preview: p, at, stale }: { preview: PolicyPreview; at: string; stale: boolean }) {
  const [all, setAll] = useState(false);
  const queues = [...new Set([...Object.keys(p.current.byQueue), ...Object.keys(p.proposed.byQueue), ...Object.keys(p.slaRisk?.current.byQueue ?? {}), ...Object.keys(p.slaRisk?.proposed.byQueue ?? {})])].sort(
    (a, b) => (p.proposed.byQueue[b] ?? 0) + (p.current.byQueue[b] ?? 0) - ((p.proposed.byQueue[a] ?? 0) + (p.current.byQueue[a] ?? 0)) || a.localeCompare(b),
  );
  const maxLoad = Math.max(1, ...queues.map((q) => Math.max(p.current.byQueue[q] ?? 0, p.proposed.byQueue[q] ?? 0)));
  const flips = all ? p.flips : p.flips.slice(0, FLIPS_SHOWN);
  const action = (a: string) => ACTION_LABELS[a] ?? humanize(a);

  return (
    <section className="preview" aria-labelledby="preview-h" data-testid="policy-preview">
      <div className="panel-head">
        <h3 id="preview-h" className="subhead preview-title">
          Preview of this change
        </h3>
        <span className="muted small" data-testid="preview-sample">
          Replayed {count(p.sampled, 'conversation')} from {formatDate(p.period.from)} to {formatDate(p.period.to)} · previewed {formatTime(at)}
        </span>
      </div>
      {stale ? (
        <p className="notice notice-warn" role="status">
          The form has changed since this preview. Preview again to see the figures for your latest edits.
        </p>
      ) : null}
      {p.sampled === 0 ? (
        <p className="empty">No conversations in the period to replay. Once customers have written in, the preview shows how the handoff rate, each queue’s load and the SLA risk would change.</p>
      ) : (
        <>
          <ul className="plain preview-figures">
            <li className="kpi" data-testid="preview-rate">
              <span className="kpi-label">Handed to a person</span>
              <span className="kpi-value">
                {pct(p.current.rate)} <span aria-hidden="true">→</span>
                <span className="visually-hidden"> would become </span> {pct(p.proposed.rate)}
              </span>
              <span className={`delta ${p.delta.handoffRate > 0 ? 'delta-up' : p.delta.handoffRate < 0 ? 'delta-down' : ''}`} data-testid="preview-delta">
                {pts(p.delta.handoffRate)} · {p.current.handoffs} → {p.proposed.handoffs} of {p.total}
              </span>
            </li>
            <li className="kpi" data-testid="preview-not-answered">
              <span className="kpi-label">Not answered by the AI</span>
              <span className="kpi-value">
                {pct(p.current.notAnsweredRate)} <span aria-hidden="true">→</span>
                <span className="visually-hidden"> would become </span> {pct(p.proposed.notAnsweredRate)}
              </span>
              <span className="delta">
                {pts(p.delta.notAnsweredRate)} · clarify, decline, offer a choice or hand off
              </span>
            </li>
            <li className="kpi">
              <span className="kpi-label">Conversations that change</span>
              <span className="kpi-value">{p.flips.length}</span>
              <span className="delta">{p.requeued ? `${count(p.requeued, 'handoff')} to another queue` : 'no handoff changes queue'}</span>
            </li>
            {p.slaRisk ? (
              <li className="kpi" data-testid="preview-sla">
                <span className="kpi-label">Expected to wait past the SLA</span>
                <span className="kpi-value">
                  {pct(p.slaRisk.current.shareOverSla)} <span aria-hidden="true">→</span>
                  <span className="visually-hidden"> would become </span> {pct(p.slaRisk.proposed.shareOverSla)}
                </span>
                <span className="delta">
                  {p.slaRisk.agents} agent slots, {Math.round(p.slaRisk.handleMinutes * 10) / 10} min per handoff
                </span>
              </li>
            ) : null}
          </ul>

          <h4 className="subhead">Load and SLA risk per queue</h4>
          {queues.length ? (
            <table className="table preview-queues" data-testid="preview-queues">
              <caption className="visually-hidden">Handoffs per queue under the current and the edited policy, with the estimated SLA risk</caption>
              <thead>
                <tr>
                  <th scope="col">Queue</th>
                  <th scope="col" className="num">
                    Now
                  </th>
                  <th scope="col" className="num">
                    Proposed
                  </th>
                  <th scope="col" className="num">
                    Change
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Load</span>
                  </th>
                  <th scope="col">Waiting past SLA</th>
                  <th scope="col">Expected wait</th>
                </tr>
              </thead>
              <tbody>
                {queues.map((q) => {
                  const now = p.current.byQueue[q] ?? 0;
                  const next = p.proposed.byQueue[q] ?? 0;
                  const rc = p.slaRisk?.current.byQueue[q];
                  const rp = p.slaRisk?.proposed.byQueue[q];
                  return (
                    <tr key={q} data-queue={q}>
                      <th scope="row">{humanize(q)}</th>
                      <td className="num">{now}</td>
                      <td className="num">{next}</td>
                      <td className={`num ${next > now ? 'delta-up' : next < now ? 'delta-down' : 'muted'}`}>{signed(next - now)}</td>
                      <td aria-hidden="true">
                        <span className="pair-bars">
                          <span className="pair-bar pair-now" style={{ width: `${(now / maxLoad) * 100}%` }} />
                          <span className="pair-bar pair-next" style={{ width: `${(next / maxLoad) * 100}%` }} />
                        </span>
                      </td>
                      <td>{rc || rp ? <Risk now={rc} next={rp} /> : <span className="muted">—</span>}</td>
                      <td className="small">{rp ? (rp.overloaded ? <span className="risk-pill risk-high">Overloaded</span> : rp.expectedWaitMinutes === null ? '—' : `${Math.round(rp.expectedWaitMinutes * 10) / 10} min`) : '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : (
            <p className="muted small">Neither policy hands any of these conversations to a person.</p>
          )}
          <p className="chart-key muted small" aria-hidden="true">
            <span className="pair-bar pair-now key-swatch" /> now <span className="pair-bar pair-next key-swatch" /> proposed
          </p>

          <h4 className="subhead">
            Conversations that would change <span className="count">{p.flips.length}</span>
          </h4>
          {p.flips.length ? (
            <>
              <table className="table flips" data-testid="preview-flips">
                <caption className="visually-hidden">Conversations whose outcome changes under the edited policy</caption>
                <thead>
                  <tr>
                    <th scope="col">Case</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Why</th>
                    <th scope="col">The customer said</th>
                  </tr>
                </thead>
                <tbody>
                  {flips.map((f) => (
                    <tr key={f.id} data-testid="flip" data-case={f.id}>
                      <th scope="row" className="nowrap">
                        {f.id}
                      </th>
                      <td>
                        <span className="flip-from">{action(f.from)}</span> <span aria-hidden="true">→</span>
                        <span className="visually-hidden"> becomes </span> <span className={f.to === 'escalate' ? 'flip-to flip-escalate' : 'flip-to'}>{action(f.to)}</span>
                        {f.toQueue && f.to === 'escalate' ? <span className="muted small block">to {humanize(f.toQueue)}</span> : null}
                      </td>
                      <td className="small">
                        {f.reasonsAdded.map((r) => (
                          <span key={`+${r}`} className="chip chip-add">
                            + {humanize(r)}
                          </span>
                        ))}
                        {f.reasonsRemoved.map((r) => (
                          <span key={`-${r}`} className="chip chip-remove">
                            − {humanize(r)}
                          </span>
                        ))}
                        {f.detail ? <span className="block flip-detail">{f.detail}</span> : null}
                      </td>
                      <td className="small flip-text">“{f.text}”</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {p.flips.length > FLIPS_SHOWN ? (
                <button type="button" className="btn btn-small" onClick={() => setAll(!all)}>
                  {all ? `Show the first ${FLIPS_SHOWN}` : `Show all ${p.flips.length}`}
                </button>
              ) : null}
            </>
          ) : (
            <p className="empty">No conversation would change outcome: the edited policy decides these {count(p.sampled, 'conversation')} the same way as today’s.</p>
          )}
        </>
      )}
    </section>
  );
}

function Risk({ now, next }: { now: QueueRisk | undefined; next: QueueRisk | undefined }) {
  const level = (r: QueueRisk | undefined) => (!r ? 'low' : r.overloaded || r.shareOverSla >= 0.2 ? 'high' : r.shareOverSla >= 0.05 ? 'medium' : 'low');
  return (
    <span className="risk">
      <span className={`risk-pill risk-${level(now)}`}>{now ? (now.overloaded ? 'overloaded' : pct(now.shareOverSla)) : '—'}</span> <span aria-hidden="true">→</span>
      <span className="visually-hidden"> would become </span> <span className={`risk-pill risk-${level(next)}`}>{next ? (next.overloaded ? 'overloaded' : pct(next.shareOverSla)) : '—'}</span>
    </span>
  );
}

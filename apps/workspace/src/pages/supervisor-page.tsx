import { useCallback, useEffect, useState } from 'react';
import { Countdown } from '../components/countdown';
import { Link } from '../components/link';
import { PriorityBadge } from '../components/priority-badge';
import { useNow } from '../hooks';
import type { THandoff as Handoff } from '@baton/contracts';
import { PRIORITIES, byQueueOrder } from '../queue-order';
import { useWorkspace } from '../workspace';

const AT_RISK_MS = 5 * 60_000;

/** Queues per team, each agent's load, and what is about to miss (or missed) its SLA. */
export function SupervisorPage() {
  const { api, waiting, teams, agents, subscribe, refreshDirectory } = useWorkspace();
  const [assigned, setAssigned] = useState<Handoff[]>([]);
  const now = useNow(5000);

  const loadAssigned = useCallback(async () => {
    try {
      setAssigned((await api.get<{ handoffs: Handoff[] }>('/handoffs?status=assigned')).handoffs);
    } catch {
      /* retried on the next event */
    }
  }, [api]);

  useEffect(() => {
    void loadAssigned();
    void refreshDirectory();
    return subscribe((e) => {
      if (e.type.startsWith('handoff.')) void loadAssigned();
    });
  }, [loadAssigned, refreshDirectory, subscribe]);

  const queues = [...teams.map((t) => ({ id: t.id as string | null, name: t.name })), ...(waiting.some((h) => !h.teamId) ? [{ id: null, name: 'Unrouted' }] : [])];
  const atRisk = [...waiting, ...assigned.filter((h) => !h.firstHumanReplyAt)].filter((h) => new Date(h.slaDueAt).getTime() - now < AT_RISK_MS).sort(byQueueOrder);
  const agentName = (id: string | null) => agents.find((a) => a.id === id)?.name ?? '—';

  return (
    <div className="page">
      <div className="page-head">
        <h1>Supervisor</h1>
      </div>
      <section className="panel" aria-labelledby="queues-h">
        <h2 id="queues-h" className="panel-title">
          Queues
        </h2>
        <table className="table" data-testid="queues">
          <caption className="visually-hidden">Waiting handoffs per team, by priority</caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              {PRIORITIES.map((p) => (
                <th scope="col" key={p} className="num">
                  <PriorityBadge priority={p} />
                </th>
              ))}
              <th scope="col" className="num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {queues.map((q) => {
              const hs = waiting.filter((h) => h.teamId === q.id);
              return (
                <tr key={q.id ?? 'none'}>
                  <th scope="row">{q.name}</th>
                  {PRIORITIES.map((p) => {
                    const n = hs.filter((h) => h.priority === p).length;
                    return (
                      <td key={p} className={n ? 'num' : 'num muted'}>
                        {n}
                      </td>
                    );
                  })}
                  <td className="num">
                    <strong>{hs.length}</strong>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <div className="two-col">
        <section className="panel" aria-labelledby="agents-h">
          <h2 id="agents-h" className="panel-title">
            Agents
          </h2>
          <table className="table" data-testid="agents">
            <thead>
              <tr>
                <th scope="col">Agent</th>
                <th scope="col">Presence</th>
                <th scope="col">Load</th>
              </tr>
            </thead>
            <tbody>
              {agents.map((a) => {
                const load = a.load ?? 0;
                return (
                  <tr key={a.id}>
                    <th scope="row">
                      {a.name}
                      <span className="muted small"> · {a.role}</span>
                    </th>
                    <td>
                      <span className={`presence-pill presence-${a.presence}`}>
                        <span className="presence-dot" aria-hidden="true" />
                        {a.presence}
                      </span>
                    </td>
                    <td>
                      <span className="load">
                        <span className="load-bar" aria-hidden="true">
                          <span style={{ width: `${a.capacity ? Math.min(100, (load / a.capacity) * 100) : 0}%` }} className={load >= a.capacity ? 'full' : ''} />
                        </span>
                        {load}/{a.capacity}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>

        <section className="panel" aria-labelledby="risk-h">
          <h2 id="risk-h" className="panel-title">
            SLA at risk <span className="count">{atRisk.length}</span>
          </h2>
          {atRisk.length ? (
            <ul className="handoff-list" data-testid="at-risk">
              {atRisk.map((h) => (
                <li key={h.id} className={`handoff-row prio-edge-${h.priority}`}>
                  <div className="row-main">
                    <div className="row-top">
                      <PriorityBadge priority={h.priority} />
                      <Link href={`/handoffs/${h.id}`} className="row-link">
                        <span className="row-name">{h.brief.headline?.customerName ?? 'Customer'}</span>
                        <span className="row-issue">{h.brief.headline?.issue}</span>
                      </Link>
                    </div>
                    <div className="row-meta">
                      <span className="chip chip-team">{h.team ?? 'Unrouted'}</span>
                      <span className="chip">{h.status === 'waiting' ? 'waiting' : `with ${agentName(h.agentId)}, no reply yet`}</span>
                    </div>
                  </div>
                  <Countdown dueAt={h.slaDueAt} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="empty">Nothing is due within 5 minutes.</p>
          )}
        </section>
      </div>
    </div>
  );
}

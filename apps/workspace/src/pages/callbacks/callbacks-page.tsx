import { useCallback, useEffect, useState } from 'react';
import { errorText } from '@baton/client';
import type { TCallbacksResponse, THandoff as Handoff } from '@baton/contracts';
import { Panel } from '../../components/kit/panel';
import { Link } from '../../components/link';
import { PriorityBadge } from '../../components/priority-badge';
import { customerLabel } from '../../customer-label';
import { useNow } from '../../hooks';
import { navigate } from '../../router';
import { useWorkspace } from '../../workspace';
import { CallbackActions } from './callback-actions';
import { CallbackContact } from './callback-contact';

type Group = 'due' | 'today' | 'later' | 'missed';

const GROUPS: [Group, string, string][] = [
  ['due', 'Due now', 'Nothing is due. Callbacks appear here at their booked time.'],
  ['missed', 'Missed', 'No missed callbacks.'],
  ['today', 'Later today', 'Nothing else booked for today.'],
  ['later', 'Upcoming', 'Nothing booked after today.'],
];

/** Which list a callback belongs in, at `now` (the agent's own day). */
export function groupOf(h: Handoff, now: number): Group {
  const cb = h.callback!;
  if (cb.status === 'missed') return 'missed';
  const at = cb.at ? Date.parse(cb.at) : now;
  if (cb.status !== 'scheduled' || at <= now) return 'due';
  const endOfDay = new Date(now);
  endOfDay.setHours(23, 59, 59, 999);
  return at <= endOfDay.getTime() ? 'today' : 'later';
}

/** Booked callbacks and email replies as work: due now, missed, later today and upcoming, each with how to reach the customer and the brief's headline. */
export function CallbacksPage() {
  const { api, subscribe } = useWorkspace();
  const [data, setData] = useState<TCallbacksResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const now = useNow(30_000);

  const load = useCallback(async () => {
    try {
      setData(await api.get<TCallbacksResponse>('/callbacks'));
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, [api]);

  useEffect(() => {
    void load();
    return subscribe((e) => {
      if (e.type.startsWith('callback.') || e.type.startsWith('handoff.')) void load();
    });
  }, [load, subscribe]);

  const groups = new Map<Group, Handoff[]>(GROUPS.map(([g]) => [g, []]));
  for (const h of data?.handoffs ?? []) groups.get(groupOf(h, now))!.push(h);

  return (
    <div className="page callbacks">
      <div className="page-head">
        <h1>Callbacks</h1>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {!data && !error ? (
        <p className="muted" role="status">
          Loading callbacks…
        </p>
      ) : null}
      {data ? (
        <div className="callback-groups">
          {GROUPS.map(([g, title, empty]) => {
            const list = groups.get(g)!;
            return (
              <Panel key={g} headingId={`cb-${g}-h`} title={<>{title} <span className="count">{list.length}</span></>} testId={`callbacks-${g}`}>
                {list.length ? (
                  <ul className="handoff-list">
                    {list.map((h) => (
                      <CallbackRow key={h.id} h={h} maxAttempts={data.maxAttempts} onWorked={(next, outcome) => (outcome === 'no_answer' ? void load() : navigate(`/handoffs/${next.id}`))} />
                    ))}
                  </ul>
                ) : (
                  <p className="empty">{empty}</p>
                )}
              </Panel>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}

function CallbackRow({ h, maxAttempts, onWorked }: { h: Handoff; maxAttempts: number; onWorked(h: Handoff, outcome: string): void }) {
  const cb = h.callback!;
  return (
    <li className={`handoff-row prio-edge-${h.priority}`} data-testid="callback-row" data-handoff-id={h.id}>
      <div className="row-main">
        <div className="row-top">
          <PriorityBadge priority={h.priority} />
          <Link href={`/handoffs/${h.id}`} className="row-link">
            <span className="row-name">{customerLabel(h)}</span>
            <span className="row-issue">{h.brief.headline?.issue ?? h.brief.intent?.summary ?? ''}</span>
          </Link>
        </div>
        <div className="row-meta">
          <CallbackContact callback={cb} maxAttempts={maxAttempts} />
          {h.team ? <span className="chip chip-team">{h.team}</span> : null}
          {h.brief.caseNumber ? <span className="row-case">{h.brief.caseNumber}</span> : null}
          {cb.status === 'calling' ? <span className="chip">Being worked</span> : null}
        </div>
      </div>
      <CallbackActions handoff={h} onDone={onWorked} />
    </li>
  );
}

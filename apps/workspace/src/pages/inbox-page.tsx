import { useState } from 'react';
import { Countdown } from '../components/countdown';
import { Link } from '../components/link';
import { PriorityBadge } from '../components/priority-badge';
import { humanize } from '../hooks';
import type { THandoff as Handoff } from '@baton/contracts';
import { useWorkspace } from '../workspace';

export function InboxPage() {
  const { waiting, mine, me } = useWorkspace();
  const [scope, setScope] = useState<'all' | 'teams'>('all');
  const shown = scope === 'teams' && me.teamIds.length ? waiting.filter((h) => h.teamId !== null && me.teamIds.includes(h.teamId)) : waiting;
  return (
    <div className="page inbox">
      <div className="page-head">
        <h1>Inbox</h1>
        {me.teamIds.length ? (
          <div className="segmented" role="group" aria-label="Which queues">
            <button type="button" aria-pressed={scope === 'all'} onClick={() => setScope('all')}>
              All teams
            </button>
            <button type="button" aria-pressed={scope === 'teams'} onClick={() => setScope('teams')}>
              My teams
            </button>
          </div>
        ) : null}
      </div>
      <div className="inbox-grid">
        <section className="panel" aria-labelledby="waiting-h">
          <h2 id="waiting-h" className="panel-title">
            Waiting <span className="count">{shown.length}</span>
          </h2>
          {shown.length ? (
            <ul className="handoff-list" data-testid="waiting-list">
              {shown.map((h) => (
                <HandoffRow key={h.id} h={h} />
              ))}
            </ul>
          ) : (
            <p className="empty">No one is waiting. New handoffs appear here as they arrive.</p>
          )}
        </section>
        <section className="panel" aria-labelledby="mine-h">
          <h2 id="mine-h" className="panel-title">
            Mine <span className="count">{mine.length}</span>
          </h2>
          {mine.length ? (
            <ul className="handoff-list" data-testid="mine-list">
              {mine.map((h) => (
                <HandoffRow key={h.id} h={h} />
              ))}
            </ul>
          ) : (
            <p className="empty">You have no open conversations.</p>
          )}
        </section>
      </div>
    </div>
  );
}

export function HandoffRow({ h }: { h: Handoff }) {
  const headline = h.brief.headline;
  const name = headline?.customerName ?? 'Customer';
  const issue = headline?.issue ?? h.brief.intent?.summary ?? '';
  return (
    <li className={`handoff-row prio-edge-${h.priority}`} data-testid="handoff-row" data-handoff-id={h.id}>
      <div className="row-main">
        <div className="row-top">
          <PriorityBadge priority={h.priority} />
          <Link href={`/handoffs/${h.id}`} className="row-link">
            <span className="row-name">{name}</span>
            {headline?.tier ? <span className="row-tier">{headline.tier}</span> : null}
            <span className="row-issue">{issue}</span>
          </Link>
        </div>
        <div className="row-meta">
          <span className="chip chip-team">{h.team ?? 'Unrouted'}</span>
          {h.reasons.map((r) => (
            <span key={r.code} className="chip" title={r.detail}>
              {humanize(r.code)}
            </span>
          ))}
          {h.brief.caseNumber ? <span className="row-case">{h.brief.caseNumber}</span> : null}
        </div>
      </div>
      <Countdown dueAt={h.slaDueAt} />
    </li>
  );
}

import { useState } from 'react';
import { Countdown } from '../components/countdown';
import { Panel } from '../components/kit/panel';
import { Segmented } from '../components/kit/segmented';
import { Link } from '../components/link';
import { PriorityBadge } from '../components/priority-badge';
import { customerLabel } from '../customer-label';
import { humanize } from '../hooks';
import type { THandoff as Handoff } from '@baton/contracts';
import { useWorkspace } from '../workspace';

const SCOPES = [
  ['all', 'All teams'],
  ['teams', 'My teams'],
] as const;

/** Handoffs waiting for a person (all, or those of my teams) and the conversations I hold. */
export function InboxPage() {
  const { waiting, mine, me } = useWorkspace();
  const [scope, setScope] = useState<'all' | 'teams'>('all');
  const shown = scope === 'teams' && me.teamIds.length ? waiting.filter((h) => h.teamId !== null && me.teamIds.includes(h.teamId)) : waiting;
  return (
    <div className="page inbox">
      <div className="page-head">
        <h1>Inbox</h1>
        {me.teamIds.length ? <Segmented<'all' | 'teams'> label="Which queues" options={SCOPES} value={scope} onChange={setScope} /> : null}
      </div>
      <div className="inbox-grid">
        <HandoffList id="waiting" title="Waiting" handoffs={shown} empty="No one is waiting. New handoffs appear here as they arrive." />
        <HandoffList id="mine" title="Mine" handoffs={mine} empty="You have no open conversations." />
      </div>
    </div>
  );
}

function HandoffList({ id, title, handoffs, empty }: { id: string; title: string; handoffs: Handoff[]; empty: string }) {
  return (
    <Panel headingId={`${id}-h`} title={<>{title} <span className="count">{handoffs.length}</span></>}>
      {handoffs.length ? (
        <ul className="handoff-list" data-testid={`${id}-list`}>
          {handoffs.map((h) => (
            <HandoffRow key={h.id} h={h} />
          ))}
        </ul>
      ) : (
        <p className="empty">{empty}</p>
      )}
    </Panel>
  );
}

export function HandoffRow({ h }: { h: Handoff }) {
  const headline = h.brief.headline;
  const name = customerLabel(h);
  const issue = headline?.issue ?? h.brief.intent?.summary ?? '';
  const team = h.team ?? 'Unrouted';
  // A reason named like the team ("Billing" in the Billing queue) says nothing the team chip does not.
  const reasons = [...new Map(h.reasons.map((r) => [humanize(r.code), r])).entries()].filter(([label]) => label.toLowerCase() !== team.toLowerCase());
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
          <span className="chip chip-team">{team}</span>
          {reasons.map(([label, r]) => (
            <span key={r.code} className="chip" title={r.detail}>
              {label}
            </span>
          ))}
          {h.callback ? <span className="chip chip-kind">{h.callback.kind === 'callback' ? 'Callback' : 'Email reply'}</span> : null}
          {h.brief.caseNumber ? <span className="row-case">{h.brief.caseNumber}</span> : null}
        </div>
      </div>
      <Countdown dueAt={h.slaDueAt} />
    </li>
  );
}

import { customerLabel } from '../../customer-label';
import { Countdown } from '../../components/countdown';
import { Link } from '../../components/link';
import { PriorityBadge } from '../../components/priority-badge';
import type { THandoff as Handoff } from '@baton/contracts';
import { useWorkspace } from '../../workspace';

/** Handoffs about to miss (or past) their SLA: waiting, or accepted with no reply yet. */
export function AtRiskList({ handoffs }: { handoffs: Handoff[] }) {
  const { agents } = useWorkspace();
  const agentName = (id: string | null) => agents.find((a) => a.id === id)?.name ?? '—';
  if (!handoffs.length) return <p className="empty">Nothing is due within 5 minutes.</p>;
  return (
    <ul className="handoff-list" data-testid="at-risk">
      {handoffs.map((h) => (
        <li key={h.id} className={`handoff-row prio-edge-${h.priority}`}>
          <div className="row-main">
            <div className="row-top">
              <PriorityBadge priority={h.priority} />
              <Link href={`/handoffs/${h.id}`} className="row-link">
                <span className="row-name">{customerLabel(h)}</span>
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
  );
}

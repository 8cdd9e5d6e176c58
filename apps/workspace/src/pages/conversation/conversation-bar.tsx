import { Link } from '../../components/link';
import { humanize } from '../../hooks';
import type { THandoff as Handoff } from '@baton/contracts';

export type ActionDialog = 'transfer' | 'resolve' | 'handback';

/** Back to the inbox, the handoff's status, and the actions on it. */
export function ConversationBar({ handoff, canAct, accepting, onAccept, onOpen }: { handoff: Handoff; canAct: boolean; accepting: boolean; onAccept(): void; onOpen(d: ActionDialog): void }) {
  return (
    <div className="conv-bar">
      <Link href="/" className="back-link">
        <span aria-hidden="true">←</span> Inbox
      </Link>
      <span className={`status status-${handoff.status}`} data-testid="handoff-status">
        {humanize(handoff.status)}
        {handoff.team ? ` · ${handoff.team}` : ''}
      </span>
      <div className="conv-actions" role="toolbar" aria-label="Conversation actions">
        {handoff.status === 'waiting' ? (
          <button type="button" className="btn btn-primary" disabled={accepting} onClick={onAccept}>
            Accept
          </button>
        ) : null}
        <button type="button" className="btn" disabled={!canAct} onClick={() => onOpen('transfer')}>
          Transfer
        </button>
        <button type="button" className="btn" disabled={!canAct} onClick={() => onOpen('handback')}>
          Hand back to AI
        </button>
        <button type="button" className="btn btn-success" disabled={!canAct} onClick={() => onOpen('resolve')}>
          Resolve
        </button>
      </div>
    </div>
  );
}

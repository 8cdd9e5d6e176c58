import type { THandoff as Handoff } from '@baton/contracts';
import { CallbackActions } from '../callbacks/callback-actions';
import { CallbackContact } from '../callbacks/callback-contact';

const OPEN = new Set(['scheduled', 'queued', 'calling', 'missed']);

/** A booked callback or email reply on its conversation page: how to reach the customer, and its outcomes. */
export function CallbackCard({ handoff, onWorked }: { handoff: Handoff; onWorked(h: Handoff, outcome: string): void }) {
  const cb = handoff.callback;
  if (!cb) return null;
  const open = OPEN.has(cb.status);
  return (
    <section className="panel callback-card" aria-labelledby="callback-h" data-testid="callback-card">
      <div className="panel-head">
        <h2 id="callback-h" className="panel-title">
          {cb.kind === 'callback' ? 'Booked callback' : 'Email reply promised'}
        </h2>
        <span className="chip">{STATUS[cb.status]}</span>
      </div>
      <p>
        <CallbackContact callback={cb} />
      </p>
      {open ? <CallbackActions handoff={handoff} onDone={onWorked} /> : null}
    </section>
  );
}

const STATUS: Record<NonNullable<Handoff['callback']>['status'], string> = {
  scheduled: 'Booked',
  queued: 'Due now',
  calling: 'Being worked',
  done: 'Done',
  missed: 'Missed',
  cancelled: 'Cancelled',
  unreachable: 'Closed: no answer',
};

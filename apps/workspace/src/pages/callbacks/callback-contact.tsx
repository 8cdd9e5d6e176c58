import type { THandoff as Handoff } from '@baton/contracts';
import { formatTime } from '../../hooks';

/** How to reach the customer for a booked callback (a phone link) or an email reply (a mail link), and when. */
export function CallbackContact({ callback, maxAttempts }: { callback: NonNullable<Handoff['callback']>; maxAttempts?: number }) {
  const when = callback.at ? formatTime(callback.at) : '';
  return (
    <span className="callback-contact">
      {callback.kind === 'callback' ? (
        <>
          <span className="chip chip-kind">Phone</span>{' '}
          {callback.phone ? (
            <a href={`tel:${callback.phone.replace(/[^+\d]/g, '')}`} data-testid="callback-phone">
              {callback.phone}
            </a>
          ) : (
            'no number given'
          )}
        </>
      ) : (
        <>
          <span className="chip chip-kind">Email reply</span>{' '}
          {callback.email ? (
            <a href={`mailto:${callback.email}`} data-testid="callback-email">
              {callback.email}
            </a>
          ) : null}
        </>
      )}
      {when ? <span className="muted small"> · {callback.kind === 'callback' ? 'booked for' : 'due by'} {when}{callback.timeZone ? ` (${callback.timeZone})` : ''}</span> : null}
      {callback.attempts > 0 ? <span className="muted small"> · {callback.attempts} unanswered{maxAttempts ? ` of ${maxAttempts} tries` : ''}</span> : null}
    </span>
  );
}

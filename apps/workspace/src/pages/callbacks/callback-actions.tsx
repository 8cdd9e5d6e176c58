import { useState } from 'react';
import { errorText } from '@baton/client';
import type { THandoff as Handoff, TCallbackOutcome } from '@baton/contracts';
import { useWorkspace } from '../../workspace';

type Outcome = TCallbackOutcome['outcome'];

/**
 * The outcomes of a booked callback or email reply: take it now, done, or (a call) no answer.
 * Each button sends once: the server's outcome is idempotent for the same agent.
 */
export function CallbackActions({ handoff, onDone, take = true }: { handoff: Handoff; onDone(h: Handoff, outcome: Outcome): void; take?: boolean }) {
  const { api, me, refresh } = useWorkspace();
  const [busy, setBusy] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cb = handoff.callback;
  if (!cb) return null;
  const mine = handoff.status === 'assigned' && handoff.agentId === me.id;
  const send = async (outcome: Outcome) => {
    setBusy(outcome);
    setError(null);
    try {
      const r = await api.post<{ handoff: Handoff }>(`/handoffs/${handoff.id}/callback-outcome`, { outcome });
      refresh();
      onDone(r.handoff, outcome);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  };
  const label = cb.kind === 'callback' ? 'Call now' : 'Reply now';
  return (
    <div className="callback-actions" role="group" aria-label={`Callback for ${handoff.brief.caseNumber ?? 'this case'}`}>
      {take && !mine ? (
        <button type="button" className="btn btn-primary btn-small" disabled={busy !== null} onClick={() => void send('call_now')}>
          {busy === 'call_now' ? 'Taking…' : label}
        </button>
      ) : null}
      <button type="button" className="btn btn-success btn-small" disabled={busy !== null} onClick={() => void send('done')}>
        {busy === 'done' ? 'Saving…' : 'Done'}
      </button>
      {cb.kind === 'callback' ? (
        <button type="button" className="btn btn-small" disabled={busy !== null} onClick={() => void send('no_answer')}>
          {busy === 'no_answer' ? 'Saving…' : 'No answer'}
        </button>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

import { useCallback, useEffect, useState } from 'react';
import type { TDeadLetter } from '@baton/contracts';
import { errorText } from '@baton/client';
import { formatTime } from '../../hooks';
import { useWorkspace } from '../../workspace';

const LISTENER_LABEL: Record<string, string> = { notifications: 'Notifications', 'email-outbound': 'Outbound email', quality: 'Quality flags' };

/**
 * Events a listener could not handle after its retries (admin): what failed and why, with a
 * replay for one or all once the cause is fixed. The server replays each once, however often
 * the button is pressed.
 */
export function DeadLettersPanel() {
  const { api } = useWorkspace();
  const [letters, setLetters] = useState<TDeadLetter[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setLetters((await api.get<{ deadLetters: TDeadLetter[] }>('/admin/dead-letters')).deadLetters);
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  const replay = async (path: string) => {
    setBusy(true);
    setNotice(null);
    try {
      const r = await api.post<{ replayed?: number | boolean; failed?: number }>(path);
      if (typeof r.replayed === 'number') setNotice(`${r.replayed} replayed${r.failed ? `, ${r.failed} failed again` : ''}.`);
      else setNotice(r.replayed ? 'Replayed.' : 'It failed again; the error below is the new one.');
      await load();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" id="dead-letters" aria-labelledby="dead-letters-h">
      <div className="panel-head">
        <h2 id="dead-letters-h" className="panel-title">
          Failed events
        </h2>
        {letters?.length ? (
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => void replay('/admin/dead-letters/replay')}>
            Replay all
          </button>
        ) : null}
      </div>
      <p className="hint section-note">Events a notification or mail listener could not handle after its retries. Fix the cause, then replay them.</p>
      {notice ? (
        <p className="notice notice-ok" role="status">
          {notice}
        </p>
      ) : null}
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      {letters === null ? (
        <p className="muted">Loading…</p>
      ) : letters.length === 0 ? (
        <p className="empty">None: every event was handled.</p>
      ) : (
        <table className="table" data-testid="dead-letters">
          <thead>
            <tr>
              <th scope="col">Listener</th>
              <th scope="col">Event</th>
              <th scope="col">Tries</th>
              <th scope="col">Last error</th>
              <th scope="col">Set aside</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {letters.map((d) => (
              <tr key={d.id}>
                <td>{LISTENER_LABEL[d.listener] ?? d.listener}</td>
                <td>
                  {d.eventType} <span className="muted">#{d.eventSeq}</span>
                </td>
                <td>{d.attempts}</td>
                <td className="delivery-error">{d.lastError}</td>
                <td>{d.deadAt ? formatTime(d.deadAt) : ''}</td>
                <td>
                  <button type="button" className="btn btn-small" disabled={busy} onClick={() => void replay(`/admin/dead-letters/${d.id}/replay`)} aria-label={`Replay event ${d.eventSeq}`}>
                    Replay
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

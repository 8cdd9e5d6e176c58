import type { FormEvent, KeyboardEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import type { HttpClient } from '@baton/client';
import { errorText } from '@baton/client';
import type { TMessage as Message, TRedundancyCheck } from '@baton/contracts';
import { uid } from '../uid';
import { useWorkspace } from '../workspace';

/** What `POST /conversations/:id/redundancy-check` found: the draft asks for something the brief holds. */
type RedundantAsk = NonNullable<TRedundancyCheck['match']>;

const CHECK_DEBOUNCE_MS = 400;

const FIELD_NAMES: Record<string, string> = {
  order_number: 'order number',
  invoice_number: 'invoice number',
  tracking_number: 'tracking number',
  email: 'email address',
  phone: 'phone number',
  account_id: 'account ID',
  error_code: 'error code',
  version: 'version',
  browser: 'browser',
  device: 'device',
  name: 'name',
};

/** "The brief already has the order number: #4821." */
export function redundancyText(m: RedundantAsk): string {
  const numbered = (m.field === 'order_number' || m.field === 'invoice_number') && /^\d+$/.test(m.value);
  return `The brief already has the ${FIELD_NAMES[m.field] ?? m.field.replace(/_/g, ' ')}: ${numbered ? `#${m.value}` : m.value}.`;
}

async function checkRedundancy(api: HttpClient, conversationId: string, text: string): Promise<RedundantAsk | null> {
  const r = await api.post<TRedundancyCheck>(`/conversations/${conversationId}/redundancy-check`, { text });
  return r.redundant && r.match ? r.match : null;
}

/**
 * Replies and private notes. The reply starts as the brief's suggested reply; each send carries
 * a client message id that is kept until it succeeds, so a retried send is never posted twice.
 * A reply that asks the customer for something the brief already holds is flagged as the agent
 * types and again before it is sent; the agent can edit it or send it anyway (never blocked).
 */
export function Composer({ conversationId, suggestedReply, canReply, replyBlockedReason, onSent }: { conversationId: string; suggestedReply: string; canReply: boolean; replyBlockedReason: string; onSent(m: Message): void }) {
  const { api } = useWorkspace();
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const [reply, setReply] = useState(suggestedReply);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'checking' | 'sending' | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The redundant ask found in `warning.text`, the reply it was found in. */
  const [warning, setWarning] = useState<{ text: string; match: RedundantAsk } | null>(null);
  const pending = useRef<{ text: string; id: string } | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const checkSeq = useRef(0);
  const text = mode === 'reply' ? reply : note;
  const setText = mode === 'reply' ? setReply : setNote;
  const blocked = mode === 'reply' && !canReply;
  const shownWarning = mode === 'reply' && warning && warning.text === reply ? warning : null;

  // Live check while typing, debounced; a stale answer (the draft changed since) is dropped.
  useEffect(() => {
    if (mode !== 'reply' || !reply.trim()) return;
    const seq = ++checkSeq.current;
    const t = setTimeout(() => {
      checkRedundancy(api, conversationId, reply).then(
        (match) => {
          if (seq !== checkSeq.current) return;
          setWarning(match ? { text: reply, match } : null);
        },
        () => {
          /* the check is advice: without it the agent can still send */
        },
      );
    }, CHECK_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [api, conversationId, mode, reply]);

  const post = async (sendText: string, sendMode: 'reply' | 'note') => {
    const key = `${sendMode}:${sendText}`;
    if (pending.current?.text !== key) pending.current = { text: key, id: uid() };
    setBusy('sending');
    setError(null);
    try {
      const r = await api.post<{ message: Message }>(`/conversations/${conversationId}/messages`, { text: sendText, clientMessageId: pending.current.id, ...(sendMode === 'note' ? { private: true } : {}) });
      pending.current = null;
      (sendMode === 'reply' ? setReply : setNote)('');
      setWarning(null);
      onSent(r.message);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  const send = async (e: FormEvent | KeyboardEvent) => {
    e.preventDefault();
    if (!text.trim() || blocked || busy) return;
    if (mode === 'reply') {
      const sendText = reply;
      let match: RedundantAsk | null = null;
      setBusy('checking');
      setError(null);
      try {
        match = await checkRedundancy(api, conversationId, sendText);
      } catch {
        match = null; // advice only: a failed check never stops a reply
      } finally {
        setBusy(null);
      }
      if (match) {
        checkSeq.current++;
        setWarning({ text: sendText, match });
        return;
      }
      await post(sendText, 'reply');
    } else await post(note, 'note');
  };

  return (
    <form className={`composer composer-${mode}`} onSubmit={(e) => void send(e)} aria-label="Composer">
      <div className="tabs" role="group" aria-label="Message type">
        <button type="button" className="tab" aria-pressed={mode === 'reply'} onClick={() => setMode('reply')}>
          Reply to customer
        </button>
        <button type="button" className="tab" aria-pressed={mode === 'note'} onClick={() => setMode('note')}>
          Private note
        </button>
      </div>
      <label htmlFor="composer-text" className="visually-hidden">
        {mode === 'reply' ? 'Reply to the customer' : 'Private note for agents'}
      </label>
      <textarea
        id="composer-text"
        ref={textarea}
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={mode === 'reply' ? 'Write a reply the customer will see…' : 'Write a note only agents will see…'}
        aria-describedby={shownWarning ? 'composer-hint composer-warning' : 'composer-hint'}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void send(e);
        }}
      />
      <div aria-live="polite" className="composer-live">
        {shownWarning ? (
          <div id="composer-warning" className="redundancy-warning" data-testid="redundancy-warning" data-field={shownWarning.match.field}>
            <span className="redundancy-icon" aria-hidden="true">
              !
            </span>
            <p className="redundancy-text">
              <strong>{redundancyText(shownWarning.match)}</strong> Send anyway?
              <span className="muted small block">You asked: “{shownWarning.match.phrase.trim()}”</span>
            </p>
            <div className="redundancy-actions">
              <button
                type="button"
                className="btn btn-small"
                onClick={() => {
                  const el = textarea.current;
                  if (!el) return;
                  el.focus();
                  const at = reply.indexOf(shownWarning.match.phrase);
                  if (at >= 0) el.setSelectionRange(at, at + shownWarning.match.phrase.length);
                }}
              >
                Edit
              </button>
              <button type="button" className="btn btn-small btn-warn" disabled={busy !== null || blocked} onClick={() => void post(reply, 'reply')}>
                Send anyway
              </button>
            </div>
          </div>
        ) : null}
      </div>
      <div className="composer-foot">
        <p id="composer-hint" className="muted small">
          {blocked ? replyBlockedReason : mode === 'note' ? 'Only agents see notes.' : 'Ctrl+Enter to send.'}
        </p>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className={mode === 'note' ? 'btn btn-note' : 'btn btn-primary'} disabled={busy !== null || blocked || !text.trim()}>
          {busy === 'checking' ? 'Checking…' : busy === 'sending' ? 'Sending…' : mode === 'reply' ? 'Send reply' : 'Add note'}
        </button>
      </div>
    </form>
  );
}

import type { FormEvent, KeyboardEvent } from 'react';
import { useRef, useState } from 'react';
import { errorText } from '@baton/client';
import type { TMessage as Message } from '@baton/contracts';
import { uid } from '../../uid';
import { useWorkspace } from '../../workspace';
import { checkRedundancy, useRedundancyWarning } from './redundancy';
import type { RedundantAsk } from './redundancy';
import { RedundancyWarning } from './redundancy-warning';

type Mode = 'reply' | 'note';

/**
 * Replies and private notes. The reply starts as the brief's suggested reply; each send carries
 * a client message id that is kept until it succeeds, so a retried send is never posted twice.
 * A reply that asks the customer for something the brief already holds is flagged as the agent
 * types and again before it is sent; the agent can edit it or send it anyway (never blocked).
 */
export function Composer({ conversationId, suggestedReply, canReply, replyBlockedReason, onSent, onTyping }: { conversationId: string; suggestedReply: string; canReply: boolean; replyBlockedReason: string; onSent(m: Message): void; /** A keystroke in a reply (not a private note): the customer may be shown "typing". */ onTyping?(): void }) {
  const { api } = useWorkspace();
  const [mode, setMode] = useState<Mode>('reply');
  const [reply, setReply] = useState(suggestedReply);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'checking' | 'sending' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const warning = useRedundancyWarning(api, conversationId, reply, mode === 'reply');
  const pending = useRef<{ text: string; id: string } | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const text = mode === 'reply' ? reply : note;
  const blocked = mode === 'reply' && !canReply;

  const post = async (sendText: string, sendMode: Mode) => {
    const key = `${sendMode}:${sendText}`;
    if (pending.current?.text !== key) pending.current = { text: key, id: uid() };
    setBusy('sending');
    setError(null);
    try {
      const r = await api.post<{ message: Message }>(`/conversations/${conversationId}/messages`, { text: sendText, clientMessageId: pending.current.id, ...(sendMode === 'note' ? { private: true } : {}) });
      pending.current = null;
      (sendMode === 'reply' ? setReply : setNote)('');
      warning.clear();
      onSent(r.message);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  /** A reply is checked once more before it goes; a found ask stops it until the agent decides. */
  const send = async (e: FormEvent | KeyboardEvent) => {
    e.preventDefault();
    if (!text.trim() || blocked || busy) return;
    if (mode === 'note') return post(note, 'note');
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
    if (match) warning.flag(sendText, match);
    else await post(sendText, 'reply');
  };

  const selectAsk = (phrase: string) => {
    const el = textarea.current;
    if (!el) return;
    el.focus();
    const at = reply.indexOf(phrase);
    if (at >= 0) el.setSelectionRange(at, at + phrase.length);
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
        onChange={(e) => {
          (mode === 'reply' ? setReply : setNote)(e.target.value);
          if (mode === 'reply') onTyping?.();
        }}
        placeholder={mode === 'reply' ? 'Write a reply the customer will see…' : 'Write a note only agents will see…'}
        aria-describedby={warning.shown ? 'composer-hint composer-warning' : 'composer-hint'}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void send(e);
        }}
      />
      <div aria-live="polite" className="composer-live">
        {warning.shown ? <RedundancyWarning match={warning.shown} onEdit={() => selectAsk(warning.shown!.phrase)} onSendAnyway={() => void post(reply, 'reply')} disabled={busy !== null || blocked} /> : null}
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

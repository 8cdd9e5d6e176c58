import type { FormEvent } from 'react';
import { useRef, useState } from 'react';
import { errorText } from '../api';
import type { Message } from '../types';
import { uid } from '../uid';
import { useWorkspace } from '../workspace';

/**
 * Replies and private notes. The reply starts as the brief's suggested reply; each send carries
 * a client message id that is kept until it succeeds, so a retried send is never posted twice.
 */
export function Composer({ conversationId, suggestedReply, canReply, replyBlockedReason, onSent }: { conversationId: string; suggestedReply: string; canReply: boolean; replyBlockedReason: string; onSent(m: Message): void }) {
  const { api } = useWorkspace();
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const [reply, setReply] = useState(suggestedReply);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<{ text: string; id: string } | null>(null);
  const text = mode === 'reply' ? reply : note;
  const setText = mode === 'reply' ? setReply : setNote;
  const blocked = mode === 'reply' && !canReply;

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || blocked) return;
    const key = `${mode}:${text}`;
    if (pending.current?.text !== key) pending.current = { text: key, id: uid() };
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ message: Message }>(`/conversations/${conversationId}/messages`, { text, clientMessageId: pending.current.id, ...(mode === 'note' ? { private: true } : {}) });
      pending.current = null;
      setText('');
      onSent(r.message);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
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
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={mode === 'reply' ? 'Write a reply the customer will see…' : 'Write a note only agents will see…'}
        aria-describedby="composer-hint"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void send(e);
        }}
      />
      <div className="composer-foot">
        <p id="composer-hint" className="muted small">
          {blocked ? replyBlockedReason : mode === 'note' ? 'Only agents see notes.' : 'Ctrl+Enter to send.'}
        </p>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className={mode === 'note' ? 'btn btn-note' : 'btn btn-primary'} disabled={busy || blocked || !text.trim()}>
          {busy ? 'Sending…' : mode === 'reply' ? 'Send reply' : 'Add note'}
        </button>
      </div>
    </form>
  );
}

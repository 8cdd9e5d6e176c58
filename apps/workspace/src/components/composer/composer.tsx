import type { FormEvent, KeyboardEvent } from 'react';
import { useRef, useState } from 'react';
import { errorText } from '@baton/client';
import type { TMessage as Message } from '@baton/contracts';
import { uid } from '../../uid';
import { useWorkspace } from '../../workspace';
import { checkRedundancy, useRedundancyWarning } from './redundancy';
import type { RedundantAsk } from './redundancy';
import { RedundancyWarning } from './redundancy-warning';
import { AttachFiles, useAttachFiles } from './attach-files';
import type { CannedVars } from './canned-picker';
import { CANNED_LIST_ID, CannedPicker, cannedOptionId, fillCanned, shortcutAt, useCannedMatches, useCannedReplies } from './canned-picker';
import type { TCannedReply } from '@baton/contracts';

type Mode = 'reply' | 'note';

/**
 * Replies and private notes. The reply starts as the brief's suggested reply; each send carries
 * a client message id that is kept until it succeeds, so a retried send is never posted twice.
 * A reply that asks the customer for something the brief already holds is flagged as the agent
 * types and again before it is sent; the agent can edit it or send it anyway (never blocked).
 */
export function Composer({ conversationId, suggestedReply, canReply, replyBlockedReason, vars, onSent, onTyping }: { conversationId: string; suggestedReply: string; canReply: boolean; replyBlockedReason: string; vars: CannedVars; onSent(m: Message): void; /** A keystroke in a reply (the workspace rate-limits what it sends on). */ onTyping?(): void }) {
  const { api } = useWorkspace();
  const [mode, setMode] = useState<Mode>('reply');
  const [reply, setReply] = useState(suggestedReply);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'checking' | 'sending' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const warning = useRedundancyWarning(api, conversationId, reply, mode === 'reply');
  const pending = useRef<{ text: string; id: string } | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const attach = useAttachFiles(conversationId);
  const text = mode === 'reply' ? reply : note;
  // The brief's suggested reply, untouched: labelled as a suggestion, so nobody sends it unread.
  const suggesting = mode === 'reply' && Boolean(suggestedReply) && reply === suggestedReply;
  const blocked = mode === 'reply' && !canReply;
  const empty = !text.trim() && !attach.files.length;
  const canned = useCannedReplies();
  const [slash, setSlash] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const matches = useCannedMatches(canned, slash?.query ?? null);
  const picking = slash !== null && matches.length > 0;

  const edit = (value: string, caret: number) => {
    (mode === 'reply' ? setReply : setNote)(value);
    const at = shortcutAt(value, caret);
    setSlash(at);
    if (at?.query !== slash?.query) setActive(0);
  };

  /** Replaces the typed "/shortcut" with the reply, its variables filled in, and puts the caret after it. */
  const pick = (r: TCannedReply) => {
    const el = textarea.current;
    if (!slash || !el) return;
    const caret = el.selectionStart;
    const filled = fillCanned(r.body, vars);
    const next = text.slice(0, slash.start) + filled + text.slice(caret);
    (mode === 'reply' ? setReply : setNote)(next);
    setSlash(null);
    const at = slash.start + filled.length;
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(at, at);
    });
  };

  const post = async (sendText: string, sendMode: Mode) => {
    const attachmentIds = attach.files.map((a) => a.id);
    const key = `${sendMode}:${sendText}:${attachmentIds.join(',')}`;
    if (pending.current?.text !== key) pending.current = { text: key, id: uid() };
    setBusy('sending');
    setError(null);
    try {
      const r = await api.post<{ message: Message }>(`/conversations/${conversationId}/messages`, { text: sendText, clientMessageId: pending.current.id, ...(sendMode === 'note' ? { private: true } : {}), ...(attachmentIds.length ? { attachmentIds } : {}) });
      pending.current = null;
      attach.clear();
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
    if (empty || blocked || busy) return;
    if (mode === 'note' || !reply.trim()) return post(text, mode);
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
      {suggesting ? (
        <p className="suggestion-label" id="composer-suggestion" data-testid="suggestion-label">
          Suggested reply, written from the brief: check it and edit before sending.
        </p>
      ) : null}
      <textarea
        id="composer-text"
        ref={textarea}
        rows={4}
        value={text}
        onChange={(e) => {
          edit(e.target.value, e.target.selectionStart);
          if (mode === 'reply') onTyping?.();
        }}
        onBlur={() => setSlash(null)}
        placeholder={mode === 'reply' ? 'Write a reply the customer will see… Type / for canned replies.' : 'Write a note only agents will see…'}
        aria-describedby={[suggesting ? 'composer-suggestion' : '', 'composer-hint', warning.shown ? 'composer-warning' : ''].filter(Boolean).join(' ')}
        aria-controls={picking ? CANNED_LIST_ID : undefined}
        aria-activedescendant={picking ? cannedOptionId(matches[Math.min(active, matches.length - 1)]!.id) : undefined}
        onKeyDown={(e) => {
          if (picking) {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
              return;
            }
            if ((e.key === 'Enter' && !e.metaKey && !e.ctrlKey) || e.key === 'Tab') {
              e.preventDefault();
              pick(matches[Math.min(active, matches.length - 1)]!);
              return;
            }
            if (e.key === 'Escape') {
              e.preventDefault();
              setSlash(null);
              return;
            }
          }
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void send(e);
        }}
      />
      {picking ? <CannedPicker matches={matches} active={Math.min(active, matches.length - 1)} onPick={pick} /> : null}
      <p className="visually-hidden" aria-live="polite">
        {picking ? `${matches.length} canned repl${matches.length === 1 ? 'y' : 'ies'}: up and down arrows to choose, Enter to insert, Escape to close.` : ''}
      </p>
      <div aria-live="polite" className="composer-live">
        {warning.shown ? <RedundancyWarning match={warning.shown} onEdit={() => selectAsk(warning.shown!.phrase)} onSendAnyway={() => void post(reply, 'reply')} disabled={busy !== null || blocked} /> : null}
      </div>
      <AttachFiles state={attach} disabled={busy !== null || blocked} />
      <div className="composer-foot">
        <p id="composer-hint" className="muted small">
          {blocked ? replyBlockedReason : mode === 'note' ? 'Only agents see notes.' : 'Ctrl+Enter to send.'}
        </p>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className={mode === 'note' ? 'btn btn-note' : 'btn btn-primary'} disabled={busy !== null || blocked || empty || attach.uploading !== null}>
          {busy === 'checking' ? 'Checking…' : busy === 'sending' ? 'Sending…' : mode === 'reply' ? 'Send reply' : 'Add note'}
        </button>
      </div>
    </form>
  );
}

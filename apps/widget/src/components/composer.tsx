import { useEffect, useRef, useState } from 'preact/hooks';
import type { Strings } from '../i18n.js';
import type { AttachmentStrings } from './attachment-strings.js';

interface Props {
  t: Strings;
  /** A message is on its way: a second submit waits. */
  busy: boolean;
  cooldownUntil: number;
  /** False while a person is on the way or in the chat, or after resolution: the button is not shown. */
  mayAskForPerson: boolean;
  onSend(text: string): void;
  /** A keystroke in the box (the controller rate-limits what it sends on). */
  onTyping(): void;
  onAskForPerson(): void;
  files: AttachmentStrings;
  /** A file is uploading (its name), or the last one was refused (its error code). */
  upload: { sending: string | null; errorCode: string | null };
  onFile(file: File): void;
}

/** What the file picker offers; the server checks the content whatever is picked. */
const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,application/pdf,.png,.jpg,.jpeg,.gif,.webp,.pdf';

/** The message box (Enter sends, Shift+Enter is a new line) and, while the AI is answering, the way to a person. */
export function Composer({ t, busy, cooldownUntil, mayAskForPerson, onSend, onTyping, onAskForPerson, files, upload, onFile }: Props) {
  const [text, setText] = useState('');
  const picker = useRef<HTMLInputElement>(null);
  const now = useNow(cooldownUntil);
  const cooling = cooldownUntil > now;
  const submit = () => {
    if (busy || !text.trim()) return;
    onSend(text);
    setText('');
  };
  return (
    <div class="foot">
      {mayAskForPerson && (
        <div class="talk">
          <button type="button" class="talk-btn" disabled={cooling} aria-describedby={cooling ? 'baton-talk-note' : undefined} onClick={onAskForPerson}>
            <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
              <circle cx="12" cy="8" r="4" />
              <path d="M4 21v-1a6 6 0 0 1 6-6h4a6 6 0 0 1 6 6v1" />
            </svg>
            {t.talkToPerson}
          </button>
          {cooling && (
            <span id="baton-talk-note" class="talk-note">
              {t.talkCooldown(Math.ceil((cooldownUntil - now) / 1000))}
            </span>
          )}
        </div>
      )}
      {(upload.sending || upload.errorCode) && (
        <div class={`upload-note${upload.errorCode ? ' error' : ''}`} role={upload.errorCode ? 'alert' : 'status'}>
          {upload.sending ? files.sending(upload.sending) : (files.errors[upload.errorCode ?? ''] ?? files.errors.other)}
        </div>
      )}
      <form
        class="compose"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <input
          ref={picker}
          id="baton-file"
          type="file"
          class="sr-only"
          tabIndex={-1}
          aria-hidden="true"
          accept={ACCEPT}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) onFile(file);
          }}
        />
        <button type="button" class="attach" aria-label={files.attach} title={files.attach} disabled={Boolean(upload.sending)} onClick={() => picker.current?.click()}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
            <path d="M21.4 11.1l-9.2 9.2a6 6 0 0 1-8.5-8.5l9.2-9.2a4 4 0 0 1 5.7 5.7l-9.2 9.2a2 2 0 0 1-2.8-2.8l8.5-8.5" />
          </svg>
        </button>
        <label class="sr-only" for="baton-input">
          {t.messageLabel}
        </label>
        <textarea
          id="baton-input"
          rows={1}
          maxLength={20000}
          placeholder={t.placeholder}
          value={text}
          onInput={(e) => {
            setText(e.currentTarget.value);
            onTyping();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <button type="submit" class="send" aria-label={t.send} disabled={busy || !text.trim()}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="currentColor">
            <path d="M3.4 20.4l17.5-7.5a1 1 0 0 0 0-1.8L3.4 3.6a1 1 0 0 0-1.4 1.1L4 11l9 1-9 1-2 6.3a1 1 0 0 0 1.4 1.1z" />
          </svg>
        </button>
      </form>
    </div>
  );
}

/** The current time, ticking each second until `until` has passed (for the cooldown countdown). */
function useNow(until: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (until <= Date.now()) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= until) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  return now;
}

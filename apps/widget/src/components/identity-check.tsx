import { useState } from 'preact/hooks';
import type { ChatController } from '../chat-controller.js';
import type { Lang } from '../i18n.js';
import { identityStringsFor } from './identity-strings.js';

interface Props {
  controller: ChatController;
  lang: Lang;
  /** Whether the assistant asked for an address first (the conversation has none). */
  needsAddress: boolean;
}

/**
 * Shown under the assistant's request to confirm the customer's identity: the six-digit code
 * from their mailbox, a way to get a new one, and the address when none was given. The server's
 * confirmation arrives as a message, and this form goes.
 */
export function IdentityCheck({ controller, lang, needsAddress }: Props) {
  const t = identityStringsFor(lang);
  const [code, setCode] = useState('');
  const [email, setEmail] = useState('');
  const [askedFor, setAskedFor] = useState(!needsAddress);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');

  const run = async (fn: () => Promise<void>, done = '') => {
    setBusy(true);
    setError('');
    setNote('');
    try {
      await fn();
      setNote(done);
    } catch (err) {
      const c = (err as { code?: string }).code ?? '';
      setError(c in t.errors ? t.errors[c as keyof typeof t.errors] : t.errors.other);
    } finally {
      setBusy(false);
    }
  };

  if (!askedFor) {
    return (
      <form
        class="callback identity"
        aria-label={t.title}
        onSubmit={(e) => {
          e.preventDefault();
          if (email.trim()) void run(async () => {
            await controller.requestCode(email.trim());
            setAskedFor(true);
          });
        }}
      >
        <label class="field">
          <span>{t.email}</span>
          <input type="email" autoComplete="email" value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} disabled={busy} />
        </label>
        <button type="submit" class="primary" disabled={busy || !email.trim()}>
          {t.sendTo}
        </button>
        {error && <p class="error" role="alert">{error}</p>}
      </form>
    );
  }
  return (
    <form
      class="callback identity"
      aria-label={t.title}
      onSubmit={(e) => {
        e.preventDefault();
        const digits = code.replace(/\D/g, '');
        if (digits.length === 6) void run(() => controller.verifyCode(digits));
      }}
    >
      <label class="field">
        <span>{t.code}</span>
        <input
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          value={code}
          onInput={(e) => setCode((e.target as HTMLInputElement).value)}
          disabled={busy}
        />
      </label>
      <button type="submit" class="primary" disabled={busy || code.replace(/\D/g, '').length !== 6}>
        {t.verify}
      </button>
      <button type="button" class="link" disabled={busy} onClick={() => void run(() => controller.requestCode(), t.sent)}>
        {t.resend}
      </button>
      {note && <p class="sys" role="status">{note}</p>}
      {error && <p class="error" role="alert">{error}</p>}
    </form>
  );
}

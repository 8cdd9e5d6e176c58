import { useEffect, useState } from 'preact/hooks';
import type { TCallbackOptions as CallbackOptions } from '@baton/contracts';
import type { ChatController } from '../chat-controller.js';
import type { Strings } from '../i18n.js';

interface Props {
  t: Strings;
  controller: ChatController;
  /** False once the customer has booked, or the conversation has moved on. */
  active: boolean;
}

type Phase = { kind: 'loading' } | { kind: 'ready'; options: CallbackOptions } | { kind: 'unavailable' } | { kind: 'booking' } | { kind: 'booked' };

/**
 * After hours or on a long wait, the customer chooses a callback at a time within the team's
 * hours, or an email reply. The server confirms with the exact time in the customer's own zone.
 */
export function CallbackChoice({ t, controller, active }: Props) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [slot, setSlot] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    controller
      .callbackOptions()
      .then((options) => {
        if (cancelled) return;
        if (!options) return setPhase({ kind: 'unavailable' });
        setSlot(options.slots[0]?.at ?? '');
        setEmail(options.email ?? '');
        // A known customer's number is filled in; they can still change it.
        setPhone(options.phone ?? '');
        setPhase({ kind: 'ready', options });
      })
      .catch(() => !cancelled && setPhase({ kind: 'unavailable' }));
    return () => {
      cancelled = true;
    };
  }, [active]);

  if (!active || phase.kind === 'unavailable') return null;
  if (phase.kind === 'booked') return <p class="sys">{t.callbackBooked}</p>;
  if (phase.kind === 'loading') return <p class="sys">{t.checking}</p>;

  const book = async (choice: { kind: 'callback'; at: string; phone: string } | { kind: 'email'; email?: string }) => {
    setError('');
    const before = phase;
    setPhase({ kind: 'booking' });
    try {
      await controller.bookCallback(choice);
      setPhase({ kind: 'booked' });
    } catch (err) {
      setError((err as Error).message || t.failed);
      setPhase(before);
    }
  };
  const options = phase.kind === 'ready' ? phase.options : null;
  const busy = phase.kind === 'booking';
  return (
    <form
      class="callback"
      aria-label={t.callbackTitle}
      onSubmit={(e) => {
        e.preventDefault();
        if (!phone.trim()) return setError(t.callbackPhoneNeeded);
        void book({ kind: 'callback', at: slot, phone: phone.trim() });
      }}
    >
      <h3 class="callback-title">{t.callbackTitle}</h3>
      {options && options.slots.length > 0 && (
        <>
          <label class="field">
            <span>{t.callbackWhen}</span>
            <select value={slot} onChange={(e) => setSlot((e.target as HTMLSelectElement).value)} disabled={busy}>
              {options.slots.map((s) => (
                <option key={s.at} value={s.at}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span>{t.callbackPhone}</span>
            <input type="tel" autoComplete="tel" value={phone} onInput={(e) => setPhone((e.target as HTMLInputElement).value)} disabled={busy} />
          </label>
          <button type="submit" class="primary" disabled={busy}>
            {t.callbackBook}
          </button>
        </>
      )}
      <div class="callback-or">{t.callbackOr}</div>
      <label class="field">
        <span>{options ? t.callbackEmailBy(options.emailBy.label) : t.callbackEmail}</span>
        <input type="email" autoComplete="email" value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} disabled={busy} />
      </label>
      <button type="button" class="secondary" disabled={busy || !email.trim()} onClick={() => void book({ kind: 'email', email: email.trim() })}>
        {t.callbackEmailButton}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

import { useState } from 'react';
import { SmallButton } from '../../components/kit/buttons';

/** A webhook secret, shown once after creation or rotation, with a copy button. */
export function SecretOnce({ name, secret, onDone }: { name: string; secret: string; onDone(): void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('Copied to the clipboard.');
    } catch {
      const input = document.getElementById('secret-once-value') as HTMLInputElement | null;
      input?.select();
      setCopied('Selected: press Ctrl+C (⌘C) to copy.');
    }
  };
  return (
    <div className="notice notice-warn secret-once" role="alert" data-testid="secret-once">
      <p>
        <strong>Copy the signing secret of {name} now.</strong> It is shown only this once: Baton keeps it to sign requests but never displays it again. If you lose it, rotate it.
      </p>
      <div className="secret-row">
        <label htmlFor="secret-once-value" className="visually-hidden">
          Signing secret of {name}
        </label>
        <input id="secret-once-value" className="secret-value" readOnly value={secret} onFocus={(e) => e.target.select()} spellCheck={false} data-testid="secret-value" />
        <SmallButton onClick={() => void copy()}>Copy</SmallButton>
        <SmallButton onClick={onDone}>I have stored it</SmallButton>
      </div>
      <p className="small" aria-live="polite">
        {copied}
      </p>
    </div>
  );
}

import type { ReactNode } from 'react';

/** A message about the last action: `ok` is a polite status, `error` an alert. */
export function Notice({ kind, children, testId, className = 'notice' }: { kind: 'ok' | 'error'; children: ReactNode; testId?: string; className?: string }) {
  return (
    <p className={`${className} ${kind === 'ok' ? 'notice-ok' : 'notice-error'}`} role={kind === 'ok' ? 'status' : 'alert'} data-testid={testId}>
      {children}
    </p>
  );
}

/** `Notice` when there is a text, nothing otherwise. */
export function MaybeNotice({ kind, text, testId }: { kind: 'ok' | 'error'; text: string | null | undefined; testId?: string }) {
  return text ? (
    <Notice kind={kind} testId={testId}>
      {text}
    </Notice>
  ) : null;
}

/** An error beside one control or one row, not tied to a field id. */
export function InlineError({ text }: { text: string | null | undefined }) {
  return text ? (
    <p className="field-error" role="alert">
      {text}
    </p>
  ) : null;
}

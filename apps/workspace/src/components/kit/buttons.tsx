import type { ButtonHTMLAttributes, ReactNode } from 'react';

/**
 * A form's submit button: disabled while the submission is in flight (with `busyText` shown), so a
 * second click cannot send it twice. Pair it with `useSubmit`, which also ignores a second submit.
 */
export function SubmitButton({ busy, busyText, className = 'btn btn-primary', disabled, children, ...rest }: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & { busy: boolean; busyText?: string; children: ReactNode }) {
  return (
    <button type="submit" className={className} disabled={busy || disabled} aria-busy={busy || undefined} {...rest}>
      {busy && busyText ? busyText : children}
    </button>
  );
}

/** A small button for a table row or a panel head. */
export function SmallButton({ className, children, ...rest }: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & { children: ReactNode }) {
  return (
    <button type="button" className={className ? `btn btn-small ${className}` : 'btn btn-small'} {...rest}>
      {children}
    </button>
  );
}

import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';

/** A native modal dialog: focus is trapped and Escape closes it, as the platform does. */
export function Dialog({ open, title, onClose, children }: { open: boolean; title: string; onClose(): void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const id = `dlg-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={id} onClose={onClose} onCancel={onClose}>
      {open ? (
        <>
          <div className="dialog-head">
            <h2 id={id}>{title}</h2>
            <button type="button" className="btn btn-ghost btn-small" onClick={onClose} aria-label="Close">
              ✕
            </button>
          </div>
          {children}
        </>
      ) : null}
    </dialog>
  );
}

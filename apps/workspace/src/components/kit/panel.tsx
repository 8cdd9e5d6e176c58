import type { ReactNode } from 'react';

/**
 * A titled section of a page. `headingId` labels the section; `actions` (buttons, a chip, filters)
 * sit beside the title in the panel head. A `focusable` heading can be focused from script (to bring
 * the panel into view after an action elsewhere on the page).
 */
export function Panel({ id, headingId, title, actions, className, focusable, children }: { id?: string; headingId: string; title: ReactNode; actions?: ReactNode; className?: string; focusable?: boolean; children?: ReactNode }) {
  const heading = (
    <h2 id={headingId} className="panel-title" tabIndex={focusable ? -1 : undefined}>
      {title}
    </h2>
  );
  return (
    <section className={className ? `panel ${className}` : 'panel'} id={id} aria-labelledby={headingId}>
      {actions === undefined ? (
        heading
      ) : (
        <div className="panel-head">
          {heading}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}

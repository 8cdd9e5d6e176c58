import type { ReactNode } from 'react';

/**
 * A titled section of a page. `headingId` labels the section; `actions` (buttons, a chip, filters)
 * sit beside the title in the panel head. A `focusable` heading can be focused from script (to bring
 * the panel into view after an action elsewhere on the page). A panel inside a titled section has
 * a level-3 heading.
 */
export function Panel({ id, headingId, title, actions, className, focusable, level = 2, testId, children }: { id?: string; headingId: string; title: ReactNode; actions?: ReactNode; className?: string; focusable?: boolean; level?: 2 | 3; testId?: string; children?: ReactNode }) {
  const H = level === 3 ? 'h3' : 'h2';
  const heading = (
    <H id={headingId} className="panel-title" tabIndex={focusable ? -1 : undefined}>
      {title}
    </H>
  );
  return (
    <section className={className ? `panel ${className}` : 'panel'} id={id} aria-labelledby={headingId} data-testid={testId}>
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

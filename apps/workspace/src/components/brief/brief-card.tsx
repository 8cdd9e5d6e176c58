import type { ReactNode } from 'react';

/** One titled card of the brief. */
export function BriefCard({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `brief-card ${className}` : 'brief-card'}>
      <h2>{title}</h2>
      {children}
    </div>
  );
}

/** A term and its description in a `dl`, only when there is a description. */
export function Term({ term, children }: { term: string; children: ReactNode }) {
  return children ? (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  ) : null;
}

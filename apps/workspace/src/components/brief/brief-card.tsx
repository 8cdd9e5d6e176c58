import type { ReactNode } from 'react';

/**
 * One titled card of the brief. `byModel` names the language model that wrote it (LLM mode): the
 * card says so, so an agent knows which parts are the model's reading and which are rules and tools.
 */
export function BriefCard({ title, className, byModel, children }: { title: string; className?: string; byModel?: string | null; children: ReactNode }) {
  return (
    <div className={className ? `brief-card ${className}` : 'brief-card'}>
      <h2>
        {title}
        {byModel ? (
          <span className="badge badge-model" title={`Written by ${byModel}; check it against the transcript`}>
            written by the model
          </span>
        ) : null}
      </h2>
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

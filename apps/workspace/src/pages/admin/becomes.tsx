import type { ReactNode } from 'react';

/** "before → after", read as "before would become after" by screen readers. */
export function Becomes({ from, to, verb = 'would become' }: { from: ReactNode; to: ReactNode; verb?: string }) {
  return (
    <>
      {from} <span aria-hidden="true">→</span>
      <span className="visually-hidden"> {verb} </span> {to}
    </>
  );
}

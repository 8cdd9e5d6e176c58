import type { ReactNode } from 'react';

/** A chart's figures as a table for screen readers: the drawing itself is one image with a summary. */
export function ChartTable({ caption, columns, rows }: { caption: string; columns: ReactNode[]; rows: { key: string; label: ReactNode; cells: ReactNode[] }[] }) {
  return (
    <div className="visually-hidden">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th scope="col" key={i}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {r.cells.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { ReactNode } from 'react';

/** One column of a `DataTable`: its header and how a row fills its cell. */
export interface Column<T> {
  header: ReactNode;
  /** Read by screen readers but not shown (e.g. the actions column). */
  hiddenHeader?: boolean;
  headerClassName?: string;
  /** The row's header cell (`<th scope="row">`): the name that the other cells describe. */
  rowHeader?: boolean;
  /** A class for every cell of the column, or one chosen per row. */
  cellClassName?: string | ((row: T) => string | undefined);
  cell(row: T, index: number): ReactNode;
}

/** The last column, for per-row buttons: its header is "Actions" for screen readers only. */
export function actionsColumn<T>(cell: (row: T, index: number) => ReactNode): Column<T> {
  return { header: 'Actions', hiddenHeader: true, cellClassName: 'cell-actions', cell };
}

export interface DataTableProps<T> {
  columns: Column<T>[];
  /** `null` while loading. */
  rows: T[] | null;
  rowKey(row: T): string;
  /** Attributes for a row's `<tr>`, e.g. `data-status`. */
  rowProps?(row: T): Record<string, string>;
  /** Shown instead of the table while `rows` is null. */
  loading?: ReactNode;
  /** Shown instead of the table when there are no rows; without it, an empty table is drawn. */
  empty?: ReactNode;
  testId?: string;
  /** What the table holds, for screen readers only. */
  caption?: string;
  compact?: boolean;
  /** Extra classes on the table. */
  className?: string;
}

/** A table with column headers (`scope="col"`), a row header per row, and loading and empty states. */
export function DataTable<T>({ columns, rows, rowKey, rowProps, loading, empty, testId, caption, compact, className }: DataTableProps<T>) {
  if (rows === null) return <>{loading ?? null}</>;
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <table className={['table', compact ? 'table-compact' : '', className ?? ''].filter(Boolean).join(' ')} data-testid={testId}>
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" className={c.headerClassName}>
              {c.hiddenHeader ? <span className="visually-hidden">{c.header}</span> : c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={rowKey(row)} {...rowProps?.(row)}>
            {columns.map((c, i) => {
              const className = typeof c.cellClassName === 'function' ? c.cellClassName(row) : c.cellClassName;
              return c.rowHeader ? (
                <th key={i} scope="row" className={className}>
                  {c.cell(row, r)}
                </th>
              ) : (
                <td key={i} className={className}>
                  {c.cell(row, r)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A placeholder paragraph: `empty` for a list with nothing in it, `muted` for loading. */
export function Placeholder({ kind = 'empty', children }: { kind?: 'empty' | 'muted' | 'muted small'; children: ReactNode }) {
  return <p className={kind}>{children}</p>;
}

/** A row header's name with a muted detail: on its own line (`block`), or after a dot. */
export function Named({ name, detail, block }: { name: ReactNode; detail: ReactNode; block?: boolean }) {
  return (
    <>
      {name}
      {block ? <span className="muted small block">{detail}</span> : <span className="muted small"> · {detail}</span>}
    </>
  );
}

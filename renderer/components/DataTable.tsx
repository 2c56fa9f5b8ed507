import type { ReactNode } from 'react';

/** A column's heading: its words, or words only a screen reader hears (a column of buttons). Null leaves the column out. */
export type DataColumn = string | { readonly hidden: string } | null;

/**
 * A table with one heading row, each heading scoped to its column, and the caller's rows as
 * its body. Extra classes (`shortcuts-table`) and an accessible name go on the table itself.
 */
export function DataTable({
  columns,
  className,
  label,
  children,
}: {
  readonly columns: readonly DataColumn[];
  readonly className?: string;
  /** The table's name for a screen reader, where nothing on screen names it. */
  readonly label?: string;
  readonly children: ReactNode;
}) {
  return (
    <table className={className ? `table ${className}` : 'table'} aria-label={label}>
      <thead>
        <tr>
          {columns.map((c, i) =>
            c === null ? null : typeof c === 'string' ? (
              <th key={i} scope="col">
                {c}
              </th>
            ) : (
              <th key={i} scope="col">
                <span className="visually-hidden">{c.hidden}</span>
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

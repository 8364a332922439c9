import type { ReactNode } from "react";

export interface Column {
  readonly label: ReactNode;
  /** Right-aligned, tabular figures. */
  readonly numeric?: boolean;
  /** What the column means, for a tooltip and screen readers. */
  readonly help?: string;
}

/** A plain, accessible data table: a caption, header cells with scope, numbers aligned right. */
export function DataTable({
  caption,
  columns,
  rows,
  captionHidden = false,
  className,
}: {
  caption: string;
  columns: readonly Column[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
  captionHidden?: boolean;
  className?: string;
}) {
  return (
    <div className={`studio-table-wrap ${className ?? ""}`}>
      <table className="studio-table">
        <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed per table
                key={i}
                scope="col"
                className={column.numeric ? "studio-table__num" : undefined}
                title={column.help}
              >
                {column.label}
                {column.help && <span className="visually-hidden"> ({column.help})</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) => {
                const numeric = columns[i]?.numeric;
                return i === 0 ? (
                  <th key="0" scope="row" className={numeric ? "studio-table__num" : undefined}>
                    {cell}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells follow the fixed columns
                  <td key={i} className={numeric ? "studio-table__num" : undefined}>
                    {cell}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { Link } from '@remix-run/react';

import type { ImpactTable as ImpactTableData } from '#server/impact/impact-tables';

import { formatImpactCell } from './format-impact-cell';

/** Where a drill-down row leads, keeping the period of the page. */
function drillLink(drill: NonNullable<ImpactTableData['rows'][number]['drill']>, search: string): string {
  return 'area' in drill
    ? `/impact/areas/${encodeURIComponent(drill.area)}?${search}`
    : `/impact/artisans/${drill.artisanId}?${search}`;
}

/**
 * One table of the report, rendered on the server (so it reads without JavaScript), with its CSV
 * beside it. A figure's name links to its definition; a drill-down row's first cell to its page.
 */
export function ImpactTable({
  table,
  search,
  csvSearch = search,
  caption,
}: {
  table: ImpactTableData;
  /** The page's period as a query string, kept by drill-down links. */
  search: string;
  /** The query string of the CSV link when it needs more than the period (an area, an artisan). */
  csvSearch?: string;
  caption?: string;
}) {
  return (
    <div className="impact-table">
      <div className="impact-table__bar">
        {caption ? <p className="definition">{caption}</p> : <span />}
        <a className="button button--quiet" href={`/impact.csv?table=${table.id}&${csvSearch}`} download>
          CSV
        </a>
      </div>
      <div className="table-scroll">
        <table className="data" data-testid={`impact-table-${table.id}`}>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column.label} scope="col" className={column.format === 'text' ? undefined : 'num'}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.length === 0 ? (
              <tr>
                <td colSpan={table.columns.length} className="muted">
                  Nobody was paid in this period.
                </td>
              </tr>
            ) : null}
            {table.rows.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {row.cells.map((cell, index) => {
                  const format = index > 0 && row.format ? row.format : table.columns[index].format;
                  const text = formatImpactCell(cell, format);
                  if (index === 0)
                    return (
                      <th key={index} scope="row">
                        {row.drill ? (
                          <Link to={drillLink(row.drill, search)}>{text}</Link>
                        ) : row.figure ? (
                          <a href={`#definition-${row.figure}`} title="What this figure means">
                            {text}
                          </a>
                        ) : (
                          text
                        )}
                      </th>
                    );
                  return (
                    <td key={index} className={format === 'text' ? undefined : 'num'}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

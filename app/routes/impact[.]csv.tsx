import { type LoaderFunctionArgs } from '@remix-run/node';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';

import { IMPACT_TABLES } from '#server/domain/impact-figures';
import { objectIdString } from '#server/domain/input-schemas';

import { requireRole } from '../auth.server';
import { answerDomainErrors, parseQuery } from '../route-input.server';

const CsvQuery = z.object({
  table: z.enum(IMPACT_TABLES, { error: `must be one of ${IMPACT_TABLES.join(', ')}` }),
  area: z.string().max(60).optional(),
  artisan: objectIdString.optional(),
});

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark. */
const BYTE_ORDER_MARK = '\uFEFF';

/** A spreadsheet runs a cell starting with = + - @ as a formula: names are written with a leading apostrophe. */
const defuse = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/**
 * Any table of the impact report as CSV, for the period in the URL: money in KES with two
 * decimals, shares as fractions (0.29), so a spreadsheet can compute with them.
 */
export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, 'impact');
  const { impact } = args.context;
  const csv = parseQuery(args.request, CsvQuery);
  const query = parseQuery(args.request, impact.queries.ImpactPeriodQuery);
  const report = await answerDomainErrors(() => impact.readImpactReport({ query }));
  const table = impact.buildImpactTables(report, { area: csv.area, artisanId: csv.artisan })[csv.table];
  const rows = table.rows.map((row) =>
    row.cells.map((cell, index) => {
      if (cell === null) return '';
      if (typeof cell === 'string') return defuse(cell);
      const format = index > 0 && row.format ? row.format : table.columns[index].format;
      return format === 'kes' ? (cell / 100).toFixed(2) : Number.isInteger(cell) ? cell : Number(cell.toFixed(4));
    }),
  );
  const body = stringify([table.columns.map((column) => column.label), ...rows]);
  const name = `kiwanda-impact-${csv.table}-${Object.values(report.period.search).slice(1).join('_')}.csv`;
  return new Response(BYTE_ORDER_MARK + body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}

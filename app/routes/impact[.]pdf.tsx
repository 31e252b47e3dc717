import { type LoaderFunctionArgs } from '@remix-run/node';

import { requireRole } from '../auth.server';
import { renderImpactPdf } from '../components/impact/impact-pdf.server';
import { answerDomainErrors, parseQuery } from '../route-input.server';

/** The whole report of the period in the URL as a three-page A4 PDF. */
export async function loader(args: LoaderFunctionArgs) {
  await requireRole(args, 'impact');
  const { impact, clock } = args.context;
  const query = parseQuery(args.request, impact.queries.ImpactPeriodQuery);
  const report = await answerDomainErrors(() => impact.readImpactReport({ query }));
  const pdf = await renderImpactPdf({ report, tables: impact.buildImpactTables(report), now: clock.now() });
  const name = `kiwanda-impact-${Object.values(report.period.search).slice(1).join('_')}.pdf`;
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Content-Length': String(pdf.length),
      'Cache-Control': 'private, no-store',
    },
  });
}

import PDFDocument from 'pdfkit';

import { IMPACT_FIGURE_DEFINITIONS, IMPACT_FIGURES } from '#server/domain/impact-figures';
import { REFERENCE_WAGE_LABELS } from '#server/domain/reference-wages';
import type { ImpactTable } from '#server/impact/impact-tables';
import type { ImpactReport } from '#server/impact/read-impact-report';

import { formatCount, formatDay, formatKes, formatNairobiTime } from '../../format';
import { headlineFigures } from './headline-figures';
import { drawChart, drawTable, INK, LINE, SOFT } from './pdf-drawing.server';
import { PDF_FONTS, registerPdfFonts } from './pdf-fonts.server';

const MARGIN = 40;
const PAGE_WIDTH = 595.28; // A4
const WIDTH = PAGE_WIDTH - 2 * MARGIN;
const compactKes = (cents: number) =>
  cents >= 10_000_00 ? `${formatCount(Math.round(cents / 100_000))}k` : formatCount(Math.round(cents / 100));

type Tables = Record<'figures' | 'channels' | 'distribution' | 'trend' | 'areas', ImpactTable>;

function heading(doc: PDFKit.PDFDocument, text: string, y: number): number {
  doc.font(PDF_FONTS.bold).fontSize(11).fillColor(INK).text(text, MARGIN, y);
  return y + 16;
}

function footer(doc: PDFKit.PDFDocument, report: ImpactReport, page: number) {
  // NOTE: text below the bottom margin would make pdfkit open a new page; the footer lives there.
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc
    .font(PDF_FONTS.regular)
    .fontSize(7)
    .fillColor(SOFT)
    .text(`Kiwanda impact report · ${report.period.label} · page ${page} of 3`, MARGIN, 842 - MARGIN + 10, {
      width: WIDTH,
      align: 'center',
      lineBreak: false,
    });
  doc.page.margins.bottom = bottom;
}

/**
 * The whole impact report as an A4 PDF of three pages: headline figures and every figure by
 * gender; the charts (drawn as vectors) with the areas; delivery, definitions and the reference
 * wages with their sources, in the report's embedded fonts (pdf-fonts.server.ts).
 */
export function renderImpactPdf({
  report,
  tables,
  now,
}: {
  report: ImpactReport;
  tables: Tables;
  now: Date;
}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `Kiwanda impact report, ${report.period.label}`, Author: 'Kiwanda', Subject: 'Impact report' },
  });
  registerPdfFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Page 1: headline and every figure by gender.
  doc.font(PDF_FONTS.bold).fontSize(18).fillColor(INK).text('Impact report', MARGIN, MARGIN);
  doc
    .font(PDF_FONTS.regular)
    .fontSize(9)
    .fillColor(SOFT)
    .text(
      `${report.period.label}, against ${report.previous.range.label} · made ${formatNairobiTime(now)} Nairobi time`,
    );
  const headlines = headlineFigures({
    current: report.current.byGender,
    previous: report.previous.byGender.all,
    previousLabel: report.previous.range.label,
  });
  const boxWidth = (WIDTH - 20) / 3;
  headlines.forEach((figure, index) => {
    const x = MARGIN + (index % 3) * (boxWidth + 10);
    const y = 92 + Math.floor(index / 3) * 66;
    doc.roundedRect(x, y, boxWidth, 58, 4).lineWidth(0.6).strokeColor(LINE).stroke();
    doc
      .font(PDF_FONTS.regular)
      .fontSize(7)
      .fillColor(SOFT)
      .text(figure.label.toUpperCase(), x + 8, y + 7, { width: boxWidth - 16 });
    doc
      .font(PDF_FONTS.bold)
      .fontSize(15)
      .fillColor(INK)
      .text(figure.value, x + 8, y + 19, { width: boxWidth - 16 });
    doc
      .font(PDF_FONTS.regular)
      .fontSize(6.5)
      .fillColor(SOFT)
      .text(figure.hint, x + 8, y + 39, { width: boxWidth - 16 });
  });
  let y = heading(doc, 'Every figure, by gender', 232);
  y = drawTable(doc, tables.figures, { x: MARGIN, y, width: WIDTH, firstColumn: 0.34, fontSize: 8 });
  doc
    .font(PDF_FONTS.regular)
    .fontSize(7)
    .fillColor(SOFT)
    .text('Definitions of every figure are on page 3.', MARGIN, y, { width: WIDTH });
  footer(doc, report, 1);

  // Page 2: the charts, as vectors, and the areas.
  doc.addPage();
  const half = (WIDTH - 20) / 2;
  drawChart(doc, {
    x: MARGIN,
    y: MARGIN,
    width: half,
    height: 190,
    title: 'Artisans by monthly earnings (KES)',
    categories: tables.distribution.rows.map(
      (row) => `${compactKes(Number(row.cells[0]))}${row.cells[1] === null ? '+' : ''}`,
    ),
    series: ['Women', 'Men', 'Other'].map((label, index) => ({
      label,
      values: tables.distribution.rows.map((row) => Number(row.cells[2 + index] ?? 0)),
    })),
    kind: 'bars',
    formatValue: (value) => formatCount(value),
    wholeNumbers: true,
  });
  drawChart(doc, {
    x: MARGIN + half + 20,
    y: MARGIN,
    width: half,
    height: 190,
    title: `Total paid per month (KES), ${String(tables.trend.rows[0]?.cells[0] ?? '')} to ${String(tables.trend.rows.at(-1)?.cells[0] ?? '')}`,
    // Month numbers only: twelve full labels do not fit half a page.
    categories: tables.trend.rows.map((row) => String(row.cells[0]).slice(5)),
    series: [{ label: 'Total paid', values: tables.trend.rows.map((row) => Number(row.cells[1] ?? 0)) }],
    kind: 'line',
    formatValue: compactKes,
  });
  y = drawChart(doc, {
    x: MARGIN,
    y: MARGIN + 210,
    width: WIDTH,
    height: 170,
    title: 'Median monthly earnings by area (KES)',
    categories: tables.areas.rows.map((row) => String(row.cells[0])),
    series: [{ label: 'Median monthly earnings', values: tables.areas.rows.map((row) => Number(row.cells[4] ?? 0)) }],
    kind: 'bars',
    formatValue: compactKes,
  });
  y = heading(doc, 'By area', y + 4);
  drawTable(doc, tables.areas, { x: MARGIN, y, width: WIDTH, firstColumn: 0.16, fontSize: 7 });
  footer(doc, report, 2);

  // Page 3: delivery, definitions and reference wages.
  doc.addPage();
  y = heading(doc, 'On-time delivery by channel', MARGIN);
  y = drawTable(doc, tables.channels, { x: MARGIN, y, width: WIDTH, firstColumn: 0.4, fontSize: 8 });
  y = heading(doc, 'What the figures mean', y + 6);
  doc.y = y;
  for (const figure of IMPACT_FIGURES) {
    const { label, definition } = IMPACT_FIGURE_DEFINITIONS[figure];
    doc.font(PDF_FONTS.bold).fontSize(8).fillColor(INK).text(label, MARGIN, doc.y, { width: WIDTH });
    doc.font(PDF_FONTS.regular).fontSize(7.5).fillColor(SOFT).text(definition, { width: WIDTH });
    doc.moveDown(0.4);
  }
  heading(doc, 'Reference wages', doc.y + 4);
  doc.y += 16;
  for (const wage of [report.wages.minimum, report.wages.living]) {
    doc
      .font(PDF_FONTS.regular)
      .fontSize(7.5)
      .fillColor(INK)
      .text(
        `${REFERENCE_WAGE_LABELS[wage.kind]}: ${formatKes(wage.monthlyCents)} a month, ${formatKes(wage.hourlyCents)} an hour at 208 hours a month, from ${formatDay(wage.effectiveFrom)}. Source: ${wage.source}.`,
        MARGIN,
        doc.y,
        { width: WIDTH },
      );
    doc.moveDown(0.3);
  }
  footer(doc, report, 3);
  doc.end();
  return done;
}

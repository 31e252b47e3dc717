import { scaleLinear } from 'd3-scale';
import type PDFDocument from 'pdfkit';

import type { ImpactTable } from '#server/impact/impact-tables';

import { formatImpactCell } from './format-impact-cell';
import { PDF_FONTS } from './pdf-fonts.server';

type Doc = InstanceType<typeof PDFDocument>;

export const INK = '#1f1a14';
export const SOFT = '#6b5f52';
export const LINE = '#d9cfc2';
export const COLORS = ['#b5651d', '#3b6e8f', '#7a8b5a'];

/**
 * A chart's value axis from 0 to at least `max`: its top and gridlines at round values (d3's
 * "nice" steps of 1, 2 or 5, about four of them), whole numbers only for a chart of counts.
 */
export function gridlines({ max, wholeNumbers }: { max: number; wholeNumbers: boolean }): {
  top: number;
  ticks: number[];
} {
  const scale = scaleLinear().domain([0, max]).nice(4);
  return {
    top: scale.domain()[1],
    ticks: scale.ticks(4).filter((value) => !wholeNumbers || Number.isInteger(value)),
  };
}

/**
 * A table of the report drawn with pdfkit: header row, zebra rows, numbers right-aligned, the
 * first column wider. Returns the y under it.
 */
export function drawTable(
  doc: Doc,
  table: ImpactTable,
  {
    x,
    y,
    width,
    firstColumn = 0.3,
    fontSize = 7.5,
  }: { x: number; y: number; width: number; firstColumn?: number; fontSize?: number },
): number {
  const rest = (width * (1 - firstColumn)) / Math.max(1, table.columns.length - 1);
  const widths = table.columns.map((_, index) => (index === 0 ? width * firstColumn : rest));
  const rowHeight = fontSize + 6;
  const cellsAt = (cells: string[], top: number, header: boolean) => {
    let left = x;
    doc
      .font(header ? PDF_FONTS.bold : PDF_FONTS.regular)
      .fontSize(fontSize)
      .fillColor(header ? SOFT : INK);
    cells.forEach((text, index) => {
      const numeric = index > 0 && table.columns[index].format !== 'text';
      // Header labels may wrap onto a second line; body cells stay on one.
      doc.text(text, left + 2, top + 3, {
        width: widths[index] - 4,
        align: numeric ? 'right' : 'left',
        ...(header ? {} : { lineBreak: false, ellipsis: true }),
      });
      left += widths[index];
    });
  };
  const labels = table.columns.map((column) => column.label);
  doc.font(PDF_FONTS.bold).fontSize(fontSize);
  const headerHeight =
    Math.max(...labels.map((label, index) => doc.heightOfString(label, { width: widths[index] - 4 }))) + 6;
  cellsAt(labels, y, true);
  let top = y + headerHeight;
  doc
    .moveTo(x, top)
    .lineTo(x + width, top)
    .lineWidth(0.6)
    .strokeColor(SOFT)
    .stroke();
  table.rows.forEach((row, rowIndex) => {
    if (rowIndex % 2 === 1) doc.rect(x, top, width, rowHeight).fillColor('#f6f1ea').fill();
    cellsAt(
      row.cells.map((cell, index) =>
        formatImpactCell(cell, index > 0 && row.format ? row.format : table.columns[index].format),
      ),
      top,
      false,
    );
    top += rowHeight;
  });
  doc
    .moveTo(x, top)
    .lineTo(x + width, top)
    .lineWidth(0.4)
    .strokeColor(LINE)
    .stroke();
  return top + 8;
}

export interface ChartSeries {
  label: string;
  values: number[];
}

/**
 * A vector chart: stacked bars or one line per series over categories, with a y axis of 4 ticks
 * labelled by `formatValue` and a legend. Everything is pdfkit paths and text, so it prints sharp.
 */
export function drawChart(
  doc: Doc,
  {
    x,
    y,
    width,
    height,
    title,
    categories,
    series,
    kind,
    formatValue,
    wholeNumbers = false,
  }: {
    x: number;
    y: number;
    width: number;
    height: number;
    title: string;
    categories: string[];
    series: ChartSeries[];
    kind: 'bars' | 'line';
    formatValue: (value: number) => string;
    /** The values are counts: gridlines only at whole numbers. */
    wholeNumbers?: boolean;
  },
): number {
  doc.font(PDF_FONTS.bold).fontSize(9).fillColor(INK).text(title, x, y, { width });
  const plotTop = y + 18;
  const axisWidth = 48;
  const plotLeft = x + axisWidth;
  const plotWidth = width - axisWidth;
  const plotHeight = height - 40;
  const totals = categories.map((_, index) =>
    kind === 'bars'
      ? series.reduce((sum, entry) => sum + entry.values[index], 0)
      : Math.max(...series.map((entry) => entry.values[index])),
  );
  const { top, ticks } = gridlines({ max: Math.max(1, ...totals), wholeNumbers });
  const yOf = (value: number) => plotTop + plotHeight - (value / top) * plotHeight;

  doc.font(PDF_FONTS.regular).fontSize(6.5);
  for (const value of ticks) {
    doc
      .moveTo(plotLeft, yOf(value))
      .lineTo(plotLeft + plotWidth, yOf(value))
      .lineWidth(0.3)
      .strokeColor(LINE)
      .stroke();
    doc.fillColor(SOFT).text(formatValue(value), x, yOf(value) - 3, { width: axisWidth - 4, align: 'right' });
  }
  const slot = plotWidth / Math.max(1, categories.length);
  categories.forEach((category, index) => {
    doc.fillColor(SOFT).text(category, plotLeft + index * slot, plotTop + plotHeight + 3, {
      width: slot,
      align: 'center',
      lineBreak: false,
      ellipsis: true,
    });
  });
  if (kind === 'bars') {
    categories.forEach((_, index) => {
      let base = 0;
      series.forEach((entry, seriesIndex) => {
        const value = entry.values[index];
        if (value <= 0) return;
        doc
          .rect(plotLeft + index * slot + slot * 0.15, yOf(base + value), slot * 0.7, yOf(base) - yOf(base + value))
          .fillColor(COLORS[seriesIndex % COLORS.length])
          .fill();
        base += value;
      });
    });
  } else {
    series.forEach((entry, seriesIndex) => {
      entry.values.forEach((value, index) => {
        const px = plotLeft + index * slot + slot / 2;
        if (index === 0) doc.moveTo(px, yOf(value));
        else doc.lineTo(px, yOf(value));
      });
      doc
        .lineWidth(1.5)
        .strokeColor(COLORS[seriesIndex % COLORS.length])
        .stroke();
    });
  }
  let legendX = plotLeft;
  const legendY = plotTop + plotHeight + 14;
  series.forEach((entry, seriesIndex) => {
    doc
      .rect(legendX, legendY, 7, 7)
      .fillColor(COLORS[seriesIndex % COLORS.length])
      .fill();
    doc
      .fillColor(INK)
      .fontSize(7)
      .text(entry.label, legendX + 10, legendY, { lineBreak: false });
    legendX += 20 + doc.widthOfString(entry.label);
  });
  return y + height + 8;
}

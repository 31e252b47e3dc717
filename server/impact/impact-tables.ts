import {
  GENDER_LABELS,
  GENDER_NOUNS,
  type ImpactCellFormat,
  type ImpactFigure,
  type ImpactTableId,
} from '../domain/impact-figures';
import { ORDER_SOURCE_LABELS } from '../domain/order-source';
import { GENDERS } from '../models/artisan';
import { type ArtisanImpact } from './artisan-impact';
import { type GroupFigures } from './group-figures';
import { type ImpactReport } from './read-impact-report';

export type ImpactCell = string | number | null;

/** A table of the report as data: the page, the CSV and the PDF all render this one value. */
export interface ImpactTable {
  id: ImpactTableId;
  title: string;
  columns: { label: string; format: ImpactCellFormat }[];
  rows: {
    cells: ImpactCell[];
    /** Overrides the columns' format for the number cells (the figures table mixes units). */
    format?: ImpactCellFormat;
    figure?: ImpactFigure;
    drill?: { area: string } | { artisanId: string };
  }[];
}

const FIGURE_ROWS: {
  figure: ImpactFigure;
  label: string;
  format: ImpactCellFormat;
  value: (g: GroupFigures) => number | null;
}[] = [
  { figure: 'artisansPaid', label: 'Artisans paid', format: 'count', value: (g) => g.artisansPaid },
  { figure: 'totalPaid', label: 'Total paid', format: 'kes', value: (g) => g.paidCents },
  {
    figure: 'monthlyEarnings',
    label: 'Monthly earnings, P10',
    format: 'kes',
    value: (g) => g.monthlyEarningsCents.p10,
  },
  {
    figure: 'monthlyEarnings',
    label: 'Monthly earnings, median',
    format: 'kes',
    value: (g) => g.monthlyEarningsCents.median,
  },
  {
    figure: 'monthlyEarnings',
    label: 'Monthly earnings, P90',
    format: 'kes',
    value: (g) => g.monthlyEarningsCents.p90,
  },
  {
    figure: 'hourlyEarnings',
    label: 'Effective hourly earnings, median',
    format: 'kes',
    value: (g) => g.hourlyEarningsCents,
  },
  {
    figure: 'livingWageShare',
    label: 'At or above the living wage',
    format: 'percent',
    value: (g) => g.livingWageShare,
  },
  { figure: 'makersShare', label: "Makers' share of revenue", format: 'percent', value: (g) => g.makersShare },
  { figure: 'weeksOfWork', label: 'Weeks of work, last 13', format: 'weeks', value: (g) => g.weeksOfWork13 },
  { figure: 'weeksOfWork', label: 'Weeks of work, last 52', format: 'weeks', value: (g) => g.weeksOfWork52 },
  { figure: 'incomeVolatility', label: 'Income volatility (CV)', format: 'ratio', value: (g) => g.incomeVolatility },
  { figure: 'inequality', label: 'Gini of earnings', format: 'ratio', value: (g) => g.gini },
  { figure: 'inequality', label: 'P90 ÷ P10 of monthly earnings', format: 'ratio', value: (g) => g.p90OverP10 },
  { figure: 'onTime', label: 'Jobs passed by their due date', format: 'percent', value: (g) => g.jobsOnTime },
  {
    figure: 'inspectionPassRate',
    label: 'Inspection pass rate',
    format: 'percent',
    value: (g) => g.inspectionPassRate,
  },
  { figure: 'daysToMoney', label: 'Days from passed inspection to money', format: 'days', value: (g) => g.daysToMoney },
];

function figuresTable(report: ImpactReport): ImpactTable {
  const { current, previous } = report;
  return {
    id: 'figures',
    title: `Figures for ${current.range.label}, against ${previous.range.label}, by gender`,
    columns: [
      { label: 'Figure', format: 'text' },
      { label: current.range.label, format: 'count' },
      { label: previous.range.label, format: 'count' },
      ...GENDERS.map((gender) => ({ label: GENDER_LABELS[gender], format: 'count' as const })),
    ],
    rows: FIGURE_ROWS.map((row) => ({
      figure: row.figure,
      format: row.format,
      cells: [
        row.label,
        row.value(current.byGender.all),
        row.value(previous.byGender.all),
        ...GENDERS.map((gender) => row.value(current.byGender[gender])),
      ],
    })),
  };
}

/** Bucket width in KES cents: 1, 2 or 5 × a power of ten, giving about ten buckets up to the P90. */
function bucketWidthCents(highest: number): number {
  const rough = Math.max(highest, 100_00) / 10;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((step) => step * power).find((width) => width >= rough) ?? power * 10;
}

/** Artisans by monthly earnings, in buckets, with the last bucket open-ended. */
export function earningsBuckets(artisans: readonly ArtisanImpact[], p90: number | null) {
  const width = bucketWidthCents(p90 ?? 0);
  const last = Math.max(0, Math.ceil((p90 ?? 0) / width));
  return Array.from({ length: last + 1 }, (_, index) => {
    const from = index * width;
    const inBucket = artisans.filter(
      (artisan) => artisan.monthlyCents >= from && (index === last || artisan.monthlyCents < from + width),
    );
    return {
      fromCents: from,
      toCents: index === last ? null : from + width,
      counts: Object.fromEntries(
        GENDERS.map((gender) => [gender, inBucket.filter((artisan) => artisan.gender === gender).length]),
      ) as Record<(typeof GENDERS)[number], number>,
      all: inBucket.length,
    };
  });
}

function groupRow(figures: GroupFigures): ImpactCell[] {
  return [
    figures.artisansPaid,
    figures.paidCents,
    figures.monthlyEarningsCents.median,
    figures.hourlyEarningsCents,
    figures.livingWageShare,
    figures.makersShare,
    figures.jobsOnTime,
  ];
}
const GROUP_COLUMNS: ImpactTable['columns'] = [
  { label: 'Artisans paid', format: 'count' },
  { label: 'Total paid', format: 'kes' },
  { label: 'Median monthly earnings', format: 'kes' },
  { label: 'Median hourly earnings', format: 'kes' },
  { label: 'At or above living wage', format: 'percent' },
  { label: "Makers' share", format: 'percent' },
  { label: 'Jobs on time', format: 'percent' },
];

/** Every table of the report; `area` narrows the workshops and artisans tables to one area. */
export function buildImpactTables(
  report: ImpactReport,
  { area, artisanId }: { area?: string; artisanId?: string } = {},
): Record<ImpactTableId, ImpactTable> {
  const areaOfWorkshop = new Map(report.byWorkshop.map((workshop) => [workshop.workshopId, workshop]));
  const artisans = report.artisans.filter((artisan) => !area || areaOfWorkshop.get(artisan.workshopId)?.area === area);
  const buckets = earningsBuckets(report.artisans, report.current.byGender.all.monthlyEarningsCents.p90);
  const artisan = artisanId ? report.artisans.find((row) => row.artisanId === artisanId) : undefined;
  const suffix = area ? ` in ${area}` : '';
  return {
    figures: figuresTable(report),
    channels: {
      id: 'channels',
      title: `Orders shipped on time by channel, ${report.current.range.label}`,
      columns: [
        { label: 'Channel', format: 'text' },
        { label: 'Orders shipped', format: 'count' },
        { label: 'On time', format: 'count' },
        { label: 'Share on time', format: 'percent' },
      ],
      rows: report.current.ordersOnTime.map((row) => ({
        cells: [ORDER_SOURCE_LABELS[row.channel], row.orders, row.onTime, row.share],
      })),
    },
    distribution: {
      id: 'distribution',
      title: 'Artisans by monthly earnings',
      columns: [
        { label: 'Monthly earnings from (KES)', format: 'kes' },
        { label: 'to (KES)', format: 'kes' },
        ...GENDERS.map((gender) => ({ label: GENDER_LABELS[gender], format: 'count' as const })),
        { label: 'All', format: 'count' },
      ],
      rows: buckets.map((bucket) => ({
        cells: [bucket.fromCents, bucket.toCents, ...GENDERS.map((gender) => bucket.counts[gender]), bucket.all],
      })),
    },
    trend: {
      id: 'trend',
      title: 'Pay by month, the 12 months ending with the period',
      columns: [
        { label: 'Month', format: 'text' },
        { label: 'Total paid', format: 'kes' },
        { label: 'Artisans paid', format: 'count' },
      ],
      rows: report.trend.map((row) => ({ cells: [row.month, row.paidCents, row.artisansPaid] })),
    },
    areas: {
      id: 'areas',
      title: `By area, ${report.current.range.label}`,
      columns: [{ label: 'Area', format: 'text' }, { label: 'Workshops', format: 'count' }, ...GROUP_COLUMNS],
      rows: report.byArea.map((row) => ({
        drill: { area: row.area },
        cells: [row.area, row.workshops, ...groupRow(row.figures)],
      })),
    },
    workshops: {
      id: 'workshops',
      title: `By workshop${suffix}, ${report.current.range.label}`,
      columns: [
        { label: 'Workshop', format: 'text' },
        { label: 'Name', format: 'text' },
        { label: 'Area', format: 'text' },
        ...GROUP_COLUMNS,
      ],
      rows: report.byWorkshop
        .filter((row) => !area || row.area === area)
        .map((row) => ({ cells: [row.code, row.name, row.area, ...groupRow(row.figures)] })),
    },
    artisans: {
      id: 'artisans',
      title: `Artisans paid${suffix}, ${report.current.range.label}`,
      columns: [
        { label: 'Artisan', format: 'text' },
        { label: 'Gender', format: 'text' },
        { label: 'Workshop', format: 'text' },
        { label: 'Paid', format: 'kes' },
        { label: 'Monthly earnings', format: 'kes' },
        { label: 'Hourly earnings', format: 'kes' },
        { label: 'Weeks of work, last 13', format: 'weeks' },
        { label: 'Weeks of work, last 52', format: 'weeks' },
        { label: 'Income volatility (CV)', format: 'ratio' },
      ],
      rows: artisans.map((row) => ({
        drill: { artisanId: row.artisanId },
        cells: [
          row.name,
          GENDER_NOUNS[row.gender],
          areaOfWorkshop.get(row.workshopId)?.code ?? '',
          row.paidCents,
          row.monthlyCents,
          row.hourlyCents,
          row.weeksOfWork13,
          row.weeksOfWork52,
          row.volatility,
        ],
      })),
    },
    history: {
      id: 'history',
      title: artisan ? `${artisan.name}: pay by month` : 'Pay by month',
      columns: [
        { label: 'Month', format: 'text' },
        { label: 'Paid', format: 'kes' },
      ],
      rows: (artisan?.history ?? []).map((row) => ({ cells: [row.month, row.paidCents] })),
    },
  };
}

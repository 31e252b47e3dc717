import { type ImpactCellFormat } from '#server/domain/impact-figures';

import { formatCount, formatKes, formatPercent } from '../../format';

const oneDecimal = new Intl.NumberFormat('en-KE', { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en-KE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** How one cell of an impact table reads, on the page and in the PDF; "–" where there is no figure. */
export function formatImpactCell(value: string | number | null, format: ImpactCellFormat): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'kes':
      return formatKes(value);
    case 'percent':
      return formatPercent(value);
    case 'ratio':
      return twoDecimals.format(value);
    case 'days':
      return `${oneDecimal.format(value)} d`;
    case 'weeks':
      return oneDecimal.format(value);
    case 'count':
      return formatCount(value);
    case 'text':
      return String(value);
  }
}

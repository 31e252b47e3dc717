/** Display formats shared by every page: money in KES from integer cents, counts, percentages. */
const kesFormat = new Intl.NumberFormat('en-KE', { style: 'currency', currency: 'KES', maximumFractionDigits: 0 });
const countFormat = new Intl.NumberFormat('en-KE');
const percentFormat = new Intl.NumberFormat('en-KE', { style: 'percent', maximumFractionDigits: 1 });

export function formatKes(cents: number): string {
  return kesFormat.format(cents / 100);
}

export function formatCount(value: number): string {
  return countFormat.format(value);
}

export function formatPercent(fraction: number): string {
  return percentFormat.format(fraction);
}

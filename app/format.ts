/**
 * Display formats shared by every page: money in KES from integer cents, counts, percentages, and
 * times. Times are always Nairobi's, so the page reads the same rendered on the server and in a
 * browser set to another zone.
 */
const kesFormat = new Intl.NumberFormat('en-KE', { style: 'currency', currency: 'KES', maximumFractionDigits: 0 });
const countFormat = new Intl.NumberFormat('en-KE');
const percentFormat = new Intl.NumberFormat('en-KE', { style: 'percent', maximumFractionDigits: 1 });

export function formatKes(cents: number): string {
  return kesFormat.format(cents / 100);
}

const kesExactFormat = new Intl.NumberFormat('en-KE', { style: 'currency', currency: 'KES', minimumFractionDigits: 2 });

/** KES with its cents, where cents matter (what a payout owes before rounding to whole shillings). */
export function formatKesExact(cents: number): string {
  return kesExactFormat.format(cents / 100);
}

export function formatCount(value: number): string {
  return countFormat.format(value);
}

export function formatPercent(fraction: number): string {
  return percentFormat.format(fraction);
}

const nairobiDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Africa/Nairobi',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const nairobiClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Africa/Nairobi',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "21 Nov, 14:05" in Nairobi. */
export function formatNairobiTime(at: string | Date): string {
  return nairobiDateTime.format(new Date(at));
}

/** "14:05" in Nairobi. */
export function formatNairobiClock(at: string | Date): string {
  return nairobiClock.format(new Date(at));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "27 Nov 2026" from "2026-11-27" (a Nairobi calendar day, as the server sends it). */
export function formatDay(isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

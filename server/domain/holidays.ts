/**
 * Kenyan public holidays, which take a working day out of the artisans' week. Dates are Nairobi
 * calendar days as "YYYY-MM-DD". Under the Public Holidays Act a holiday falling on a Sunday is
 * observed on the Monday after, and that observed day is what capacity uses.
 *
 * NOTE: Idd-ul-Fitr (and any one-off holiday) is gazetted each year by the government; it cannot
 * be computed. Planners or admins record such days (server/capacity/declare-gazetted-holidays.ts)
 * and the capacity module passes them here as `extra` holidays.
 */
export interface Holiday {
  date: string;
  name: string;
}

function isoDay(year: number, month: number, day: number): string {
  const utc = new Date(Date.UTC(year, month - 1, day));
  return utc.toISOString().slice(0, 10);
}

/** Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

function fixedHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const holidays: Holiday[] = [
    { date: isoDay(year, 1, 1), name: "New Year's Day" },
    { date: isoDay(year, easter.month, easter.day - 2), name: 'Good Friday' },
    { date: isoDay(year, easter.month, easter.day + 1), name: 'Easter Monday' },
    { date: isoDay(year, 5, 1), name: 'Labour Day' },
    { date: isoDay(year, 6, 1), name: 'Madaraka Day' },
    { date: isoDay(year, 10, 20), name: 'Mashujaa Day' },
    { date: isoDay(year, 12, 12), name: 'Jamhuri Day' },
    { date: isoDay(year, 12, 25), name: 'Christmas Day' },
    { date: isoDay(year, 12, 26), name: 'Boxing Day' },
  ];
  // 10 October came back as a public holiday in 2018; it has been Mazingira Day since 2024.
  if (year >= 2024) holidays.push({ date: isoDay(year, 10, 10), name: 'Mazingira Day' });
  else if (year >= 2018) holidays.push({ date: isoDay(year, 10, 10), name: 'Utamaduni Day' });
  return holidays;
}

function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

// A year's holidays never change, and capacity asks for them for every week it reads.
const holidaysByYear = new Map<number, readonly Holiday[]>();

/** The observed public holidays of `year`, sorted by date. */
export function kenyanPublicHolidays(year: number): readonly Holiday[] {
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    holidays = Object.freeze(observedHolidays(year).map((holiday) => Object.freeze(holiday)));
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

function observedHolidays(year: number): Holiday[] {
  const fixed = fixedHolidays(year).sort((left, right) => left.date.localeCompare(right.date));
  const taken = new Set(fixed.map((holiday) => holiday.date));
  const observed: Holiday[] = [...fixed];
  for (const holiday of fixed) {
    if (weekdayOf(holiday.date) !== 0) continue;
    let substitute = nextDay(holiday.date);
    while (taken.has(substitute)) substitute = nextDay(substitute);
    taken.add(substitute);
    observed.push({ date: substitute, name: `${holiday.name} (observed)` });
  }
  return observed.sort((left, right) => left.date.localeCompare(right.date));
}

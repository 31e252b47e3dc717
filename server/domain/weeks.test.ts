import { tz, tzOffset } from '@date-fns/tz';
import { addDays, getISOWeek, getISOWeekYear, startOfISOWeek } from 'date-fns';
import { describe, expect, it } from 'vitest';

import {
  isoWeekLabel,
  isWeekLabel,
  NAIROBI_TIME_ZONE,
  NAIROBI_UTC_OFFSET_MS,
  nairobiCalendarDay,
  nairobiDate,
  nairobiDateString,
  nairobiWeekStart,
  shiftInNairobi,
  shiftWeekLabel,
  weekRange,
  weekStartOfLabel,
} from './weeks';

/** The zone database's answers, through date-fns in the Nairobi zone: what weeks.ts must agree with. */
const inZone = tz(NAIROBI_TIME_ZONE);
const zoneWeekStart = (ms: number) => startOfISOWeek(ms, { in: inZone }).getTime();
const zoneWeekLabel = (ms: number) =>
  `${getISOWeekYear(ms, { in: inZone })}-W${String(getISOWeek(ms, { in: inZone })).padStart(2, '0')}`;

const HOUR = 3_600_000;

/** Instants from 2000 to 2060: every Nairobi midnight's neighbours around the year ends, and a spread between. */
function sampleInstants(): number[] {
  const instants: number[] = [];
  for (let year = 2000; year <= 2060; year += 1) {
    for (const [month, day] of [
      [1, 1],
      [1, 4],
      [12, 28],
      [12, 31],
    ]) {
      const midnight = Date.UTC(year, month - 1, day) - 3 * HOUR;
      instants.push(midnight - 1, midnight, midnight + 1, midnight + 12 * HOUR);
    }
  }
  // A pseudo-random spread (a fixed linear congruential sequence, so every run checks the same instants).
  let state = 7;
  for (let index = 0; index < 2_000; index += 1) {
    state = (state * 48_271) % 2_147_483_647;
    instants.push(Date.UTC(2000, 0, 1) + Math.floor((state / 2_147_483_647) * 60 * 365.25 * 24 * HOUR));
  }
  return instants;
}

describe('Nairobi week arithmetic at a fixed offset', () => {
  it('rests on the zone database keeping Africa/Nairobi at UTC+3 every month of 1970–2100', () => {
    const offsets = new Set<number>();
    for (let year = 1970; year <= 2100; year += 1)
      for (let month = 0; month < 12; month += 1)
        offsets.add(tzOffset(NAIROBI_TIME_ZONE, new Date(Date.UTC(year, month, 15))));
    expect([...offsets]).toEqual([NAIROBI_UTC_OFFSET_MS / 60_000]);
  });

  it('gives the week start, week label and calendar day the zone database gives, instant by instant', () => {
    for (const ms of sampleInstants()) {
      const local = inZone(ms);
      expect(nairobiWeekStart(ms).getTime()).toBe(zoneWeekStart(ms));
      expect(isoWeekLabel(ms)).toBe(zoneWeekLabel(ms));
      expect(nairobiCalendarDay(ms)).toEqual({
        year: local.getFullYear(),
        month: local.getMonth() + 1,
        day: local.getDate(),
        weekday: ((local.getDay() + 6) % 7) + 1,
      });
    }
  });

  it('names and finds every week of 2000–2060 as the zone database does, 53-week years included', () => {
    let start = zoneWeekStart(Date.UTC(2000, 0, 3));
    const end = Date.UTC(2061, 0, 1);
    while (start < end) {
      const label = zoneWeekLabel(start);
      expect(weekStartOfLabel(label).getTime()).toBe(start);
      expect(isWeekLabel(label)).toBe(true);
      const next = zoneWeekStart(addDays(start, 7, { in: inZone }).getTime());
      expect(shiftWeekLabel(label as `${number}-W${string}`, 1)).toBe(zoneWeekLabel(next));
      start = next;
    }
    expect(isWeekLabel('2020-W53')).toBe(true);
    expect(isWeekLabel('2021-W53')).toBe(false);
    expect(isWeekLabel('2026-W00')).toBe(false);
    expect(isWeekLabel('2026-W1')).toBe(false);
  });

  it('moves by calendar days and clock time, and lists weeks, on Nairobi days', () => {
    expect(nairobiDate({ year: 2026, month: 3, day: 1 }).toISOString()).toBe('2026-02-28T21:00:00.000Z');
    expect(nairobiDateString(nairobiDate({ year: 2028, month: 2, day: 29 }))).toBe('2028-02-29');
    const monday = weekStartOfLabel('2026-W53');
    expect(shiftInNairobi({ from: monday, days: 3, hours: 17 }).toISOString()).toBe('2026-12-31T14:00:00.000Z');
    expect(shiftInNairobi({ from: monday, weeks: 1 }).getTime()).toBe(weekStartOfLabel('2027-W01').getTime());
    expect(weekRange(Date.UTC(2026, 11, 27, 20, 59), 2).map((week) => week.label)).toEqual(['2026-W52', '2026-W53']);
  });
});

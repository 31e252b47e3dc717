import { describe, expect, it } from 'vitest';

import { splitArtisanMinutes } from '#server/domain/capacity-arithmetic';
import { easterSunday, kenyanPublicHolidays } from '#server/domain/holidays';
import {
  isoWeekLabel,
  isWeekLabel,
  nairobiDateString,
  nairobiWeekStart,
  shiftWeekLabel,
  weekRange,
  weekStartOfLabel,
} from '#server/domain/weeks';
import { holidaysInWeek, workingShareOfWeek } from '#server/domain/working-time';

describe('ISO weeks in Nairobi', () => {
  it('names the Nairobi calendar day of an instant, which starts at 21:00 UTC the evening before', () => {
    expect(nairobiDateString(new Date('2026-12-31T20:59:59Z'))).toBe('2026-12-31');
    expect(nairobiDateString(new Date('2026-12-31T21:00:00Z'))).toBe('2027-01-01');
  });

  it('keeps Sunday 23:30 in Nairobi (20:30 UTC) in the old week and puts Monday 00:30 (21:30 UTC) in the new one', () => {
    expect(isoWeekLabel(new Date('2026-11-29T20:30:00Z'))).toBe('2026-W48');
    expect(isoWeekLabel(new Date('2026-11-29T21:30:00Z'))).toBe('2026-W49');
    expect(nairobiWeekStart(new Date('2026-11-29T20:30:00Z')).toISOString()).toBe('2026-11-22T21:00:00.000Z');
    expect(nairobiWeekStart(new Date('2026-11-29T21:30:00Z')).toISOString()).toBe('2026-11-29T21:00:00.000Z');
  });

  it('does not follow the machine time zone: a UTC Monday morning can be a Nairobi Monday already', () => {
    // 21:00 UTC on Sunday is midnight in Nairobi.
    expect(isoWeekLabel(new Date('2026-03-01T21:00:00Z'))).toBe('2026-W10');
    expect(isoWeekLabel(new Date('2026-03-01T20:59:59Z'))).toBe('2026-W09');
  });

  it('numbers weeks around the new year as ISO does, with 53-week years', () => {
    expect(isoWeekLabel(new Date('2026-12-31T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeekLabel(new Date('2027-01-03T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeekLabel(new Date('2027-01-03T21:00:00Z'))).toBe('2027-W01');
    expect(isoWeekLabel(new Date('2024-12-30T12:00:00Z'))).toBe('2025-W01');
    expect(isWeekLabel('2026-W53')).toBe(true);
    expect(isWeekLabel('2025-W53')).toBe(false);
    expect(isWeekLabel('2026-W5')).toBe(false);
  });

  it('lists consecutive weeks across the year boundary, each from Monday 00:00 Nairobi', () => {
    const weeks = weekRange('2026-W52', 3);
    expect(weeks.map((week) => week.label)).toEqual(['2026-W52', '2026-W53', '2027-W01']);
    expect(weeks.map((week) => week.start.toISOString())).toEqual([
      '2026-12-20T21:00:00.000Z',
      '2026-12-27T21:00:00.000Z',
      '2027-01-03T21:00:00.000Z',
    ]);
    expect(weeks[0].end).toEqual(weeks[1].start);
    expect(weekStartOfLabel('2027-W01')).toEqual(weeks[2].start);
    expect(shiftWeekLabel('2026-W52', 2)).toBe('2027-W01');
    expect(shiftWeekLabel('2025-W01', -1)).toBe('2024-W52');
    expect(() => weekStartOfLabel('2025-W53')).toThrow(RangeError);
  });
});

describe('Kenyan public holidays', () => {
  it('computes Easter and its holidays', () => {
    expect(easterSunday(2025)).toEqual({ month: 4, day: 20 });
    expect(easterSunday(2026)).toEqual({ month: 4, day: 5 });
    const dates = kenyanPublicHolidays(2026).map((holiday) => `${holiday.date} ${holiday.name}`);
    expect(dates).toContain('2026-04-03 Good Friday');
    expect(dates).toContain('2026-04-06 Easter Monday');
    expect(dates).toContain('2026-12-12 Jamhuri Day');
  });

  it('observes a Sunday holiday on the Monday after', () => {
    // Madaraka Day 2025 fell on a Sunday.
    expect(kenyanPublicHolidays(2025).map((holiday) => holiday.date)).toContain('2025-06-02');
  });

  it('takes a holiday on a working day out of the week, but not one on a Saturday', () => {
    // Christmas 2026 is a Friday; Boxing Day a Saturday.
    expect(holidaysInWeek({ week: '2026-W52' }).map((holiday) => holiday.name)).toEqual(['Christmas Day']);
    expect(workingShareOfWeek({ week: '2026-W52' })).toBe(0.8);
    // Jamhuri Day 2026 is a Saturday.
    expect(workingShareOfWeek({ week: '2026-W50' })).toBe(1);
    // Good Friday and Easter Monday fall in different weeks.
    expect(workingShareOfWeek({ week: '2026-W14' })).toBe(0.8);
    expect(workingShareOfWeek({ week: '2026-W15' })).toBe(0.8);
    expect(workingShareOfWeek({ week: '2026-W11', extra: [{ date: '2026-03-10', name: 'Idd-ul-Fitr' }] })).toBe(0.8);
  });
});

describe('splitting an artisan week between skills', () => {
  it('gives whole minutes that add up to the week', () => {
    expect(splitArtisanMinutes({ minutes: 1000, skills: ['brass-casting', 'brass-forming', 'horn-carving'] })).toEqual([
      ['brass-casting', 334],
      ['brass-forming', 333],
      ['horn-carving', 333],
    ]);
  });
});

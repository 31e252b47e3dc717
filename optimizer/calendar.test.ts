import { afterEach, describe, expect, it } from 'vitest';

import { allowedWeeks, formatDay, parseDay, weekEndDay, weekLabel, weekRangeLabel } from './calendar';

const startDay = parseDay('2026-11-23') as number;

describe('calendar', () => {
  const originalZone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalZone;
  });

  it('parses real dates only', () => {
    expect(formatDay(parseDay('2026-11-23') as number)).toBe('2026-11-23');
    expect(parseDay('2026-02-29')).toBeNull();
    expect(parseDay('2028-02-29')).not.toBeNull();
    expect(parseDay('2026-11-23T00:00:00Z')).toBeNull();
    expect(parseDay('23/11/2026')).toBeNull();
  });

  it('labels weeks by the ISO week of their first day, across a year end', () => {
    expect(weekLabel({ startDay, week: 0 })).toBe('2026-W48');
    expect(weekLabel({ startDay, week: 5 })).toBe('2026-W53');
    expect(weekLabel({ startDay, week: 6 })).toBe('2027-W01');
    expect(weekRangeLabel({ startDay, first: 0, last: 2 })).toBe('2026-W48 to 2026-W50');
  });

  it('gives the same labels and week ends in any time zone', () => {
    for (const zone of ['Africa/Nairobi', 'Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
      process.env.TZ = zone;
      expect(weekLabel({ startDay, week: 0 })).toBe('2026-W48');
      expect(weekLabel({ startDay, week: 6 })).toBe('2027-W01');
      expect(formatDay(weekEndDay({ startDay, week: 0 }))).toBe('2026-11-29');
    }
  });

  it('allows a week when it ends between release and due, inclusive', () => {
    const window = (release: string, due: string) =>
      allowedWeeks({ startDay, weeks: 3, releaseDay: parseDay(release) as number, dueDay: parseDay(due) as number });
    expect(window('2026-11-23', '2026-11-29')).toEqual({ first: 0, last: 0 });
    expect(window('2026-11-23', '2026-12-04')).toEqual({ first: 0, last: 0 });
    expect(window('2026-11-29', '2026-12-06')).toEqual({ first: 0, last: 1 });
    expect(window('2026-11-30', '2027-01-31')).toEqual({ first: 1, last: 2 });
    expect(window('2026-11-23', '2026-11-28')).toBeNull();
    expect(window('2026-12-14', '2026-12-20')).toBeNull();
    expect(window('2026-12-01', '2026-12-04')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';

import { capacityCellsOfWeeks } from '#server/capacity/capacity-cells-of-weeks';
import { jobDueDate } from '#server/capacity/job-due-date';
import { describeWorkingWeeks, toCapacityWeeks } from '#server/capacity/working-weeks';
import { type CapacityArtisan, computeCapacityCells } from '#server/domain/capacity-arithmetic';
import { availableMinutes, workingMinutesLeft, workingShareOfWeek } from '#server/domain/working-time';

/** An instant given as Nairobi wall-clock time (UTC+3 all year). */
const nairobi = (local: string) => new Date(`${local}+03:00`);

describe('working time left in a week, as of now', () => {
  // 2026-W10: Monday 2 to Sunday 8 March 2026, no public holiday. A whole week is 5 × 9 h = 2,700 min.
  const week = '2026-W10';

  it.each([
    ['before 08:00 on Monday', '2026-03-02T07:59', 2_700],
    ['Monday 08:00 sharp', '2026-03-02T08:00', 2_700],
    ['Monday 12:30', '2026-03-02T12:30', 2_700 - 270],
    ['Wednesday 12:30, half way', '2026-03-04T12:30', 1_350],
    ['Wednesday 20:00, between working days', '2026-03-04T20:00', 1_080],
    ['Friday 16:59', '2026-03-06T16:59', 1],
    ['Friday 17:00', '2026-03-06T17:00', 0],
    ['Friday 22:00, after the week’s work', '2026-03-06T22:00', 0],
    ['Saturday', '2026-03-07T10:00', 0],
    ['Sunday 23:59', '2026-03-08T23:59', 0],
  ])('%s', (_, local, minutes) => {
    expect(workingMinutesLeft({ week, now: nairobi(local) })).toBe(minutes);
    expect(workingShareOfWeek({ week, now: nairobi(local) })).toBe(minutes / 2_700);
  });

  it('gives a week not begun whole, a week gone by nothing, and the whole week without a now', () => {
    const wednesday = nairobi('2026-03-04T12:30');
    expect(workingMinutesLeft({ week: '2026-W11', now: wednesday })).toBe(2_700);
    expect(workingMinutesLeft({ week: '2026-W09', now: wednesday })).toBe(0);
    expect(workingMinutesLeft({ week })).toBe(2_700);
  });

  it('leaves out a public holiday, and ends the working week on the last day that is not one', () => {
    // 2026-W52: Christmas is Friday 25 December.
    const [christmasWeek] = describeWorkingWeeks({
      now: nairobi('2026-12-24T12:00'),
      weeks: ['2026-W52'],
      gazetted: [],
    });
    expect(christmasWeek.holidays.map((holiday) => holiday.name)).toEqual(['Christmas Day']);
    // Thursday 12:00–17:00 is all that is left: the Friday is a holiday.
    expect(christmasWeek.minutesLeft).toBe(300);
    expect(christmasWeek.workingTimeEnd).toEqual(nairobi('2026-12-24T17:00'));
    // Easter week 2026-W15: Easter Monday 6 April; as of the Sunday before, four days are left.
    const [easter] = describeWorkingWeeks({ now: nairobi('2026-04-05T09:00'), weeks: ['2026-W15'], gazetted: [] });
    expect(easter.minutesLeft).toBe(2_160);
    expect(easter.share).toBe(0.8);
    // A gazetted holiday counts the same.
    const [gazetted] = describeWorkingWeeks({
      now: nairobi('2026-03-04T12:30'),
      weeks: [week],
      gazetted: [{ date: '2026-03-05', name: 'Idd-ul-Fitr' }],
    });
    expect(gazetted.minutesLeft).toBe(270 + 540);
  });

  it('spreads declared hours over the working time, so what is left is in proportion', () => {
    expect(
      availableMinutes({ weeklyHours: 25, share: workingShareOfWeek({ week, now: nairobi('2026-03-04T12:30') }) }),
    ).toBe(750);
    expect(
      availableMinutes({ weeklyHours: 45, share: workingShareOfWeek({ week, now: nairobi('2026-03-06T16:00') }) }),
    ).toBe(60);
  });

  it('takes an artisan’s days away out of their own share only, and only days still ahead', () => {
    const now = nairobi('2026-03-04T12:30');
    const weeks = describeWorkingWeeks({ now, weeks: [week, '2026-W11'], gazetted: [] });
    const absentDays = new Map([
      // Away Monday (past) and Thursday: only Thursday's 540 minutes go.
      ['a1', new Set(['2026-03-02', '2026-03-05'])],
      // Away Saturday and Sunday: nothing changes.
      ['a2', new Set(['2026-03-07', '2026-03-08'])],
      // Away the whole of next week.
      ['a3', new Set(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'])],
    ]);
    const [thisWeek, nextWeek] = toCapacityWeeks({ weeks, now, absentDays });
    expect(thisWeek.share).toBe(0.5);
    expect(thisWeek.shareByArtisan).toEqual(new Map([['a1', (1_350 - 540) / 2_700]]));
    expect(nextWeek.shareByArtisan).toEqual(new Map([['a3', 0]]));
  });
});

describe('when a job offered now is due', () => {
  const now = nairobi('2026-03-04T12:30');
  const [thisWeek, nextWeek] = describeWorkingWeeks({ now, weeks: ['2026-W10', '2026-W11'], gazetted: [] });

  it('is the end of its week’s working time, or the ship-by when that comes first', () => {
    expect(jobDueDate({ week: thisWeek, shipBy: nairobi('2026-03-13T17:00'), now })).toEqual(
      nairobi('2026-03-06T17:00'),
    );
    expect(jobDueDate({ week: nextWeek, shipBy: nairobi('2026-03-11T10:00'), now })).toEqual(
      nairobi('2026-03-11T10:00'),
    );
  });

  it('is never before the offer, and there is none for a week with no working time left', () => {
    expect(jobDueDate({ week: thisWeek, shipBy: nairobi('2026-03-01T10:00'), now })).toEqual(now);
    const saturday = nairobi('2026-03-07T10:00');
    const [over] = describeWorkingWeeks({ now: saturday, weeks: ['2026-W10'], gazetted: [] });
    expect(jobDueDate({ week: over, shipBy: nairobi('2026-03-13T17:00'), now: saturday })).toBeNull();
  });

  it('moves to Thursday 17:00 when the Friday is a holiday', () => {
    const [christmasWeek] = describeWorkingWeeks({
      now: nairobi('2026-12-21T09:00'),
      weeks: ['2026-W52'],
      gazetted: [],
    });
    expect(
      jobDueDate({ week: christmasWeek, shipBy: nairobi('2027-01-08T17:00'), now: nairobi('2026-12-21T09:00') }),
    ).toEqual(nairobi('2026-12-24T17:00'));
  });
});

describe('capacity cells for the whole network', () => {
  it('are the plain arithmetic’s, days away and the multi-skill split included, however often asked', () => {
    const now = nairobi('2026-03-04T12:30');
    const artisans: CapacityArtisan[] = [
      { artisanId: 'a1', workshopId: 'w1', skills: ['brass-casting', 'brass-forming'], weeklyHours: 25 },
      { artisanId: 'a2', workshopId: 'w1', skills: ['brass-casting'], weeklyHours: 20 },
      { artisanId: 'a3', workshopId: 'w2', skills: ['horn-carving', 'bone-carving', 'wood-turning'], weeklyHours: 17 },
    ];
    const weeks = toCapacityWeeks({
      weeks: describeWorkingWeeks({ now, weeks: ['2026-W10', '2026-W11'], gazetted: [] }),
      now,
      absentDays: new Map([
        ['a1', new Set(['2026-03-05'])],
        ['a3', new Set(['2026-03-09', '2026-03-10'])],
      ]),
    });
    const plain = computeCapacityCells({ artisans, weeks }).map(({ freeMinutes: _free, ...cell }) => cell);
    for (let time = 0; time < 2; time++) {
      const fast = capacityCellsOfWeeks({ artisans, weeks }).map(({ freeMinutes: _free, ...cell }) => cell);
      expect(fast).toEqual(expect.arrayContaining(plain));
      expect(fast).toHaveLength(plain.length);
    }
    // a1 away Thursday: 25 h × (1,350 − 540) / 2,700 = 450 min, split 225 / 225.
    expect(plain).toContainEqual({
      workshopId: 'w1',
      skill: 'brass-forming',
      week: '2026-W10',
      capacityMinutes: 225,
      committedMinutes: 0,
    });
  });
});

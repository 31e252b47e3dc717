import { type Types } from 'mongoose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { declareGazettedHolidays, readCapacity, summariseCapacityByWeekAndSkill } from '#server/capacity/index';
import { clearReadModelCaches } from '#server/dashboard/read-model-cache';
import { isoWeekLabel } from '#server/domain/weeks';
import { Artisan } from '#server/models/artisan';
import { Job } from '#server/models/job';
import { Workshop } from '#server/models/workshop';

import { makeActor } from '../../factories/actors';
import { makeJob } from '../../factories/jobs';
import { makeArtisan, makeWorkshop } from '../../factories/network';
import { clearDomainDatabase, connectDomainDatabase, disconnectDomainDatabase } from '../../support/domain-database';

/** Friday 18 December 2026, 18:00 in Nairobi: the weeks read below are all still ahead. */
const BEFORE = new Date('2026-12-18T15:00:00Z');
const cellsOf = async (weeks: `${number}-W${string}`[], now = BEFORE) =>
  (await readCapacity({ now, weeks, fresh: true })).cells;

describe('weekly capacity', () => {
  let workshopId: string;
  let workshopObjectId: Types.ObjectId;

  beforeAll(connectDomainDatabase);
  afterAll(disconnectDomainDatabase);
  beforeEach(async () => {
    await clearDomainDatabase();
    clearReadModelCaches();
    const workshop = await Workshop.create(makeWorkshop({ skills: ['brass-casting', 'brass-forming'] }));
    const closed = await Workshop.create(makeWorkshop({ active: false }));
    workshopId = String(workshop._id);
    workshopObjectId = workshop._id;
    await Artisan.create([
      makeArtisan({ workshop: workshop._id, skills: ['brass-casting'], weeklyHours: 25 }),
      makeArtisan({ workshop: workshop._id, skills: ['brass-casting', 'brass-forming'], weeklyHours: 20 }),
      makeArtisan({ workshop: workshop._id, skills: ['brass-casting'], weeklyHours: 30, status: 'paused' }),
      makeArtisan({ workshop: closed._id, skills: ['brass-casting'], weeklyHours: 40 }),
    ]);
    await Job.create([
      makeJob({
        workshop: workshop._id,
        plannedWeek: '2026-W52',
        status: 'in_progress',
        quantity: 10,
        labourMinutesPerUnit: 60,
      }),
      makeJob({ workshop: workshop._id, plannedWeek: '2026-W52', status: 'declined', quantity: 50 }),
      makeJob({
        workshop: workshop._id,
        plannedWeek: '2026-W53',
        status: 'offered',
        skill: 'brass-forming',
        quantity: 5,
        labourMinutesPerUnit: 90,
      }),
      makeJob({ workshop: workshop._id, plannedWeek: '2026-W53', status: 'cancelled', quantity: 40 }),
      makeJob({ workshop: workshop._id, plannedWeek: '2027-W02', status: 'accepted', quantity: 40 }),
    ]);
  });

  it('adds active artisans’ hours, removes holidays and committed jobs, across the year boundary', async () => {
    const cells = await cellsOf(['2026-W52', '2026-W53', '2027-W01']);
    const view = cells.map((cell) => [
      cell.week,
      cell.skill,
      cell.capacityMinutes,
      cell.committedMinutes,
      cell.freeMinutes,
    ]);
    expect(cells.every((cell) => cell.workshopId === workshopId)).toBe(true);
    // Christmas (Friday 25 Dec) and New Year's Day (Friday 1 Jan) each take a fifth of their week.
    // The two-skill artisan's week is split evenly between her skills.
    expect(view).toEqual([
      ['2026-W52', 'brass-casting', 1_200 + 480, 600, 1_080],
      ['2026-W52', 'brass-forming', 480, 0, 480],
      ['2026-W53', 'brass-casting', 1_680, 0, 1_680],
      ['2026-W53', 'brass-forming', 480, 450, 30],
      ['2027-W01', 'brass-casting', 1_500 + 600, 0, 2_100],
      ['2027-W01', 'brass-forming', 600, 0, 600],
    ]);
  });

  it('starts "this week" at Monday 00:00 in Nairobi, not at midnight UTC', async () => {
    // Sunday 20 December 2026, 23:30 in Nairobi: still week 51, whose working time is over.
    const sundayNight = new Date('2026-12-20T20:30:00Z');
    expect(isoWeekLabel(sundayNight)).toBe('2026-W51');
    const [over, christmasWeek] = [await cellsOf(['2026-W51'], sundayNight), await cellsOf(['2026-W52'], sundayNight)];
    expect(over.map((cell) => [cell.week, cell.skill, cell.capacityMinutes])).toEqual([
      ['2026-W51', 'brass-casting', 0],
      ['2026-W51', 'brass-forming', 0],
    ]);
    expect(christmasWeek[0]).toMatchObject({ week: '2026-W52', skill: 'brass-casting', capacityMinutes: 1_680 });
    // An hour later it is Monday 00:30 in Nairobi (21:30 UTC on Sunday): Christmas week, not begun.
    const mondayMorning = new Date('2026-12-20T21:30:00Z');
    expect(isoWeekLabel(mondayMorning)).toBe('2026-W52');
    expect((await cellsOf(['2026-W52'], mondayMorning))[0]).toMatchObject({ capacityMinutes: 1_680 });
  });

  it('never reports negative free time for an over-committed week, and sums the network', async () => {
    await Job.create(
      makeJob({
        workshop: workshopObjectId,
        plannedWeek: '2027-W01',
        skill: 'brass-forming',
        quantity: 100,
        labourMinutesPerUnit: 30,
      }),
    );
    const cells = await cellsOf(['2027-W01']);
    expect(cells.find((cell) => cell.skill === 'brass-forming')).toMatchObject({
      capacityMinutes: 600,
      committedMinutes: 3_000,
      freeMinutes: 0,
    });
    expect(summariseCapacityByWeekAndSkill(cells)).toEqual([
      {
        week: '2027-W01',
        skill: 'brass-casting',
        workshops: 1,
        capacityMinutes: 2_100,
        committedMinutes: 0,
        freeMinutes: 2_100,
      },
      {
        week: '2027-W01',
        skill: 'brass-forming',
        workshops: 1,
        capacityMinutes: 600,
        committedMinutes: 3_000,
        freeMinutes: 0,
      },
    ]);
  });

  it('removes a gazetted one-off holiday, like a fixed one, once it is declared', async () => {
    const casting = (cells: Awaited<ReturnType<typeof cellsOf>>) =>
      cells.find((cell) => cell.skill === 'brass-casting')?.capacityMinutes;
    // Read once through the kept figures, so the declaration must drop them.
    const kept = () => readCapacity({ now: BEFORE, weeks: ['2027-W02'] }).then((capacity) => capacity.cells);
    expect(casting(await kept())).toBe(2_100);
    // Idd-ul-Fitr as if gazetted for Wednesday 13 Jan 2027 (2027-W02): a fifth of that week goes.
    await declareGazettedHolidays({
      actor: makeActor('admin'),
      holidays: [{ date: '2027-01-13', name: 'Idd-ul-Fitr' }],
    });
    expect(casting(await cellsOf(['2027-W02']))).toBe(1_680);
    expect(casting(await kept())).toBe(1_680);
  });

  it('names the field of a bad request', async () => {
    await expect(
      declareGazettedHolidays({ actor: makeActor('admin'), holidays: [{ date: '13/01/2027', name: 'Idd' }] }),
    ).rejects.toMatchObject({ field: 'holidays.0.date' });
    await expect(
      declareGazettedHolidays({ actor: makeActor('admin'), holidays: [{ date: '2027-02-30', name: 'Idd' }] }),
    ).rejects.toMatchObject({ field: 'holidays.0.date' });
    await expect(declareGazettedHolidays({ actor: makeActor('admin'), holidays: [] })).rejects.toMatchObject({
      field: 'holidays',
    });
    await expect(readCapacity({ now: BEFORE, weeks: ['2025-W53', '2026-W01'] })).rejects.toMatchObject({
      field: 'weeks.0',
    });
    await expect(readCapacity({ now: BEFORE, weeks: [] })).rejects.toMatchObject({ field: 'weeks' });
    await expect(readCapacity({ now: BEFORE, weeks: ['2026-W01'], workshopIds: ['KIB-001'] })).rejects.toMatchObject({
      field: 'workshopIds.0',
    });
    await expect(readCapacity({ now: undefined as unknown as Date, weeks: ['2026-W01'] })).rejects.toMatchObject({
      field: 'now',
    });
  });
});

import { Types } from 'mongoose';
import { beforeEach, describe, expect, it } from 'vitest';

import { listRecentEvents } from '#server/dashboard/list-recent-events';
import { listWorkshops, WorkshopListQuery } from '#server/dashboard/list-workshops';
import { readJobsBoard } from '#server/dashboard/read-jobs-board';
import { readWorkshopDetail } from '#server/dashboard/read-workshop-detail';
import { ValidationError } from '#server/domain/errors';
import { domainEvents } from '#server/domain-events';
import { AuditEvent, Job, Payment } from '#server/models/index';

import { HAND_NOW, seedHandNetworkForEachTest } from './hand-network';

describe('workshops, jobs board and live feed on the hand-made network', () => {
  const network = seedHandNetworkForEachTest();

  beforeEach(async () => {
    const { wa, wb } = network().workshops;
    const payment = (workshop: typeof wa, cents: number, createdAt: string, status = 'confirmed') => ({
      job: new Types.ObjectId(),
      payee: { kind: 'workshop', workshop: workshop._id },
      phone: '+254700000001',
      quantity: 1,
      pieceRateCents: cents,
      amountCents: cents,
      provider: 'mpesa',
      status,
      createdAt: new Date(createdAt),
      updatedAt: new Date(createdAt),
    });
    await Payment.collection.insertMany([
      // 1 March 00:30 in Nairobi: this month.
      payment(wa, 150_000, '2026-02-28T21:30:00Z'),
      // 28 February 23:30 in Nairobi: last month.
      payment(wa, 999_000, '2026-02-28T20:30:00Z'),
      payment(wa, 777_000, '2026-03-03T09:00:00Z', 'failed'),
      payment(wb, 40_000, '2026-03-03T09:00:00Z', 'pending'),
    ]);
  });

  it('gives each workshop its capacity against load for three weeks and its earnings this month', async () => {
    const page = await listWorkshops({ query: WorkshopListQuery.parse({}), now: HAND_NOW });
    expect(page.rows.map((row) => row.code)).toEqual([network().workshops.wa.code, network().workshops.wb.code].sort());
    const wa = page.rows.find((row) => row.id === String(network().workshops.wa._id));
    const wb = page.rows.find((row) => row.id === String(network().workshops.wb._id));
    // WA: A1 20 h + A2 10 h = 1,800 min a week, half of it left in W10; W10 holds J1 480 + J2 180 + J7 240.
    expect(wa?.weeks).toEqual([
      { week: '2026-W10', capacityMinutes: 900, committedMinutes: 900 },
      { week: '2026-W11', capacityMinutes: 1_800, committedMinutes: 0 },
      { week: '2026-W12', capacityMinutes: 1_800, committedMinutes: 0 },
    ]);
    expect(wb?.weeks.map((week) => week.committedMinutes)).toEqual([300, 200, 0]);
    expect(wa?.artisans).toBe(2);
    expect(wa?.earningsThisMonthCents).toBe(150_000);
    expect(wb?.earningsThisMonthCents).toBe(40_000);
  });

  it('filters and sorts workshops, inactive ones only when asked', async () => {
    const all = await listWorkshops({ query: WorkshopListQuery.parse({ active: 'all' }), now: HAND_NOW });
    expect(all.total).toBe(3);
    const beading = await listWorkshops({
      query: WorkshopListQuery.parse({ skill: 'beading-wire-work' }),
      now: HAND_NOW,
    });
    expect(beading.rows.map((row) => row.id)).toEqual([String(network().workshops.wb._id)]);
    // Load this week, against what is left of it: WA 900/900 = 100 %, WB 300/1,200 = 25 %.
    const byLoad = await listWorkshops({
      query: WorkshopListQuery.parse({ sort: 'load', dir: 'desc' }),
      now: HAND_NOW,
    });
    expect(byLoad.rows.map((row) => row.id)).toEqual([
      String(network().workshops.wa._id),
      String(network().workshops.wb._id),
    ]);
    expect(() => WorkshopListQuery.parse({ area: 'Atlantis' })).toThrow(/areas/);
  });

  it('shows a workshop with its artisans’ work this week', async () => {
    const detail = await readWorkshopDetail({ workshopId: String(network().workshops.wa._id), now: HAND_NOW });
    const byName = new Map(detail.artisans.map((artisan) => [artisan.name, artisan]));
    // A2 holds J1 (8) and J7 (4) in W10; A1 holds J2 (6).
    expect(byName.get(network().artisans.a2.name)).toMatchObject({ jobsThisWeek: 2, unitsThisWeek: 12 });
    expect(byName.get(network().artisans.a1.name)).toMatchObject({ jobsThisWeek: 1, unitsThisWeek: 6 });
    expect(byName.get(network().artisans.a3.name)).toMatchObject({ status: 'paused', jobsThisWeek: 0 });
    expect(detail.jobs.map((job) => job.id).sort()).toEqual(
      [network().jobs.j1, network().jobs.j2, network().jobs.j3, network().jobs.j7].map((job) => String(job._id)).sort(),
    );
    expect(detail.earningsThisMonthCents).toBe(150_000);
  });

  it('keeps a workshop’s jobs until an event names that workshop, and its capacity as of each view', async () => {
    const wa = String(network().workshops.wa._id);
    const read = (now = HAND_NOW) => readWorkshopDetail({ workshopId: wa, now });
    const quantityOfJ1 = async () =>
      (await read()).jobs.find((job) => job.id === String(network().jobs.j1._id))?.quantity;
    expect(await quantityOfJ1()).toBe(8);
    // Written without an event: the kept rows still answer…
    await Job.updateOne({ _id: network().jobs.j1._id }, { $set: { quantity: 9 } });
    expect(await quantityOfJ1()).toBe(8);
    // …another workshop's job moving leaves them…
    const move = {
      jobId: 'j',
      orderId: 'o',
      artisanId: null,
      from: 'accepted',
      to: 'in_progress',
      week: '2026-W10',
    } as const;
    domainEvents.publish('job:status', { ...move, workshopId: String(network().workshops.wb._id) });
    expect(await quantityOfJ1()).toBe(8);
    // …and one of this workshop's drops them.
    domainEvents.publish('job:status', { ...move, workshopId: wa });
    expect(await quantityOfJ1()).toBe(9);
    // Capacity is as of the view, kept rows or not: an hour later less of the week is left.
    const later = await read(new Date(HAND_NOW.getTime() + 60 * 60_000));
    const capacityThisWeek = (detail: Awaited<ReturnType<typeof read>>) =>
      detail.loads.filter((load) => load.week === '2026-W10').reduce((sum, load) => sum + load.capacityMinutes, 0);
    expect(capacityThisWeek(later)).toBeLessThan(capacityThisWeek(await read()));
  });

  it('puts a week’s jobs in status columns with counts, and finished ones apart', async () => {
    const board = await readJobsBoard({ query: {}, now: HAND_NOW });
    expect(board.week).toBe('2026-W10');
    expect(Object.fromEntries(board.columns.map((column) => [column.status, column.count]))).toEqual({
      offered: 0,
      accepted: 1,
      in_progress: 1,
      ready_for_qc: 1,
      failed: 1,
      passed: 0,
    });
    expect(board.columns.find((column) => column.status === 'failed')?.cards[0]).toMatchObject({
      id: String(network().jobs.j7._id),
      quantity: 4,
      passedQuantity: 1,
      artisan: network().artisans.a2.name,
    });
    expect(board.finished).toEqual([
      { status: 'paid', count: 0 },
      { status: 'declined', count: 1 },
      { status: 'cancelled', count: 0 },
    ]);
  });

  it('marks the jobs due before now and not yet made as late, on their cards and in their column', async () => {
    const afterDue = new Date('2026-12-01T06:00:00Z'); // after every due date of the network
    const board = await readJobsBoard({ query: { week: '2026-W10' }, now: afterDue });
    const column = (status: string) => board.columns.find((entry) => entry.status === status)!;
    expect(column('accepted')).toMatchObject({ count: 1, late: 1 });
    expect(column('accepted').cards[0].late).toBe(true);
    expect(column('accepted').cards[0].product).not.toBe('');
    // At QC the units are made: no longer late, though the due date has passed.
    expect(column('ready_for_qc')).toMatchObject({ count: 1, late: 0 });
    expect(column('ready_for_qc').cards[0].late).toBe(false);
  });

  it('opens one column alone with all its jobs, a page past the end showing the last page', async () => {
    const opened = await readJobsBoard({ query: { week: 'all', column: 'accepted', page: 99 }, now: HAND_NOW });
    expect(opened.columns.map((column) => column.status)).toEqual(['accepted']);
    expect(opened.opened).toEqual({ status: 'accepted', page: 1, pageCount: 1 });
    expect(opened.columns[0].cards).toHaveLength(opened.columns[0].count);
    const board = await readJobsBoard({ query: { week: 'all' }, now: HAND_NOW });
    expect(board.opened).toBeNull();
    expect(board.columns).toHaveLength(6);
  });

  it('shows every week’s open jobs, and one workshop’s by its code', async () => {
    const all = await readJobsBoard({ query: { week: 'all' }, now: HAND_NOW });
    expect(all.columns.find((column) => column.status === 'offered')?.count).toBe(1);
    const wb = await readJobsBoard({ query: { workshop: network().workshops.wb.code.toLowerCase() }, now: HAND_NOW });
    expect(wb.workshop?.id).toBe(String(network().workshops.wb._id));
    expect(wb.columns.filter((column) => column.count > 0).map((column) => column.status)).toEqual(['ready_for_qc']);
    await expect(readJobsBoard({ query: { workshop: 'ZZZ-999' }, now: HAND_NOW })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('describes recent order and job events in words, newest first, without other entities', async () => {
    const at = (minutes: number) => new Date(HAND_NOW.getTime() + minutes * 60_000);
    const actor = { kind: 'user', role: 'artisan', label: 'Wanjiku' };
    await AuditEvent.collection.insertMany([
      {
        at: at(1),
        actor,
        entity: { kind: 'order', id: network().orders.o1._id },
        action: 'order.created',
        after: null,
        before: null,
      },
      {
        at: at(2),
        actor,
        entity: { kind: 'user', id: new Types.ObjectId() },
        action: 'user.created',
        after: null,
        before: null,
      },
      {
        at: at(3),
        actor,
        entity: { kind: 'job', id: network().jobs.j1._id },
        action: 'job.accepted',
        after: null,
        before: null,
      },
    ]);
    const feed = await listRecentEvents({ limit: 10 });
    expect(feed.map((item) => item.action)).toEqual(['job.accepted', 'order.created']);
    expect(feed[0].summary).toBe(
      `Job accepted at ${network().workshops.wa.code}: 8 units of ${network().orders.o2.reference} (2026-W10)`,
    );
    expect(feed[0].subject).toEqual({ kind: 'order', orderId: String(network().orders.o2._id) });
    expect(feed[1].summary).toBe(`New order ${network().orders.o1.reference}`);
    expect(feed[1].actor).toBe('Wanjiku');
  });
});

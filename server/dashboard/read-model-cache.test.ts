import { describe, expect, it } from 'vitest';

import { type JobMove, moveKeepsNetworkFigures } from '../domain/job-status';
import { type WeekLabel } from '../domain/weeks';
import { domainEvents } from '../domain-events';
import { cachedBatchReadModel, cachedReadModel, droppedBy } from './read-model-cache';

const jobMoved = (week: WeekLabel, orderId = 'o1', move: JobMove = { from: 'offered', to: 'accepted' }) =>
  domainEvents.publish('job:status', {
    jobId: 'j1',
    orderId,
    workshopId: 'w1',
    artisanId: null,
    ...move,
    week,
  });

describe('cached read models', () => {
  it('keeps a result until an event drops it, and shares a computation in flight', async () => {
    let computed = 0;
    const read = cachedReadModel<string, number>({
      name: 'test-all',
      invalidatedBy: ['order:created'],
      maxAgeMs: 60_000,
      keyOf: (input) => input,
      compute: async () => ++computed,
    });
    const [a, b] = await Promise.all([read('x'), read('x')]);
    expect([a, b, computed]).toEqual([1, 1, 1]);
    expect(await read('x')).toBe(1);
    domainEvents.publish('order:created', { orderId: 'o', source: 'web', shipByWeek: '2026-W10', units: 1 });
    expect(await read('x')).toBe(2);
  });

  it('drops only the keys an event names', async () => {
    const computed: string[] = [];
    const read = cachedReadModel<string, string>({
      name: 'test-keys',
      invalidatedBy: { 'job:status': (event) => [event.week] },
      maxAgeMs: 60_000,
      keyOf: (week) => week,
      compute: async (week) => {
        computed.push(week);
        return `${week}#${computed.length}`;
      },
    });
    await read('2026-W10');
    await read('2026-W11');
    jobMoved('2026-W11');
    expect(await read('2026-W10')).toBe('2026-W10#1');
    expect(await read('2026-W11')).toBe('2026-W11#3');
  });

  it('lets an event decide from its payload to drop everything or nothing', async () => {
    let computed = 0;
    const read = cachedReadModel<string, number>({
      name: 'test-decided',
      invalidatedBy: droppedBy(['order:created'], {
        'job:status': (event) => (moveKeepsNetworkFigures(event) ? [] : 'all'),
      }),
      maxAgeMs: 60_000,
      keyOf: (input) => input,
      compute: async () => ++computed,
    });
    expect([await read('a'), await read('b')]).toEqual([1, 2]);
    // Starting an accepted job, or reworking a failed one, changes no network figure.
    jobMoved('2026-W10', 'o1', { from: 'accepted', to: 'in_progress' });
    jobMoved('2026-W10', 'o1', { from: 'failed', to: 'in_progress' });
    expect([await read('a'), await read('b')]).toEqual([1, 2]);
    // Handing work to inspection changes what is left to make: every kept result goes.
    jobMoved('2026-W10', 'o1', { from: 'in_progress', to: 'ready_for_qc' });
    expect([await read('a'), await read('b')]).toEqual([3, 4]);
    // So do an acceptance (it names the artisan), a payment and a cancellation.
    for (const move of [
      { from: 'offered', to: 'accepted' },
      { from: 'passed', to: 'paid' },
      { from: 'accepted', to: 'cancelled' },
      { from: null, to: 'offered' },
    ] satisfies JobMove[]) {
      const before = computed;
      jobMoved('2026-W10', 'o1', move);
      await read('a');
      expect(computed, `${move.from} → ${move.to}`).toBe(before + 1);
    }
  });

  it('does not keep a result whose computation began before a change', async () => {
    let release: () => void = () => {};
    let calls = 0;
    const read = cachedReadModel<void, number>({
      name: 'test-race',
      invalidatedBy: ['job:status'],
      maxAgeMs: 60_000,
      keyOf: () => 'all',
      compute: async () => {
        calls += 1;
        if (calls === 1) await new Promise<void>((resolve) => (release = resolve));
        return calls;
      },
    });
    const first = read();
    jobMoved('2026-W10');
    release();
    expect(await first).toBe(1);
    expect(await read()).toBe(2);
  });

  it('serves an aged result once more while computing a fresh one, and keeps no failure', async () => {
    let calls = 0;
    const read = cachedReadModel<void, number>({
      name: 'test-age',
      invalidatedBy: [],
      maxAgeMs: 20,
      keyOf: () => 'all',
      compute: async () => {
        calls += 1;
        if (calls === 1 || calls === 3) throw new Error('database away');
        return calls;
      },
    });
    await expect(read()).rejects.toThrow('database away');
    expect(await read()).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 30));
    // Aged: the old result now, a refresh behind it (which fails, so the old one stays).
    expect(await read()).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await read()).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await read()).toBe(4);
    expect(calls).toBe(4);
  });

  it('reads many keys at once, computing only those it does not hold', async () => {
    const asked: string[][] = [];
    const read = cachedBatchReadModel<number>({
      name: 'test-batch',
      invalidatedBy: { 'job:status': (event) => [event.orderId] },
      maxAgeMs: 60_000,
      computeMany: async (keys) => {
        asked.push(keys);
        return new Map(keys.map((key) => [key, asked.length]));
      },
    });
    expect([...(await read(['a', 'b', 'c']))]).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 1],
    ]);
    jobMoved('2026-W10', 'b');
    expect([...(await read(['a', 'b', 'c', 'd']))]).toEqual([
      ['a', 1],
      ['c', 1],
      ['b', 2],
      ['d', 2],
    ]);
    expect(asked).toEqual([
      ['a', 'b', 'c'],
      ['b', 'd'],
    ]);
  });
});

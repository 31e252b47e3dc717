import { type Types } from 'mongoose';

import { type Skill } from '../domain/skills';
import { availableMinutes } from '../domain/working-time';
import { type Random } from './random';

/** An artisan as the generator schedules them. */
export interface SchedulableArtisan {
  id: Types.ObjectId;
  workshopId: Types.ObjectId;
  skills: readonly Skill[];
  weeklyHours: number;
  phone: string;
  name: string;
  /** First and last production week (indexes on the generator's timeline) they worked. */
  firstWeek: number;
  lastWeek: number;
}

export interface Allocation {
  artisan: SchedulableArtisan;
  quantity: number;
}

/**
 * One production week of the demo network: who is free for which skill, and how many minutes
 * each artisan has left. Work goes first to those who worked least recently, as a planner
 * spreading work fairly would give it.
 */
export function createArtisanWeekPool({
  artisans,
  weekIndex,
  share,
  lastWorked,
  random,
}: {
  artisans: readonly SchedulableArtisan[];
  weekIndex: number;
  share: number;
  /** Week index each artisan last had work; updated as work is given. */
  lastWorked: Map<SchedulableArtisan, number>;
  random: Random;
}) {
  const remaining = new Map<SchedulableArtisan, number>();
  const queues = new Map<Skill, SchedulableArtisan[]>();
  const working = artisans.filter((artisan) => artisan.firstWeek <= weekIndex && weekIndex <= artisan.lastWeek);
  for (const artisan of random.shuffle(working)) {
    remaining.set(artisan, availableMinutes({ weeklyHours: artisan.weeklyHours, share }));
    for (const skill of artisan.skills) {
      const queue = queues.get(skill) ?? [];
      queue.push(artisan);
      queues.set(skill, queue);
    }
  }
  for (const queue of queues.values()) {
    queue.sort((left, right) => (lastWorked.get(left) ?? -1_000) - (lastWorked.get(right) ?? -1_000));
  }
  const cursors = new Map<Skill, number>();

  function minutesLeft(skill: Skill): number {
    const queue = queues.get(skill) ?? [];
    return queue.slice(cursors.get(skill) ?? 0).reduce((sum, artisan) => sum + (remaining.get(artisan) ?? 0), 0);
  }

  /** Gives up to `units` to free artisans of `skill`; fewer when the week is full. */
  function allocate({
    skill,
    units,
    minutesPerUnit,
  }: {
    skill: Skill;
    units: number;
    minutesPerUnit: number;
  }): Allocation[] {
    const queue = queues.get(skill) ?? [];
    const allocations: Allocation[] = [];
    let left = units;
    let cursor = cursors.get(skill) ?? 0;
    while (left > 0 && cursor < queue.length) {
      const artisan = queue[cursor];
      const fits = Math.floor((remaining.get(artisan) ?? 0) / minutesPerUnit);
      if (fits <= 0) {
        cursor++;
        continue;
      }
      const quantity = Math.min(left, fits);
      allocations.push({ artisan, quantity });
      remaining.set(artisan, (remaining.get(artisan) ?? 0) - quantity * minutesPerUnit);
      lastWorked.set(artisan, weekIndex);
      left -= quantity;
    }
    cursors.set(skill, cursor);
    return allocations;
  }

  return { allocate, minutesLeft };
}

export type ArtisanWeekPool = ReturnType<typeof createArtisanWeekPool>;

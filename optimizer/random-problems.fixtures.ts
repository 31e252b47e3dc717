import fc from 'fast-check';

import { formatDay, parseDay } from './calendar';
import { type ProblemInput } from './types';

// Random planning problems for the optimizer's property tests: a few workshops and jobs over 1–3
// weeks, with every rule the problem can carry (lots, splits, release and due dates, priorities).

const SKILLS = ['brass-casting', 'horn-carving', 'ceramic-beads'];
const STARTS = ['2026-11-23', '2026-12-28', '2027-03-01'];

const workshopArbitrary = (weeks: number) =>
  fc.record({
    skills: fc.subarray(SKILLS, { minLength: 1 }),
    artisans: fc.integer({ min: 1, max: 9 }),
    capacityMinutes: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })), {
      minLength: weeks,
      maxLength: weeks,
    }),
  });

const jobArbitrary = fc.record({
  // 'bone-carving' is never a workshop skill: exercises the no-skill reason.
  skill: fc.constantFrom(...SKILLS, 'bone-carving'),
  quantity: fc.integer({ min: 1, max: 200 }),
  minutesPerUnit: fc.oneof(fc.integer({ min: 1, max: 90 }), fc.constantFrom(2.5, 12.5, 7.25)),
  pieceRateCents: fc.integer({ min: 0, max: 20_000 }),
  dueOffset: fc.integer({ min: 0, max: 27 }),
  releaseOffset: fc.option(fc.integer({ min: -3, max: 20 }), { nil: undefined }),
  priority: fc.option(fc.constantFrom(1, 2, 3), { nil: undefined }),
  minLot: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  maxSplit: fc.option(fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(null)), { nil: undefined }),
});

export const problemArbitrary = fc
  .record({ start: fc.constantFrom(...STARTS), weeks: fc.integer({ min: 1, max: 3 }), fairness: fc.boolean() })
  .chain(({ start, weeks, fairness }) =>
    fc
      .record({
        workshops: fc.array(workshopArbitrary(weeks), { minLength: 0, maxLength: 6 }),
        jobs: fc.array(jobArbitrary, { minLength: 0, maxLength: 12 }),
      })
      .map(({ workshops, jobs }): ProblemInput => {
        const startDay = parseDay(start) as number;
        return {
          horizon: { start, weeks },
          workshops: workshops.map((w, i) => ({ id: `W${String(i + 1).padStart(2, '0')}`, ...w })),
          jobs: jobs.map(({ dueOffset, releaseOffset, ...job }, i) => ({
            id: `J${String(i + 1).padStart(2, '0')}`,
            ...job,
            dueDate: formatDay(startDay + dueOffset),
            ...(releaseOffset === undefined
              ? {}
              : { releaseDate: formatDay(startDay + Math.min(releaseOffset, dueOffset)) }),
          })),
          options: { timeLimitMs: 10_000, fairness },
        };
      }),
  );

import { z } from 'zod';

// The shape of a planning problem. Cross-field rules (lengths, unique ids, date order) live in
// validate-problem.ts; this file only says what each field must look like.

const MAX_WEEKS = 52;
const DATE_FORMAT = /^\d{4}-\d{2}-\d{2}$/;

/** Zod error for a field of the wrong type: "is required" when it is missing altogether. */
const expected = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'is required' : `must be ${what}`;

const text = (what: string) =>
  z.string({ error: expected(what) }).refine((value) => value.trim() !== '', { error: `must be ${what}` });

const calendarDate = z
  .string({ error: expected('a date written YYYY-MM-DD') })
  .regex(DATE_FORMAT, { error: 'must be a date written YYYY-MM-DD' });

const wholeNumber = ({ min, max = Number.MAX_SAFE_INTEGER }: { min: number; max?: number }) =>
  z
    .number({ error: expected('a number') })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

const positiveAmount = z
  .number({ error: expected('a number') })
  .refine((value) => Number.isFinite(value) && value > 0, { error: 'must be a finite number above 0' });

const freeMinutes = z
  .number({ error: expected('a number') })
  .refine((value) => Number.isFinite(value) && value >= 0, { error: 'must be a finite number of minutes, 0 or more' });

export const workshopSchema = z.strictObject(
  {
    id: text('a non-empty id'),
    skills: z.array(text('a non-empty skill name'), { error: expected('a list of skill names') }).min(1, {
      error: 'must name at least one skill',
    }),
    artisans: wholeNumber({ min: 0 }),
    capacityMinutes: z.array(freeMinutes, { error: expected('a list of free minutes, one per horizon week') }),
  },
  { error: 'must be an object' },
);

export const jobSchema = z.strictObject(
  {
    id: text('a non-empty id'),
    skill: text('a non-empty skill name'),
    quantity: wholeNumber({ min: 1 }),
    minutesPerUnit: positiveAmount,
    pieceRateCents: wholeNumber({ min: 0 }),
    dueDate: calendarDate,
    releaseDate: calendarDate.optional(),
    priority: z
      .union([z.literal(1), z.literal(2), z.literal(3)], { error: 'must be 1, 2 or 3 (3 is most urgent)' })
      .default(1),
    minLot: wholeNumber({ min: 1 }).default(1),
    maxSplit: wholeNumber({ min: 1 }).nullable().default(null),
    pins: z
      .array(
        z.strictObject(
          {
            workshopId: text('a workshop id'),
            week: wholeNumber({ min: 0, max: MAX_WEEKS - 1 }),
            quantity: wholeNumber({ min: 1 }),
          },
          { error: 'must be an object with workshopId, week and quantity' },
        ),
        { error: expected('a list of pins') },
      )
      .default([]),
    forbiddenWorkshops: z.array(text('a workshop id'), { error: expected('a list of workshop ids') }).default([]),
  },
  { error: 'must be an object' },
);

export const problemSchema = z.strictObject(
  {
    horizon: z.strictObject(
      { start: calendarDate, weeks: wholeNumber({ min: 1, max: MAX_WEEKS }) },
      { error: expected('an object with start and weeks') },
    ),
    workshops: z.array(workshopSchema, { error: expected('a list') }),
    jobs: z.array(jobSchema, { error: expected('a list') }),
    options: z
      .strictObject(
        {
          timeLimitMs: wholeNumber({ min: 1, max: 3_600_000 }).default(10_000),
          fairness: z.boolean({ error: 'must be true or false' }).default(true),
        },
        { error: 'must be an object' },
      )
      .default({ timeLimitMs: 10_000, fairness: true }),
  },
  { error: 'the problem must be a JSON object' },
);

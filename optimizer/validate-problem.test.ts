import { describe, expect, it } from 'vitest';

import { ProblemValidationError, validateProblem } from './index';
import { type ProblemInput } from './types';

const problem = (): ProblemInput => ({
  horizon: { start: '2026-11-23', weeks: 3 },
  workshops: [
    { id: 'W001', skills: ['brass-casting', 'horn-carving'], artisans: 6, capacityMinutes: [9000, 9000, 8400] },
  ],
  jobs: [
    {
      id: 'J0001',
      skill: 'brass-casting',
      quantity: 120,
      minutesPerUnit: 25,
      pieceRateCents: 9000,
      dueDate: '2026-12-04',
    },
  ],
});

function messageFor(input: unknown): string {
  try {
    validateProblem(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemValidationError);
    return (error as Error).message;
  }
  throw new Error('expected the problem to be rejected');
}

describe('validateProblem', () => {
  it('applies the documented defaults', () => {
    const valid = validateProblem(problem());
    expect(valid.jobs[0]).toMatchObject({ releaseDate: '2026-11-23', priority: 1, minLot: 1, maxSplit: null });
    expect(valid.options).toEqual({ timeLimitMs: 10_000, fairness: true });
  });

  it('keeps ids exactly as given', () => {
    const input = problem();
    input.jobs[0].id = ' J 1 ';
    expect(validateProblem(input).jobs[0].id).toBe(' J 1 ');
  });

  it('names the job and field at fault', () => {
    const input = problem();
    input.jobs[0].minLot = 0;
    expect(messageFor(input)).toContain('job J0001 (jobs[0]): minLot must be at least 1');
  });

  it('says a missing field is required', () => {
    const input = problem() as unknown as { jobs: Array<Record<string, unknown>> };
    delete input.jobs[0].dueDate;
    expect(messageFor(input)).toContain('job J0001 (jobs[0]): dueDate is required');
  });

  it('rejects unknown fields, which are usually typos', () => {
    const input = problem() as unknown as { jobs: Array<Record<string, unknown>> };
    input.jobs[0].minlot = 5;
    expect(messageFor(input)).toContain("job J0001 (jobs[0]): unknown field 'minlot'");
  });

  it('names the workshop whose capacity does not match the horizon', () => {
    const input = problem();
    input.workshops[0].capacityMinutes = [9000, 9000];
    expect(messageFor(input)).toContain(
      'workshop W001 (workshops[0]): capacityMinutes has 2 entries but the horizon has 3 weeks',
    );
  });

  it('rejects negative or infinite capacity', () => {
    const input = problem() as unknown as { workshops: Array<{ capacityMinutes: unknown[] }> };
    input.workshops[0].capacityMinutes = [9000, -1, 8400];
    expect(messageFor(input)).toContain(
      'workshop W001 (workshops[0]): capacityMinutes[1] must be a finite number of minutes',
    );
  });

  it('rejects duplicate ids', () => {
    const input = problem();
    input.jobs.push({ ...input.jobs[0] });
    input.workshops.push({ ...input.workshops[0] });
    const message = messageFor(input);
    expect(message).toContain('job J0001 (jobs[1]): id is used by another job');
    expect(message).toContain('workshop W001 (workshops[1]): id is used by another workshop');
  });

  it('rejects dates that do not exist and a release after the due date', () => {
    const input = problem();
    input.jobs[0].dueDate = '2026-02-30';
    expect(messageFor(input)).toContain("job J0001 (jobs[0]): dueDate '2026-02-30' is not a real calendar date");
    const late = problem();
    late.jobs[0].releaseDate = '2026-12-10';
    expect(messageFor(late)).toContain('releaseDate 2026-12-10 is after dueDate 2026-12-04');
  });

  it('rejects priorities outside 1–3 and fractional quantities', () => {
    const input = problem();
    input.jobs[0].priority = 4;
    input.jobs[0].quantity = 1.5;
    const message = messageFor(input);
    expect(message).toContain('priority must be 1, 2 or 3');
    expect(message).toContain('quantity must be a whole number');
  });

  it('rejects input that is not a problem at all', () => {
    expect(messageFor(null)).toContain('the problem must be a JSON object');
    expect(messageFor({ horizon: { start: '2026-11-23', weeks: 0 }, workshops: [], jobs: [] })).toContain(
      'horizon.weeks: must be at least 1',
    );
  });

  it('lists every issue found in the error, not just the first', () => {
    const input = problem();
    input.jobs[0].minLot = 0;
    input.jobs[0].maxSplit = 0;
    try {
      validateProblem(input);
    } catch (error) {
      expect((error as ProblemValidationError).issues.map((issue) => issue.path.join('.'))).toEqual([
        'jobs.0.minLot',
        'jobs.0.maxSplit',
      ]);
      return;
    }
    throw new Error('expected a validation error');
  });
});

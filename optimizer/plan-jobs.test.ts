import { describe, expect, it } from 'vitest';

import { findPlanViolations, planJobs, ProblemValidationError, validateProblem } from './index';
import { type PlanJobsProgress, type ProblemInput } from './types';

const SKILLS = ['brass-casting', 'brass-forming', 'horn-carving', 'bone-carving'];

/** A busy little network built by formula, so the test needs no random generator. */
function busyNetwork({
  workshops,
  jobs,
  fairness = true,
  timeLimitMs = 10_000,
}: {
  workshops: number;
  jobs: number;
  fairness?: boolean;
  timeLimitMs?: number;
}): ProblemInput {
  return {
    horizon: { start: '2026-11-23', weeks: 3 },
    workshops: Array.from({ length: workshops }, (_, i) => ({
      id: `W${String(i).padStart(3, '0')}`,
      skills: i % 3 === 0 ? [SKILLS[i % 4], SKILLS[(i + 1) % 4]] : [SKILLS[i % 4]],
      artisans: 2 + (i % 5),
      capacityMinutes: [0, 1, 2].map((week) => 1800 * (2 + (i % 5)) - ((i * 37 + week * 101) % 900)),
    })),
    jobs: Array.from({ length: jobs }, (_, i) => ({
      id: `J${String(i).padStart(4, '0')}`,
      skill: SKILLS[(i * 7) % 4],
      quantity: 10 + ((i * 13) % 90),
      minutesPerUnit: 8 + ((i * 11) % 50),
      pieceRateCents: 3000 + ((i * 97) % 4000),
      dueDate: ['2026-11-29', '2026-12-06', '2026-12-13', '2026-12-10'][i % 4],
      priority: 1 + (i % 3),
      minLot: 1 + (i % 7),
      maxSplit: i % 5 === 0 ? 1 : null,
    })),
    options: { timeLimitMs, fairness },
  };
}

describe('planJobs', () => {
  it('reports progress from 0 to 1 through the phases in order', async () => {
    const seen: PlanJobsProgress[] = [];
    const plan = await planJobs(busyNetwork({ workshops: 30, jobs: 200 }), { onProgress: (p) => seen.push(p) });
    expect(seen[0]).toMatchObject({ phase: 'validating', fraction: 0 });
    expect(seen.at(-1)).toMatchObject({ phase: 'done', fraction: 1 });
    expect(seen.map((p) => p.phase)).toEqual([
      'validating',
      'aggregating',
      'balancing',
      'assigning',
      'filling',
      'rebalancing',
      'explaining',
      'done',
    ]);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i].fraction).toBeGreaterThanOrEqual(seen[i - 1].fraction);
      expect(seen[i].elapsedMs).toBeGreaterThanOrEqual(seen[i - 1].elapsedMs);
    }
    expect(plan.metrics.unitsOnTime).toBeGreaterThan(0);
  });

  it('returns a valid plan marked timedout when the time limit cuts stages short', async () => {
    const input = busyNetwork({ workshops: 60, jobs: 600, timeLimitMs: 1 });
    const plan = await planJobs(input);
    expect(plan.status).toBe('timedout');
    expect(findPlanViolations({ problem: validateProblem(input), plan })).toEqual([]);
  });

  it('plans without the balancing stages when fairness is off', async () => {
    const input = busyNetwork({ workshops: 40, jobs: 300, fairness: false });
    const seen: string[] = [];
    const plan = await planJobs(input, { onProgress: (p) => seen.push(p.phase) });
    expect(seen).not.toContain('balancing');
    expect(seen).not.toContain('rebalancing');
    expect(findPlanViolations({ problem: validateProblem(input), plan })).toEqual([]);
  });

  it('evens out earnings when there is room to', async () => {
    const input = busyNetwork({ workshops: 40, jobs: 150 });
    const fair = await planJobs(input);
    const unfair = await planJobs({ ...input, options: { timeLimitMs: 10_000, fairness: false } });
    expect(fair.metrics.fulfilment).toBe(1);
    expect(fair.metrics.earningsPerCapacityHour.maxOverMin).not.toBeNull();
    expect(fair.metrics.earningsPerCapacityHour.maxOverMin!).toBeLessThan(
      unfair.metrics.earningsPerCapacityHour.maxOverMin ?? Infinity,
    );
    expect(fair.metrics.earningsPerCapacityHour.gini).toBeLessThan(unfair.metrics.earningsPerCapacityHour.gini);
  });

  it('rejects an invalid problem with a ProblemValidationError naming the job', async () => {
    const input = busyNetwork({ workshops: 2, jobs: 2 });
    input.jobs[1].quantity = -3;
    await expect(planJobs(input)).rejects.toThrow(ProblemValidationError);
    await expect(planJobs(input)).rejects.toThrow(/job J0001 \(jobs\[1\]\): quantity must be at least 1/);
  });

  it('answers a problem where nothing fits with an infeasible plan, not an error', async () => {
    const input = busyNetwork({ workshops: 3, jobs: 5 });
    input.workshops.forEach((workshop) => (workshop.capacityMinutes = [0, 0, 0]));
    const plan = await planJobs(input);
    expect(plan.status).toBe('infeasible');
    expect(plan.assignments).toEqual([]);
    // Bone carving is nobody's skill in this little network; everything else lacks capacity.
    expect(new Set(plan.unplaced.map((u) => u.reason))).toEqual(new Set(['capacity', 'no-skill']));
  });
});

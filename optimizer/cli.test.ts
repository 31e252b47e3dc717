import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { type AllocationPlan } from './types';

// Runs the real command the way planners and scripts do: `tsx optimizer/cli.ts`.

const root = join(import.meta.dirname, '..');
const caseFile = join(import.meta.dirname, 'cases', 'priority-wins-scarce-capacity.json');
const problemText = JSON.stringify((JSON.parse(readFileSync(caseFile, 'utf8')) as { problem: unknown }).problem);

function runPlan(args: string[], stdin?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'optimizer/cli.ts', ...args], {
    cwd: root,
    input: stdin ?? '',
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('plan CLI', () => {
  it('prints only the plan JSON for a problem on stdin', () => {
    const { code, stdout } = runPlan([], problemText);
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as AllocationPlan;
    expect(plan.status).toBe('optimal');
    expect(plan.assignments).toEqual([{ jobId: 'J002', workshopId: 'W001', week: 0, quantity: 50 }]);
  });

  it('exits 2 with a message naming the job for an invalid problem', () => {
    const broken = JSON.parse(problemText) as { jobs: Array<Record<string, unknown>> };
    broken.jobs[1].minLot = 0;
    const { code, stdout, stderr } = runPlan(['-'], JSON.stringify(broken));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('job J002 (jobs[1]): minLot must be at least 1');
  });

  it('exits 2 for text that is not JSON and for a missing file', () => {
    expect(runPlan([], '{ not json').code).toBe(2);
    const missing = runPlan(['/nonexistent/problem.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read /nonexistent/problem.json');
  });
});

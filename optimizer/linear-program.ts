import solver, { type Model } from 'javascript-lp-solver';

// A narrow, typed door to javascript-lp-solver. Its Solve() is typed to return `unknown`; this
// file turns the result into a status union and a value lookup, and never throws for an
// infeasible or unbounded model.

export interface LinearProgram {
  direction: 'max' | 'min';
  /** Constraint name → bounds. */
  constraints: Record<string, { min?: number; max?: number; equal?: number }>;
  /** Variable name → coefficient per constraint name, plus the objective key. */
  variables: Record<string, Record<string, number>>;
  /** javascript-lp-solver only checks its timeout in branch-and-bound; kept for integer models. */
  timeoutMs?: number;
}

export type LinearProgramResult =
  | { status: 'optimal'; objective: number; value: (variable: string) => number }
  | { status: 'infeasible' | 'unbounded' };

export const OBJECTIVE_KEY = '__objective';

interface RawResult {
  feasible?: unknown;
  bounded?: unknown;
  result?: unknown;
  [variable: string]: unknown;
}

/**
 * Rough, deliberately pessimistic solve time. javascript-lp-solver keeps a dense rows × columns
 * tableau and its pivot count grows with the model too, so time grows faster than the tableau:
 * on the balancing model, 53k cells took 50 ms, 0.73M cells 1.7 s and 2.3M cells 21 s, which
 * (cells / 1000)^1.5 / 7 follows within a factor of two. Used to skip a solve the time limit
 * cannot afford, since a running simplex cannot be stopped.
 */
export function estimateSolveMs(program: LinearProgram): number {
  const rows = Object.values(program.constraints).reduce((sum, bound) => sum + (bound.equal !== undefined ? 2 : 1), 0);
  const kiloCells = (rows * Object.keys(program.variables).length) / 1000;
  return kiloCells ** 1.5 / 7;
}

export function solveLinearProgram(program: LinearProgram): LinearProgramResult {
  const model: Model = {
    optimize: OBJECTIVE_KEY,
    opType: program.direction,
    constraints: program.constraints,
    variables: program.variables,
    options: program.timeoutMs === undefined ? {} : { timeout: program.timeoutMs },
  };
  const raw = solver.Solve(model) as RawResult;
  if (raw.feasible !== true) return { status: 'infeasible' };
  if (raw.bounded === false) return { status: 'unbounded' };
  const objective = typeof raw.result === 'number' ? raw.result : 0;
  return {
    status: 'optimal',
    objective,
    // NOTE: javascript-lp-solver leaves variables at zero out of its result.
    value: (variable) => {
      const found = raw[variable];
      return typeof found === 'number' && Number.isFinite(found) ? found : 0;
    },
  };
}

import highsLoader, { type Highs, type ModelData } from 'highs';

import { type Problem } from '../../optimizer';

// HiGHS as the reference for the optimizer (benchmark and tests only). Two models of the same
// LP relaxation — continuous units, no lot or split limits:
// - direct: one column per job × workshop × week (the textbook model);
// - pooled: one column per job × skill-set pool × week, which is exact because workshops with the
//   same skills are interchangeable (any pooled solution splits back in proportion to capacity).
// The objective weighs a unit by priority, with a small bonus per unit so that among equally
// weighted optima the one with more units wins: the same tie-break the optimizer uses.

export interface ReferenceResult {
  status: string;
  ms: number;
  columns: number;
  /** Priority-weighted units (the optimizer's first objective). */
  weightedUnits: number;
  units: number;
  unitsDemanded: number;
  fulfilment: number;
  error?: string;
}

let loaded: Promise<Highs> | null = null;
export function loadHighs(): Promise<Highs> {
  loaded ??= highsLoader();
  return loaded;
}

export interface ReferenceOptions {
  model: 'direct' | 'pooled';
  timeLimitSeconds?: number;
  /** Solve the integer program (whole units) instead of the LP. */
  integer?: boolean;
}

export async function solveReference(problem: Problem, options: ReferenceOptions): Promise<ReferenceResult> {
  const highs = await loadHighs();
  const built = buildReferenceModel(problem, options.model, highs);
  const unitsDemanded = problem.jobs.reduce((sum, job) => sum + job.quantity, 0);
  const base = { columns: built.columnJob.length, unitsDemanded };
  const started = performance.now();
  try {
    const result = highs.withModel(
      { ...built.model, ...(options.integer ? { integrality: new Int32Array(built.columnJob.length).fill(1) } : {}) },
      (model) => {
        model.options.set({ output_flag: false, time_limit: options.timeLimitSeconds ?? 120 });
        const run = model.run();
        const statusName =
          Object.entries(highs.constants.modelStatus).find(([, code]) => code === run.modelStatus)?.[0] ??
          String(run.modelStatus);
        const values = run.modelStatus === highs.constants.modelStatus.optimal ? model.getSolution().colValue : null;
        return { statusName, values };
      },
    );
    const ms = performance.now() - started;
    if (!result.values)
      return { ...base, status: result.statusName, ms, weightedUnits: NaN, units: NaN, fulfilment: NaN };
    let units = 0;
    let weightedUnits = 0;
    result.values.forEach((value, c) => {
      units += value;
      weightedUnits += value * problem.jobs[built.columnJob[c]].priority;
    });
    return {
      ...base,
      status: result.statusName,
      ms,
      units,
      weightedUnits,
      fulfilment: unitsDemanded > 0 ? units / unitsDemanded : 1,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ...base,
      status: 'error',
      ms: performance.now() - started,
      weightedUnits: NaN,
      units: NaN,
      fulfilment: NaN,
      error: message,
    };
  }
}

interface BuiltModel {
  model: ModelData;
  columnJob: Int32Array;
}

function buildReferenceModel(problem: Problem, kind: 'direct' | 'pooled', highs: Highs): BuiltModel {
  const weeks = problem.horizon.weeks;
  const startDay = dayNumber(problem.horizon.start);
  // Groups: each workshop alone (direct) or all workshops with the same skill set (pooled).
  const groups = new Map<string, { skills: Set<string>; capacity: number[] }>();
  problem.workshops.forEach((workshop) => {
    const key = kind === 'direct' ? workshop.id : [...workshop.skills].sort().join('+');
    const group = groups.get(key) ?? { skills: new Set(workshop.skills), capacity: new Array<number>(weeks).fill(0) };
    workshop.capacityMinutes.forEach((minutes, t) => (group.capacity[t] += minutes));
    groups.set(key, group);
  });
  const groupList = [...groups.values()];
  const capacityRow = (g: number, t: number) => g * weeks + t;
  const jobRowBase = groupList.length * weeks;
  const maxMinutes = Math.max(1, ...problem.jobs.map((job) => job.minutesPerUnit));
  const tieWeight = 1 / (Math.ceil(maxMinutes) + 1);

  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const cost: number[] = [];
  const columnJob: number[] = [];
  problem.jobs.forEach((job, j) => {
    const first = Math.max(0, Math.ceil((dayNumber(job.releaseDate) - startDay - 6) / 7));
    const last = Math.min(weeks - 1, Math.floor((dayNumber(job.dueDate) - startDay - 6) / 7));
    groupList.forEach((group, g) => {
      if (!group.skills.has(job.skill)) return;
      for (let t = first; t <= last; t++) {
        if (group.capacity[t] <= 0) continue;
        indices.push(capacityRow(g, t), jobRowBase + j);
        values.push(job.minutesPerUnit, 1);
        starts.push(indices.length);
        cost.push(job.priority + tieWeight);
        columnJob.push(j);
      }
    });
  });
  const numCols = columnJob.length;
  const numRows = jobRowBase + problem.jobs.length;
  const rowUpper = new Float64Array(numRows);
  groupList.forEach((group, g) => group.capacity.forEach((minutes, t) => (rowUpper[capacityRow(g, t)] = minutes)));
  problem.jobs.forEach((job, j) => (rowUpper[jobRowBase + j] = job.quantity));
  return {
    columnJob: Int32Array.from(columnJob),
    model: {
      numCols,
      numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: Float64Array.from(cost),
      colLower: new Float64Array(numCols),
      colUpper: new Float64Array(numCols).fill(highs.infinity),
      rowLower: new Float64Array(numRows).fill(-highs.infinity),
      rowUpper,
      matrix: {
        format: 'csc',
        numRows,
        numCols,
        starts: Int32Array.from(starts),
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
    },
  };
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

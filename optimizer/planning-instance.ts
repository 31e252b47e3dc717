import { allowedWeeks, type AllowedWeeks, parseDay } from './calendar';
import { type Job, type Problem, type Workshop } from './types';

// A validated problem turned into indexed, id-sorted facts that every later stage reads.
// Sorting by id here is what makes the whole plan independent of input order.

export interface JobFacts {
  index: number;
  job: Job;
  /** Index into `skills`; every job skill is listed, even one no workshop has. */
  skill: number;
  /** Weeks the job may use, or null when no horizon week is allowed. */
  window: AllowedWeeks | null;
  /** Smallest allowed assignment: minLot, or the whole quantity when that is smaller. */
  lotMin: number;
  /** Most workshops the job may use (Infinity when unlimited). */
  maxSplit: number;
  /** Objective weight per minute of work: priority-weighted units per minute. */
  valuePerMinute: number;
  centsPerMinute: number;
  /** Workshops (indexes) the planner ruled out, or null when none. */
  forbidden: Set<number> | null;
}

/** Workshops with exactly the same skills: interchangeable for the aggregate model. */
export interface Pool {
  index: number;
  key: string;
  skills: number[];
  workshops: number[];
  capacity: number[];
}

export interface PlanningInstance {
  problem: Problem;
  weeks: number;
  startDay: number;
  skills: string[];
  workshops: Workshop[];
  jobs: JobFacts[];
  pools: Pool[];
  poolOfWorkshop: number[];
  workshopsBySkill: number[][];
  /** hasSkill[w * skills.length + s] is 1 when workshop w has skill s. */
  hasSkill: Uint8Array;
  /** Capacity of each workshop in weeks that some open job sharing one of its skills may use. */
  usableMinutes: number[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildPlanningInstance(problem: Problem): PlanningInstance {
  const weeks = problem.horizon.weeks;
  const startDay = parseDay(problem.horizon.start) as number;
  const workshops = [...problem.workshops].sort(byId);
  const sortedJobs = [...problem.jobs].sort(byId);
  const skills = [...new Set([...workshops.flatMap((w) => w.skills), ...sortedJobs.map((j) => j.skill)])].sort();
  const skillIndex = new Map(skills.map((skill, index) => [skill, index]));

  const hasSkill = new Uint8Array(workshops.length * skills.length);
  const workshopsBySkill: number[][] = skills.map(() => []);
  workshops.forEach((workshop, w) => {
    for (const skill of workshop.skills) {
      const s = skillIndex.get(skill) as number;
      hasSkill[w * skills.length + s] = 1;
      workshopsBySkill[s].push(w);
    }
  });

  const workshopIndex = new Map(workshops.map((workshop, w) => [workshop.id, w]));
  const jobs = sortedJobs.map((job, index) => describeJob({ job, index, startDay, weeks, skillIndex, workshopIndex }));

  const { pools, poolOfWorkshop } = poolWorkshops({ workshops, skillIndex, weeks });
  const usableMinutes = findUsableMinutes({ workshops, jobs, skills, hasSkill, weeks });
  return {
    problem,
    weeks,
    startDay,
    skills,
    workshops,
    jobs,
    pools,
    poolOfWorkshop,
    workshopsBySkill,
    hasSkill,
    usableMinutes,
  };
}

/** The facts every stage reads about one job, as the `index`-th job of an instance. */
function describeJob({
  job,
  index,
  startDay,
  weeks,
  skillIndex,
  workshopIndex,
}: {
  job: Job;
  index: number;
  startDay: number;
  weeks: number;
  skillIndex: ReadonlyMap<string, number>;
  workshopIndex: ReadonlyMap<string, number>;
}): JobFacts {
  return {
    index,
    job,
    skill: skillIndex.get(job.skill) as number,
    window: allowedWeeks({
      startDay,
      weeks,
      releaseDay: parseDay(job.releaseDate) as number,
      dueDay: parseDay(job.dueDate) as number,
    }),
    lotMin: Math.min(job.minLot, job.quantity),
    maxSplit: job.maxSplit ?? Number.POSITIVE_INFINITY,
    valuePerMinute: job.priority / job.minutesPerUnit,
    centsPerMinute: job.pieceRateCents / job.minutesPerUnit,
    forbidden:
      job.forbiddenWorkshops.length > 0 ? new Set(job.forbiddenWorkshops.map((id) => workshopIndex.get(id)!)) : null,
  };
}

/**
 * The instance with `extra` jobs after its own, numbered on from its last: for asking "and these
 * too?" of an instance already built, without sorting and describing every job again. Every extra
 * job's skill must be one the instance knows. `usableMinutes` stays the instance's own.
 */
export function appendJobs(instance: PlanningInstance, extra: readonly Job[]): PlanningInstance {
  return { ...instance, jobs: [...instance.jobs, ...describeAppendedJobs(instance, extra)] };
}

// NOTE: kept per skills and workshops array (fixed once an instance is built), so that appending a
// few jobs many times a second costs those jobs only, not a map of every workshop each time.
const indexesOfInstance = new WeakMap<
  readonly Workshop[],
  { skillIndex: ReadonlyMap<string, number>; workshopIndex: ReadonlyMap<string, number> }
>();

/** The facts of `extra` as the jobs numbered on from the instance's last (see appendJobs). */
export function describeAppendedJobs(instance: PlanningInstance, extra: readonly Job[]): JobFacts[] {
  let indexes = indexesOfInstance.get(instance.workshops);
  if (!indexes) {
    indexes = {
      skillIndex: new Map(instance.skills.map((skill, index) => [skill, index])),
      workshopIndex: new Map(instance.workshops.map((workshop, w) => [workshop.id, w])),
    };
    indexesOfInstance.set(instance.workshops, indexes);
  }
  const { skillIndex, workshopIndex } = indexes;
  return extra.map((job, k) => {
    if (!skillIndex.has(job.skill)) throw new RangeError(`job ${job.id}: skill ${job.skill} is not in the instance`);
    return describeJob({
      job,
      index: instance.jobs.length + k,
      startDay: instance.startDay,
      weeks: instance.weeks,
      skillIndex,
      workshopIndex,
    });
  });
}

function poolWorkshops({
  workshops,
  skillIndex,
  weeks,
}: {
  workshops: Workshop[];
  skillIndex: Map<string, number>;
  weeks: number;
}): { pools: Pool[]; poolOfWorkshop: number[] } {
  const byKey = new Map<string, Pool>();
  const poolOfWorkshop: number[] = [];
  workshops.forEach((workshop, w) => {
    const skills = workshop.skills.map((skill) => skillIndex.get(skill) as number).sort((a, b) => a - b);
    const key = skills.join('+');
    let pool = byKey.get(key);
    if (!pool) {
      pool = { index: -1, key, skills, workshops: [], capacity: new Array<number>(weeks).fill(0) };
      byKey.set(key, pool);
    }
    pool.workshops.push(w);
    workshop.capacityMinutes.forEach((minutes, t) => (pool.capacity[t] += minutes));
  });
  const pools = [...byKey.values()].sort((a, b) => a.workshops[0] - b.workshops[0]);
  pools.forEach((pool, index) => {
    pool.index = index;
    for (const w of pool.workshops) poolOfWorkshop[w] = index;
  });
  return { pools, poolOfWorkshop };
}

function findUsableMinutes({
  workshops,
  jobs,
  skills,
  hasSkill,
  weeks,
}: {
  workshops: Workshop[];
  jobs: JobFacts[];
  skills: string[];
  hasSkill: Uint8Array;
  weeks: number;
}): number[] {
  const openWeek = new Uint8Array(skills.length * weeks);
  for (const job of jobs) {
    if (!job.window) continue;
    for (let t = job.window.first; t <= job.window.last; t++) openWeek[job.skill * weeks + t] = 1;
  }
  return workshops.map((workshop, w) =>
    workshop.capacityMinutes.reduce((sum, minutes, t) => {
      const usable = skills.some((_, s) => hasSkill[w * skills.length + s] === 1 && openWeek[s * weeks + t] === 1);
      return usable ? sum + minutes : sum;
    }, 0),
  );
}

import { type z } from 'zod';

import { parseDay } from './calendar';
import { problemSchema } from './problem-schema';
import { type Problem } from './types';

export interface ProblemIssue {
  /** Where the problem is, e.g. ['jobs', 3, 'minLot']. */
  path: Array<string | number>;
  /** Human name of the thing at fault, e.g. 'job J0004' or 'workshop W001'. */
  subject: string;
  message: string;
}

const MAX_LISTED_ISSUES = 10;

export class ProblemValidationError extends Error {
  readonly issues: ProblemIssue[];

  constructor(issues: ProblemIssue[]) {
    const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => `${issue.subject}: ${issue.message}`);
    const more = issues.length > MAX_LISTED_ISSUES ? [`…and ${issues.length - MAX_LISTED_ISSUES} more`] : [];
    super(`Invalid planning problem: ${[...listed, ...more].join('; ')}`);
    this.name = 'ProblemValidationError';
    this.issues = issues;
  }
}

/** Checks a planning problem and returns it with defaults applied, or throws ProblemValidationError. */
export function validateProblem(input: unknown): Problem {
  const parsed = problemSchema.safeParse(input);
  if (!parsed.success) {
    throw new ProblemValidationError(parsed.error.issues.map((issue) => describeIssue({ input, issue })));
  }
  const issues = findCrossFieldIssues(parsed.data);
  if (issues.length > 0) throw new ProblemValidationError(issues);
  const { horizon, jobs } = parsed.data;
  // NOTE: zod's output is already a copy of the input, so the default goes into it in place
  // rather than into yet another copy of every job (an incremental re-plan validates thousands).
  for (const job of jobs) job.releaseDate ??= horizon.start;
  return parsed.data as Problem;
}

function describeIssue({ input, issue }: { input: unknown; issue: z.core.$ZodIssue }): ProblemIssue {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const message = keys.length > 0 ? `unknown field ${keys.map((key) => `'${key}'`).join(', ')}` : issue.message;
  const [list, index, ...rest] = path;
  if ((list === 'jobs' || list === 'workshops') && typeof index === 'number') {
    const field = rest.length > 0 ? `${formatPath(rest)} ` : '';
    return { path, subject: nameListItem({ input, list, index }), message: `${field}${message}`.trim() };
  }
  return { path, subject: path.length > 0 ? formatPath(path) : 'problem', message };
}

function nameListItem({ input, list, index }: { input: unknown; list: 'jobs' | 'workshops'; index: number }): string {
  const noun = list === 'jobs' ? 'job' : 'workshop';
  const items = (input as Record<string, unknown> | null)?.[list];
  const id = Array.isArray(items) ? (items[index] as { id?: unknown } | null)?.id : undefined;
  return typeof id === 'string' && id.trim() !== ''
    ? `${noun} ${id} (${list}[${index}])`
    : `${noun} at ${list}[${index}]`;
}

function formatPath(path: Array<string | number>): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

function findCrossFieldIssues(problem: z.output<typeof problemSchema>): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  const startDay = parseDay(problem.horizon.start);
  if (startDay === null) {
    issues.push({
      path: ['horizon', 'start'],
      subject: 'horizon.start',
      message: `'${problem.horizon.start}' is not a real calendar date`,
    });
  }
  const workshopIds = new Set<string>();
  problem.workshops.forEach((workshop, index) => {
    const subject = `workshop ${workshop.id} (workshops[${index}])`;
    const at = (field: string) => ['workshops', index, field];
    if (workshopIds.has(workshop.id))
      issues.push({ path: at('id'), subject, message: 'id is used by another workshop' });
    workshopIds.add(workshop.id);
    if (new Set(workshop.skills).size !== workshop.skills.length) {
      issues.push({ path: at('skills'), subject, message: 'skills lists a skill twice' });
    }
    if (workshop.capacityMinutes.length !== problem.horizon.weeks) {
      issues.push({
        path: at('capacityMinutes'),
        subject,
        message: `capacityMinutes has ${workshop.capacityMinutes.length} entries but the horizon has ${problem.horizon.weeks} weeks`,
      });
    }
  });
  const jobIds = new Set<string>();
  const allWorkshopIds = new Set(problem.workshops.map((workshop) => workshop.id));
  problem.jobs.forEach((job, index) => {
    const subject = `job ${job.id} (jobs[${index}])`;
    const at = (field: string) => ['jobs', index, field];
    if (jobIds.has(job.id)) issues.push({ path: at('id'), subject, message: 'id is used by another job' });
    jobIds.add(job.id);
    if (job.pins.length > 0 || job.forbiddenWorkshops.length > 0)
      issues.push(...findPinIssues({ job, index, subject, workshopIds: allWorkshopIds, weeks: problem.horizon.weeks }));
    const dueDay = parseDay(job.dueDate);
    if (dueDay === null)
      issues.push({ path: at('dueDate'), subject, message: `dueDate '${job.dueDate}' is not a real calendar date` });
    if (job.releaseDate === undefined) return;
    const releaseDay = parseDay(job.releaseDate);
    if (releaseDay === null) {
      issues.push({
        path: at('releaseDate'),
        subject,
        message: `releaseDate '${job.releaseDate}' is not a real calendar date`,
      });
    } else if (dueDay !== null && releaseDay > dueDay) {
      issues.push({
        path: at('releaseDate'),
        subject,
        message: `releaseDate ${job.releaseDate} is after dueDate ${job.dueDate}`,
      });
    }
  });
  return issues;
}

/** Pins and ruled-out workshops must name workshops and weeks of the problem, each once. */
function findPinIssues({
  job,
  index,
  subject,
  workshopIds,
  weeks,
}: {
  job: z.output<typeof problemSchema>['jobs'][number];
  index: number;
  subject: string;
  workshopIds: Set<string>;
  weeks: number;
}): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  const cells = new Set<string>();
  job.pins.forEach((pin, p) => {
    const path = (field: string) => ['jobs', index, 'pins', p, field];
    if (!workshopIds.has(pin.workshopId))
      issues.push({
        path: path('workshopId'),
        subject,
        message: `pins[${p}]: '${pin.workshopId}' is not a workshop of this problem`,
      });
    if (pin.week >= weeks)
      issues.push({
        path: path('week'),
        subject,
        message: `pins[${p}]: week ${pin.week} is outside the horizon of ${weeks} weeks (0–${weeks - 1})`,
      });
    const cell = `${pin.workshopId}\u0000${pin.week}`;
    if (cells.has(cell))
      issues.push({
        path: path('week'),
        subject,
        message: `pins[${p}]: ${pin.workshopId} in week ${pin.week} is pinned twice`,
      });
    cells.add(cell);
  });
  job.forbiddenWorkshops.forEach((workshopId, f) => {
    if (!workshopIds.has(workshopId))
      issues.push({
        path: ['jobs', index, 'forbiddenWorkshops', f],
        subject,
        message: `forbiddenWorkshops[${f}]: '${workshopId}' is not a workshop of this problem`,
      });
  });
  return issues;
}

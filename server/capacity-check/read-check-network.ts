import { type ProblemInput } from '../../optimizer';
import { readWorkshopFreeMinutes, type WorkshopFreeMinutes } from '../capacity/read-workshop-free-minutes';
import { type Gender } from '../models/artisan';
import { assemblePlanningProblem, type PlanningJobRef, type PlanningProblem } from '../planning/build-planning-problem';
import { MAX_HORIZON_WEEKS, planningHorizon, type PlanningHorizon } from '../planning/planning-horizon';
import { readCheckInputs, readKeptCheckInputs } from './read-check-inputs';
import { heldMinutesOf } from './read-held-minutes';

/** An artisan who gives capacity, as the check needs them: for who gets the work and its earnings. */
export interface CheckArtisan {
  workshopCode: string;
  skills: string[];
  weeklyHours: number;
  gender: Gender;
}

/**
 * The network as the planner would see it now: open demand and free capacity (net of committed
 * work and of other designers' holds) exactly as planning builds them, over the longest horizon
 * planning allows, so that an answer and a plan run read the same problem.
 */
export interface CheckNetwork {
  horizon: PlanningHorizon;
  problem: ProblemInput;
  jobs: Map<string, PlanningJobRef>;
  /** Distinct orders with open demand in `jobs`. */
  orderIds: PlanningProblem['orderIds'];
  workshops: Map<string, WorkshopFreeMinutes>;
  artisans: CheckArtisan[];
}

/**
 * The network as of `now`. Everything that does not depend on the instant (open demand, holds,
 * artisans, and capacity's own kept figures) is read from what is kept between questions and
 * dropped by the events that change it, so a question mostly costs the arithmetic of working
 * time left as of `now`; `fresh` reads the database itself (holds and promises are made on it).
 */
export async function readCheckNetwork({ now, fresh = true }: { now: Date; fresh?: boolean }): Promise<CheckNetwork> {
  const horizon = planningHorizon({ now, weeks: MAX_HORIZON_WEEKS });
  const [inputs, { workshops: capacity }] = await Promise.all([
    fresh ? readCheckInputs() : readKeptCheckInputs(),
    readWorkshopFreeMinutes({ now, weeks: horizon.labels, fresh }),
  ]);
  const planning = assemblePlanningProblem({
    horizon,
    demand: inputs.demand,
    capacity,
    held: heldMinutesOf({ holds: inputs.holds, now, weeks: horizon.labels }),
  });
  const codeOfWorkshop = new Map([...planning.workshops.values()].map((w) => [String(w.workshopId), w.code]));
  return {
    horizon,
    problem: planning.problem,
    jobs: planning.jobs,
    orderIds: planning.orderIds,
    workshops: planning.workshops,
    artisans: inputs.artisans.flatMap((artisan) => {
      const workshopCode = codeOfWorkshop.get(artisan.workshopId);
      if (!workshopCode) return [];
      return [{ workshopCode, skills: artisan.skills, weeklyHours: artisan.weeklyHours, gender: artisan.gender }];
    }),
  };
}

import { type ProblemInput } from '../../optimizer';
import { type WorkshopFreeMinutes } from '../capacity/read-workshop-free-minutes';
import { Artisan, type Gender } from '../models/artisan';
import { buildPlanningProblem, type PlanningJobRef } from '../planning/build-planning-problem';
import { MAX_HORIZON_WEEKS, planningHorizon, type PlanningHorizon } from '../planning/planning-horizon';

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
  workshops: Map<string, WorkshopFreeMinutes>;
  artisans: CheckArtisan[];
}

export async function readCheckNetwork({ now }: { now: Date }): Promise<CheckNetwork> {
  const horizon = planningHorizon({ now, weeks: MAX_HORIZON_WEEKS });
  const [planning, artisans] = await Promise.all([
    buildPlanningProblem({ horizon }),
    Artisan.find({ status: 'active' }, { workshop: 1, skills: 1, weeklyHours: 1, gender: 1 }).lean(),
  ]);
  const codeOfWorkshop = new Map([...planning.workshops.values()].map((w) => [String(w.workshopId), w.code]));
  return {
    horizon,
    problem: planning.problem,
    jobs: planning.jobs,
    workshops: planning.workshops,
    artisans: artisans.flatMap((artisan) => {
      const workshopCode = codeOfWorkshop.get(String(artisan.workshop));
      if (!workshopCode) return [];
      return [{ workshopCode, skills: artisan.skills, weeklyHours: artisan.weeklyHours, gender: artisan.gender }];
    }),
  };
}

import { type Types } from 'mongoose';

import { type CommittedFigures } from '../domain/committed-plan';
import { type PlanStatus } from '../domain/plan-status';
import { type PlanTrigger } from '../domain/plan-trigger';
import { shiftWeekLabel, type WeekLabel } from '../domain/weeks';
import { Plan, type PlanDoc } from '../models/plan';
import { User } from '../models/user';
import { readCommittedFigures } from './committed-figures';
import { GINI_MIN_UNITS, GINI_MIN_WORKSHOPS } from './earnings-per-capacity-hour';

/** A plan as lists and headers show it: what it is, who or what made it, how well it did. */
export interface PlanSummary {
  id: string;
  status: PlanStatus;
  trigger: PlanTrigger;
  reason: string;
  createdAt: string;
  createdBy: string | null;
  committedAt: string | null;
  committedBy: string | null;
  supersededBy: string | null;
  startWeek: WeekLabel;
  /** Last week of the horizon. */
  endWeek: WeekLabel;
  weeks: number;
  dataVersion: string;
  optimizerStatus: string | null;
  demandUnits: number;
  placedUnits: number;
  unplacedUnits: number;
  fulfilment: number;
  solveMs: number | null;
  jobsProposed: number | null;
  workshopsUsed: number | null;
  maxEarningsPerCapacityHourCents: number | null;
  minEarningsPerCapacityHourCents: number | null;
  earningsMaxOverMin: number | null;
  earningsGini: number | null;
  /** What a committed plan offered (null for the others). */
  committed: CommittedFigures | null;
}

export type PlanHeader = Omit<PlanDoc, 'assignments' | 'unplaced' | 'metrics' | 'options'> & {
  metrics?: Record<string, number> | Map<string, number>;
  options?: Record<string, unknown> | Map<string, unknown>;
};

/** Every field but the large lists, for pages that only describe plans. */
export const PLAN_HEADER_PROJECTION = { assignments: 0, unplaced: 0, 'inputs.orders': 0 } as const;

function plainRecord<Value>(value: Record<string, Value> | Map<string, Value> | undefined): Record<string, Value> {
  if (!value) return {};
  return value instanceof Map ? Object.fromEntries(value) : value;
}

function giniMeansSomething(plan: PlanHeader, optional: (name: string) => number | null): boolean {
  return (optional('placedUnits') ?? 0) >= GINI_MIN_UNITS && (plan.inputs.workshopCount ?? 0) >= GINI_MIN_WORKSHOPS;
}

/** Summaries of `plans`, with the names of the people who made and committed them. */
export async function summarisePlans(plans: readonly PlanHeader[]): Promise<PlanSummary[]> {
  const userIds = plans.flatMap((plan) =>
    [plan.createdBy, plan.committedBy].filter((id): id is Types.ObjectId => Boolean(id)),
  );
  const [users, committedFigures] = await Promise.all([
    userIds.length > 0 ? User.find({ _id: { $in: userIds } }, { name: 1 }).lean() : [],
    readCommittedFigures(
      plans
        .filter((plan) => plan.status === 'committed')
        .map((plan) => ({ _id: plan._id, metrics: plainRecord(plan.metrics) })),
    ),
  ]);
  const nameOf = (id?: Types.ObjectId) =>
    id ? (users.find((user) => user._id.equals(id))?.name ?? 'a former user') : null;

  return plans.map((plan) => {
    const metrics = plainRecord(plan.metrics);
    const options = plainRecord(plan.options);
    const optional = (name: string) => (typeof metrics[name] === 'number' ? metrics[name] : null);
    const trigger: PlanTrigger = options.trigger === 'auto' ? 'auto' : 'planner';
    return {
      id: String(plan._id),
      status: plan.status,
      trigger,
      reason: typeof options.reason === 'string' ? options.reason : '',
      createdAt: plan.createdAt.toISOString(),
      createdBy: nameOf(plan.createdBy) ?? (trigger === 'auto' ? 'automatic re-plan' : null),
      committedAt: plan.committedAt?.toISOString() ?? null,
      committedBy: nameOf(plan.committedBy),
      supersededBy: plan.supersededBy ? String(plan.supersededBy) : null,
      startWeek: plan.inputs.startWeek,
      endWeek: shiftWeekLabel(plan.inputs.startWeek, plan.inputs.weeks - 1),
      weeks: plan.inputs.weeks,
      dataVersion: plan.inputs.dataVersion,
      optimizerStatus: typeof options.optimizerStatus === 'string' ? options.optimizerStatus : null,
      demandUnits: optional('demandUnits') ?? plan.inputs.demandUnits,
      placedUnits: optional('placedUnits') ?? 0,
      unplacedUnits: optional('unplacedUnits') ?? 0,
      fulfilment: optional('fulfilment') ?? 0,
      solveMs: optional('solveMs'),
      jobsProposed: optional('jobsProposed'),
      workshopsUsed: optional('workshopsUsed'),
      maxEarningsPerCapacityHourCents: optional('maxEarningsPerCapacityHourCents'),
      minEarningsPerCapacityHourCents: optional('minEarningsPerCapacityHourCents'),
      earningsMaxOverMin: optional('earningsMaxOverMin'),
      earningsGini: giniMeansSomething(plan, optional) ? optional('earningsGini') : null,
      committed: committedFigures.get(String(plan._id)) ?? null,
    };
  });
}

export interface PlanList {
  /** Proposals waiting for a planner, newest first. */
  waiting: PlanSummary[];
  /** The plan committed last, if any. */
  committed: PlanSummary | null;
  /** Recent plans of any status, newest first. */
  recent: PlanSummary[];
}

/** The planning page's lists: what waits for review, what is committed, what happened lately. */
export async function listPlans({ recentLimit = 15 }: { recentLimit?: number } = {}): Promise<PlanList> {
  const [waiting, committed, recent] = await Promise.all([
    Plan.find({ status: 'proposal' }, PLAN_HEADER_PROJECTION).sort({ createdAt: -1 }).limit(20).lean(),
    Plan.findOne({ status: 'committed' }, PLAN_HEADER_PROJECTION).sort({ committedAt: -1 }).lean(),
    Plan.find({}, PLAN_HEADER_PROJECTION).sort({ createdAt: -1 }).limit(recentLimit).lean(),
  ]);
  const all = await summarisePlans([...waiting, ...(committed ? [committed] : []), ...recent] as PlanHeader[]);
  return {
    waiting: all.slice(0, waiting.length),
    committed: committed ? all[waiting.length] : null,
    recent: all.slice(waiting.length + (committed ? 1 : 0)),
  };
}

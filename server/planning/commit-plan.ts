import { Types } from 'mongoose';
import { z } from 'zod';

import { jobDueDate } from '../capacity/job-due-date';
import { readWorkingWeeks } from '../capacity/read-working-weeks';
import { type Actor } from '../domain/actor';
import { type CommittedFigures } from '../domain/committed-plan';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import { objectIdString } from '../domain/input-schemas';
import { SUPERSEDABLE_PLAN_STATUSES } from '../domain/plan-status';
import { PLANNING_ROLES } from '../domain/roles';
import { validateInput } from '../domain/validate-input';
import { type WeekLabel } from '../domain/weeks';
import { domainEvents } from '../domain-events';
import { Order } from '../models/order';
import { Plan, type PlanDoc } from '../models/plan';
import { recordAuditEvents } from '../services/audit/record-audit-event';
import { createJobOffers } from '../services/jobs/create-job-offers';
import { readDataVersion } from '../services/read-data-version';
import { runInTransaction, type UnitOfWork } from '../services/run-in-transaction';
import { describeChangesSince } from './describe-changes-since';
import { trackCommit } from './plan-run-registry';
import { EmptyPlanError, PlanAlreadyCommittedError, PlanSupersededError, StalePlanError } from './planning-errors';
import { ensurePlanningLock, takePlanningLock } from './planning-lock';

const CommitPlanInput = z.object({ planId: objectIdString, now: z.date().optional() });
/** Planners commit; so does Kiwanda itself (`system`), when an automatic re-plan is committed. */
const COMMITTING_ROLES: readonly string[] = [...PLANNING_ROLES, 'system'];

export interface CommitPlanResult {
  planId: string;
  jobs: number;
  units: number;
  workshops: number;
  weeks: WeekLabel[];
  ordersPlanned: number;
  supersededPlans: number;
}

/** Raised inside the transaction; turned into a StalePlanError with a description outside it. */
class DataVersionMoved extends Error {
  constructor(readonly plan: PlanDoc) {
    super('data version moved');
  }
}

/**
 * Turns a proposal into job offers, all in one transaction: the plan's jobs, its status, the
 * orders it fully covers, the plans it replaces and the audit trail are written together or
 * not at all. A proposal computed on data that has changed since is refused (StalePlanError),
 * as is a plan already committed or superseded, or one placing work in a week whose working time
 * has ended. Jobs are due as jobDueDate says, as of `now` (the moment of the commit unless a
 * caller gives it). Artisans hear of their offers through the `job:status` events published once
 * the transaction has committed.
 */
export async function commitPlan({
  actor,
  ...input
}: z.input<typeof CommitPlanInput> & { actor: Actor }): Promise<CommitPlanResult> {
  const { planId, now = new Date() } = validateInput(CommitPlanInput, input);
  if (!COMMITTING_ROLES.includes(actor.role)) throw new ForbiddenError(`a ${actor.role} cannot commit plans`);
  const progress = commitProgress(planId);
  progress.report(0.05, 'checking the proposal against the current orders and capacity');
  await ensurePlanningLock();
  try {
    const result = await trackCommit(() =>
      runInTransaction((unit) =>
        commitInTransaction({ unit, actor, planId: new Types.ObjectId(planId), now, progress }),
      ),
    );
    progress.finish('committed', `${countOf(result.jobs, 'job')} offered to ${countOf(result.workshops, 'workshop')}`);
    return result;
  } catch (error) {
    progress.finish('commit-failed', 'the commit was refused; nothing was written');
    if (!(error instanceof DataVersionMoved)) throw error;
    const changes = await describeChangesSince({ since: error.plan.createdAt });
    throw new StalePlanError({ planId, changes });
  }
}

/** "1 job", "1,509 jobs": for the progress line, which the page shows as it comes. */
function countOf(count: number, noun: string): string {
  return `${count.toLocaleString('en-GB')} ${noun}${count === 1 ? '' : 's'}`;
}

type CommitProgress = ReturnType<typeof commitProgress>;

/**
 * Progress of a commit for the planners' pages, as `plan:progress` with the commit phases (see
 * COMMIT_PHASES): sent at once, not after the transaction, since it describes work under way.
 * The fraction only grows, even when the driver retries the transaction.
 */
function commitProgress(planId: string) {
  let fraction = 0;
  const send = (phase: string, next: number, message: string) => {
    fraction = Math.max(fraction, next);
    domainEvents.publish('plan:progress', {
      planId,
      trigger: 'planner',
      phase,
      percent: Math.round(fraction * 100),
      message,
    });
  };
  return {
    report: (next: number, message: string) => send('committing', next, message),
    finish: (phase: 'committed' | 'commit-failed', message: string) => send(phase, 1, message),
  };
}

async function commitInTransaction({
  unit,
  actor,
  planId,
  now,
  progress,
}: {
  unit: UnitOfWork;
  actor: Actor;
  planId: Types.ObjectId;
  now: Date;
  progress: CommitProgress;
}): Promise<CommitPlanResult> {
  const { session } = unit;
  // First write of the transaction: a second commit running now waits here (see planning-lock).
  await takePlanningLock({ session, planId });
  const [plan, dataVersion] = await Promise.all([
    Plan.findById(planId, null, { session, lean: true }),
    readDataVersion(),
  ]);
  if (!plan) throw new NotFoundError('plan', String(planId));
  if (plan.status === 'committed') throw new PlanAlreadyCommittedError({ planId: String(planId) });
  if (plan.status === 'superseded')
    throw new PlanSupersededError({ planId: String(planId), supersededBy: plan.supersededBy?.toHexString() });
  if (dataVersion !== plan.inputs.dataVersion) throw new DataVersionMoved(plan);
  if (plan.assignments.length === 0) throw new EmptyPlanError({ planId: String(planId) });

  const at = now;
  const dueDates = await readDueDates({ unit, plan, now });
  progress.report(0.25, `creating ${countOf(plan.assignments.length, 'job offer')}`);
  const jobs = await createJobOffers({
    unit,
    actor,
    planId: String(planId),
    offers: plan.assignments.map((assignment, index) => ({
      orderId: String(assignment.order),
      orderLineId: String(assignment.orderLine),
      workshopId: String(assignment.workshop),
      quantity: assignment.quantity,
      plannedWeek: assignment.week,
      dueDate: dueDates[index],
    })),
  });

  progress.report(0.75, 'marking fully planned orders and saving the plan');
  const ordersPlanned = await markCoveredOrdersPlanned({ unit, actor, plan, at });
  const replaced = await Plan.find(
    { _id: { $ne: planId }, status: { $in: SUPERSEDABLE_PLAN_STATUSES } },
    { status: 1 },
    { session, lean: true },
  );
  if (replaced.length > 0) {
    await Plan.updateMany(
      { _id: { $in: replaced.map((other) => other._id) } },
      { $set: { status: 'superseded', supersededBy: planId } },
      { session },
    );
  }
  const committedBy =
    actor.userId && Types.ObjectId.isValid(actor.userId) ? new Types.ObjectId(actor.userId) : undefined;
  const weeks = [...new Set(plan.assignments.map((assignment) => assignment.week))].sort();
  const figures: CommittedFigures = {
    jobs: jobs.length,
    units: jobs.reduce((sum, job) => sum + job.quantity, 0),
    workshops: new Set(jobs.map((job) => String(job.workshop))).size,
  };
  const committed = await Plan.findOneAndUpdate(
    { _id: planId, status: 'proposal' },
    {
      $set: {
        status: 'committed',
        committedAt: at,
        ...(committedBy ? { committedBy } : {}),
        // What the plan committed, for every page that shows it later (see readCommittedFigures).
        'metrics.committedJobs': figures.jobs,
        'metrics.committedUnits': figures.units,
        'metrics.committedWorkshops': figures.workshops,
      },
    },
    { session, returnDocument: 'after', lean: true, projection: { _id: 1 } },
  );
  if (!committed) throw new PlanAlreadyCommittedError({ planId: String(planId) });

  await recordAuditEvents({
    session,
    actor,
    at,
    entries: [
      {
        entity: { kind: 'plan', id: planId },
        action: 'plan.committed',
        before: { status: plan.status },
        after: { status: 'committed', ...figures, weeks, dataVersion: plan.inputs.dataVersion },
      },
      ...replaced.map((other) => ({
        entity: { kind: 'plan', id: other._id },
        action: 'plan.superseded',
        before: { status: other.status },
        after: { status: 'superseded', supersededBy: planId },
      })),
    ],
  });
  unit.publishAfterCommit('plan:committed', { planId: String(planId), ...figures, weeks });
  return {
    planId: String(planId),
    ...figures,
    weeks,
    ordersPlanned,
    supersededPlans: replaced.length,
  };
}

/**
 * When each assignment's job is due, as of `now` (see jobDueDate). A proposal placing work in a
 * week whose working time has ended since it was computed is refused: that time no longer exists.
 */
async function readDueDates({ unit, plan, now }: { unit: UnitOfWork; plan: PlanDoc; now: Date }): Promise<Date[]> {
  const labels = [...new Set(plan.assignments.map((assignment) => assignment.week))].sort();
  const [weeks, orders] = await Promise.all([
    readWorkingWeeks({ now, weeks: labels, fresh: true }),
    Order.find(
      { _id: { $in: plan.assignments.map((assignment) => assignment.order) } },
      { shipBy: 1 },
      {
        session: unit.session,
        lean: true,
      },
    ),
  ]);
  const weekByLabel = new Map(weeks.map((week) => [week.label, week]));
  const shipBy = new Map(orders.map((order) => [String(order._id), order.shipBy]));
  return plan.assignments.map((assignment) => {
    const week = weekByLabel.get(assignment.week);
    // A missing order is reported by createJobOffers, naming the offer; any date will do until then.
    const due = week ? jobDueDate({ week, shipBy: shipBy.get(String(assignment.order)) ?? now, now }) : null;
    if (!due) {
      throw new StalePlanError({
        planId: String(plan._id),
        changes: `the working time of ${assignment.week} has ended`,
      });
    }
    return due;
  });
}

/** Orders whose every open unit the plan places move from open to planned. */
async function markCoveredOrdersPlanned({
  unit,
  actor,
  plan,
  at,
}: {
  unit: UnitOfWork;
  actor: Actor;
  plan: PlanDoc;
  at: Date;
}): Promise<number> {
  const { session } = unit;
  const partlyPlaced = new Set(plan.unplaced.map((entry) => String(entry.order)));
  const covered = [...new Set(plan.assignments.map((assignment) => String(assignment.order)))].filter(
    (id) => !partlyPlaced.has(id),
  );
  if (covered.length === 0) return 0;
  const open = await Order.find({ _id: { $in: covered }, status: 'open' }, { _id: 1 }, { session, lean: true });
  if (open.length === 0) return 0;
  const ids = open.map((order) => order._id);
  await Order.updateMany({ _id: { $in: ids }, status: 'open' }, { $set: { status: 'planned' } }, { session });
  await recordAuditEvents({
    session,
    actor,
    at,
    entries: ids.map((id) => ({
      entity: { kind: 'order', id },
      action: 'order.planned',
      before: { status: 'open' },
      after: { status: 'planned', plan: plan._id },
    })),
  });
  return ids.length;
}

import { addHours, addMinutes } from 'date-fns';
import { type Types } from 'mongoose';

import { type JobStatus } from '../domain/job-status';
import { type Skill } from '../domain/skills';
import { type WeekLabel } from '../domain/weeks';
import { type DefectReason, type InspectionDoc } from '../models/inspection';
import { type JobDoc, type JobStatusChange } from '../models/job';
import { type PaymentDoc } from '../models/payment';
import { type Random } from './random';
import { type SeededObjectId } from './seeded-ids';

export interface JobPlan {
  index: number;
  order: Types.ObjectId;
  orderLine: Types.ObjectId;
  product: Types.ObjectId;
  skill: Skill;
  labourMinutesPerUnit: number;
  pieceRateCents: number;
  workshop: Types.ObjectId;
  artisan: Types.ObjectId;
  artisanPhone: string;
  artisanName: string;
  quantity: number;
  plannedWeek: WeekLabel;
  weekStart: Date;
  dueDate: Date;
  /** When the plan holding this job was committed and the job offered. */
  offeredAt: Date;
  plan?: Types.ObjectId;
}

export interface SimulatedJob {
  job: JobDoc;
  inspections: InspectionDoc[];
  payment: PaymentDoc | null;
}

const DEFECTS_BY_SKILL: Partial<Record<Skill, DefectReason[]>> = {
  'brass-casting': ['casting-porosity', 'uneven-finish', 'wrong-dimensions'],
  'ceramic-beads': ['bead-defect', 'colour-mismatch', 'cracked-material'],
  'beading-wire-work': ['bead-defect', 'weak-joint', 'incomplete'],
  'horn-carving': ['cracked-material', 'uneven-finish', 'scratches'],
  'bone-carving': ['cracked-material', 'uneven-finish', 'scratches'],
};

const GENERAL_DEFECTS: DefectReason[] = ['uneven-finish', 'scratches', 'wrong-dimensions'];

const DAY_MS = 86_400_000;

/** Field officers visit on weekdays: work ready over the weekend is inspected on Monday. */
function inspectionTime({ random, readyAt, weekStart }: { random: Random; readyAt: Date; weekStart: Date }): Date {
  // Whole days since Monday 00:00 in Nairobi (no daylight saving there, so days are 24 h).
  const day = Math.floor((readyAt.getTime() - weekStart.getTime()) / DAY_MS) % 7;
  if (day < 5) return addMinutes(readyAt, random.int(2 * 60, 16 * 60));
  const monday = weekStart.getTime() + Math.ceil((readyAt.getTime() - weekStart.getTime()) / (7 * DAY_MS)) * 7 * DAY_MS;
  return addMinutes(new Date(monday), random.int(9 * 60, 16 * 60));
}

/**
 * How a job's making goes: most work is ready for QC from Wednesday afternoon to Friday
 * morning; some runs a day or two past its Friday due date; a few jobs stall (an artisan falls
 * ill, materials run short) and are ready up to two weeks late. So as of any moment a few
 * percent of the open work is late, as in a real network.
 */
const PACES = [
  ['on-time', 90],
  ['late', 6],
  ['stalled', 4],
] as const;
const READY_DAYS_AFTER_WEEK_START: Record<(typeof PACES)[number][0], [number, number]> = {
  'on-time': [2.6, 4.1],
  late: [4.8, 7.5],
  stalled: [7, 21],
};

/**
 * Payouts run once a day, from 08:00 to 09:00: work that passed QC on one day is paid the next
 * morning, so as of any moment payments have been made through yesterday.
 */
function nextPayoutRun({ random, passedAt, weekStart }: { random: Random; passedAt: Date; weekStart: Date }): Date {
  // Whole Nairobi days from the week's Monday 00:00, as inspectionTime counts them.
  const nextDay = weekStart.getTime() + (Math.floor((passedAt.getTime() - weekStart.getTime()) / DAY_MS) + 1) * DAY_MS;
  return new Date(nextDay + random.int(8 * 60, 9 * 60) * 60_000);
}

function mpesaReceipt(random: Random): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  return `S${Array.from({ length: 9 }, () => alphabet[random.int(0, alphabet.length - 1)]).join('')}`;
}

/**
 * Plays one job's life in the demo network, from the Friday it was offered to its payment, and
 * stops at `now`: whatever had not happened by then has not happened. So jobs of past weeks are
 * paid, last week's may still await QC or payment, and this week's are being accepted and made.
 */
export function simulateJob({
  random,
  ids,
  plan,
  officer,
  now,
}: {
  random: Random;
  ids: SeededObjectId;
  plan: JobPlan;
  officer: Types.ObjectId;
  now: Date;
}): SimulatedJob {
  const system = { role: 'system', label: 'planner commit' };
  const artisanActor = { role: 'artisan', label: plan.artisanName };
  const officerActor = { userId: officer, role: 'field_officer', label: 'field officer' };
  const history: JobStatusChange[] = [];
  const inspections: InspectionDoc[] = [];
  // Widened on purpose: `move` changes it from inside a closure, which narrowing cannot see.
  let status = 'offered' as JobStatus;
  const { offeredAt } = plan;
  const jobId = ids('job', plan.index, offeredAt);
  history.push({ from: null, to: 'offered', at: offeredAt, by: system });

  const move = (to: JobStatus, at: Date, by: JobStatusChange['by']) => {
    if (at > now) return false;
    history.push({ from: status, to, at, by });
    status = to;
    return true;
  };

  const dueDate = plan.dueDate;
  const pace = random.weighted(PACES);
  let passed = 0;
  let failedTotal = 0;
  let passedAt: Date | undefined;
  let payment: PaymentDoc | null = null;

  let at = addMinutes(offeredAt, random.int(60, 66 * 60));
  if (move('accepted', at, artisanActor)) {
    // Work starts with the production week (some start on the weekend before).
    at = new Date(
      Math.max(
        addMinutes(at, random.int(60, 24 * 60)).getTime(),
        addMinutes(plan.weekStart, -random.int(0, 16 * 60)).getTime(),
      ),
    );
    if (move('in_progress', at, artisanActor)) {
      const [earliest, latest] = READY_DAYS_AFTER_WEEK_START[pace];
      at = addHours(plan.weekStart, random.between(earliest * 24, latest * 24));
      let rounds = 0;
      while (status === 'in_progress' && move('ready_for_qc', at, artisanActor)) {
        at = inspectionTime({ random, readyAt: at, weekStart: plan.weekStart });
        if (at > now) break;
        const awaiting = plan.quantity - passed;
        const failed = rounds === 0 && random.chance(0.08) ? random.int(1, Math.max(1, Math.ceil(awaiting * 0.25))) : 0;
        const reasons = DEFECTS_BY_SKILL[plan.skill] ?? GENERAL_DEFECTS;
        const inspectedAt = at;
        inspections.push({
          _id: ids('inspection', plan.index * 2 + rounds, inspectedAt),
          job: jobId,
          workshop: plan.workshop,
          artisan: plan.artisan,
          officer,
          passedQuantity: awaiting - failed,
          failedQuantity: failed,
          defects: failed > 0 ? [{ reason: random.pick(reasons), quantity: failed }] : [],
          inspectedAt,
          createdAt: inspectedAt,
          updatedAt: inspectedAt,
        });
        passed += awaiting - failed;
        failedTotal += failed;
        rounds++;
        if (failed === 0) {
          move('passed', inspectedAt, officerActor);
          passedAt = inspectedAt;
        } else {
          move('failed', inspectedAt, officerActor);
          at = addMinutes(inspectedAt, random.int(60, 12 * 60));
          if (!move('in_progress', at, artisanActor)) break;
          at = addMinutes(at, random.int(12 * 60, 48 * 60));
        }
      }
      if (status === 'passed' && passedAt) {
        const paidAt = nextPayoutRun({ random, passedAt, weekStart: plan.weekStart });
        if (move('paid', paidAt, system)) {
          payment = {
            _id: ids('payment', plan.index, paidAt),
            job: jobId,
            payee: { kind: 'artisan', artisan: plan.artisan, workshop: plan.workshop },
            phone: plan.artisanPhone,
            quantity: passed,
            pieceRateCents: plan.pieceRateCents,
            amountCents: passed * plan.pieceRateCents,
            week: plan.plannedWeek,
            provider: 'mpesa',
            providerReference: addMinutes(paidAt, 5) <= now ? mpesaReceipt(random) : undefined,
            status: addMinutes(paidAt, 5) <= now ? 'confirmed' : 'sent',
            paidAt,
            createdAt: paidAt,
            updatedAt: paidAt,
          };
        }
      }
    }
  }

  const updatedAt = history[history.length - 1].at;
  const job: JobDoc = {
    _id: jobId,
    order: plan.order,
    orderLine: plan.orderLine,
    product: plan.product,
    skill: plan.skill,
    labourMinutesPerUnit: plan.labourMinutesPerUnit,
    pieceRateCents: plan.pieceRateCents,
    workshop: plan.workshop,
    ...(status === 'offered' ? {} : { artisan: plan.artisan }),
    quantity: plan.quantity,
    passedQuantity: passed,
    failedQuantity: failedTotal,
    dueDate,
    plannedWeek: plan.plannedWeek,
    ...(plan.plan ? { plan: plan.plan } : {}),
    status,
    statusHistory: history,
    ...(passedAt ? { passedAt } : {}),
    createdAt: offeredAt,
    updatedAt,
  };
  return { job, inspections, payment };
}

import { model, type Model, Schema, type Types } from 'mongoose';

import { JOB_STATUSES, type JobStatus } from '../domain/job-status';
import { ROLES } from '../domain/roles';
import { SKILLS, type Skill } from '../domain/skills';
import { type WeekLabel } from '../domain/weeks';
import { NEWEST_CHANGE_FIRST } from './newest-change-index';
import { centsField, weekLabelField, wholeCountField } from './schema-fields';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

export interface JobStatusChange {
  from: JobStatus | null;
  to: JobStatus;
  at: Date;
  by: { userId?: Types.ObjectId; role: string; label: string };
  note?: string;
}

/** A quantity of one order line given to one workshop (and, once accepted, one artisan) for one week. */
export interface JobDoc {
  _id: Types.ObjectId;
  order: Types.ObjectId;
  orderLine: Types.ObjectId;
  product: Types.ObjectId;
  /** Copied from the product when the job is made, so later catalogue edits don't change it. */
  skill: Skill;
  labourMinutesPerUnit: number;
  pieceRateCents: number;
  workshop: Types.ObjectId;
  artisan?: Types.ObjectId;
  quantity: number;
  /** Units inspected and passed so far (rework adds to it). */
  passedQuantity: number;
  failedQuantity: number;
  /** Units the artisan reports made of those awaiting inspection; an inspection starts it again at 0.
   * Optional in the type only: the schema defaults it, and jobs stored before it existed read as 0. */
  madeQuantity?: number;
  dueDate: Date;
  plannedWeek: WeekLabel;
  plan?: Types.ObjectId;
  status: JobStatus;
  statusHistory: JobStatusChange[];
  passedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const statusChangeSchema = new Schema<JobStatusChange>(
  {
    from: { type: String, enum: [...JOB_STATUSES, null], default: null },
    to: { type: String, required: true, enum: JOB_STATUSES },
    at: { type: Date, required: true },
    by: {
      type: new Schema(
        {
          userId: { type: Schema.Types.ObjectId, ref: 'User' },
          role: { type: String, required: true, enum: [...ROLES, 'system'] },
          label: { type: String, required: true },
        },
        { _id: false, strict: 'throw' },
      ),
      required: true,
    },
    note: { type: String, maxlength: 500 },
  },
  { _id: false, strict: 'throw' },
);

const jobSchema = new Schema<JobDoc>(
  {
    order: { type: Schema.Types.ObjectId, ref: 'Order', required: true },
    orderLine: { type: Schema.Types.ObjectId, required: true },
    product: { type: Schema.Types.ObjectId, ref: 'Product', required: true },
    skill: { type: String, required: true, enum: SKILLS },
    labourMinutesPerUnit: wholeCountField(1),
    pieceRateCents: centsField,
    workshop: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
    artisan: { type: Schema.Types.ObjectId, ref: 'Artisan' },
    quantity: wholeCountField(1),
    passedQuantity: { ...wholeCountField(0), default: 0 },
    failedQuantity: { ...wholeCountField(0), default: 0 },
    madeQuantity: { ...wholeCountField(0), default: 0 },
    dueDate: { type: Date, required: true },
    plannedWeek: weekLabelField,
    plan: { type: Schema.Types.ObjectId, ref: 'Plan' },
    status: { type: String, required: true, enum: JOB_STATUSES, default: 'offered' },
    statusHistory: { type: [statusChangeSchema], default: [] },
    passedAt: { type: Date },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'jobs' },
);

jobSchema.index({ plannedWeek: 1, status: 1 });
jobSchema.index({ workshop: 1, plannedWeek: 1 });
jobSchema.index({ artisan: 1, status: 1 });
jobSchema.index({ order: 1 });
jobSchema.index({ status: 1, dueDate: 1 });
jobSchema.index(NEWEST_CHANGE_FIRST);

export const Job: Model<JobDoc> = model<JobDoc>('Job', jobSchema);

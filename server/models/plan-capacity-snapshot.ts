import { model, type Model, Schema, type Types } from 'mongoose';

import { type Skill } from '../domain/skills';
import { type WeekLabel } from '../domain/weeks';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/**
 * The workshop capacity a plan was computed on, kept beside the plan: its earnings per
 * capacity-hour and its load per workshop-week must be read against the minutes that were free
 * then, not against today's (which the plan's own commit changes).
 */
export interface PlanCapacitySnapshotDoc {
  _id: Types.ObjectId;
  plan: Types.ObjectId;
  weeks: WeekLabel[];
  workshops: {
    workshop: Types.ObjectId;
    code: string;
    skills: Skill[];
    artisans: number;
    freeMinutes: number[];
    /** Whether some job of the plan needed one of its skills (only those count for fairness). */
    eligible: boolean;
  }[];
  createdAt: Date;
  updatedAt: Date;
}

const snapshotSchema = new Schema<PlanCapacitySnapshotDoc>(
  {
    plan: { type: Schema.Types.ObjectId, ref: 'Plan', required: true },
    weeks: [{ type: String, match: /^\d{4}-W\d{2}$/ }],
    workshops: [
      new Schema(
        {
          workshop: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
          code: { type: String, required: true },
          skills: [{ type: String }],
          artisans: { type: Number, required: true, min: 0 },
          freeMinutes: [{ type: Number, min: 0 }],
          eligible: { type: Boolean, required: true },
        },
        { _id: false, strict: 'throw' },
      ),
    ],
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'plan_capacity_snapshots' },
);

snapshotSchema.index({ plan: 1 }, { unique: true });

export const PlanCapacitySnapshot: Model<PlanCapacitySnapshotDoc> = model<PlanCapacitySnapshotDoc>(
  'PlanCapacitySnapshot',
  snapshotSchema,
);

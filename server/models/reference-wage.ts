import { model, type Model, Schema, type Types } from 'mongoose';

import { REFERENCE_WAGE_KINDS, type ReferenceWageKind } from '../domain/reference-wages';
import { type ActorStamp, actorStampSchema } from './actor-stamp';
import { centsField } from './schema-fields';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/**
 * A reference wage as an admin recorded it. A new figure is a new document from its effective
 * day, so reports of past periods keep measuring against the wage that applied then.
 */
export interface ReferenceWageDoc {
  _id: Types.ObjectId;
  kind: ReferenceWageKind;
  monthlyCents: number;
  source: string;
  /** Nairobi calendar day "YYYY-MM-DD". */
  effectiveFrom: string;
  recordedBy: ActorStamp;
  createdAt: Date;
  updatedAt: Date;
}

const referenceWageSchema = new Schema<ReferenceWageDoc>(
  {
    kind: { type: String, required: true, enum: REFERENCE_WAGE_KINDS },
    monthlyCents: centsField,
    source: { type: String, required: true, trim: true, maxlength: 300 },
    effectiveFrom: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    recordedBy: { type: actorStampSchema, required: true },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'reference_wages' },
);

referenceWageSchema.index({ kind: 1, effectiveFrom: -1 }, { unique: true });

export const ReferenceWage: Model<ReferenceWageDoc> = model<ReferenceWageDoc>('ReferenceWage', referenceWageSchema);

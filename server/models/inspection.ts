import { model, type Model, Schema, type Types } from 'mongoose';

import { DEFECT_REASONS, type DefectReason } from '../domain/defect-reasons';
import { wholeCountField } from './schema-fields';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

// The list lives in server/domain/ so the officer's page can offer it; re-exported for existing callers.
export { DEFECT_REASONS, type DefectReason };

/** One QC visit to one job by a field officer. */
export interface InspectionDoc {
  _id: Types.ObjectId;
  job: Types.ObjectId;
  workshop: Types.ObjectId;
  artisan?: Types.ObjectId;
  officer: Types.ObjectId;
  passedQuantity: number;
  failedQuantity: number;
  defects: { reason: DefectReason; quantity: number }[];
  notes?: string;
  inspectedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

const inspectionSchema = new Schema<InspectionDoc>(
  {
    job: { type: Schema.Types.ObjectId, ref: 'Job', required: true },
    workshop: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
    artisan: { type: Schema.Types.ObjectId, ref: 'Artisan' },
    officer: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    passedQuantity: wholeCountField(0),
    failedQuantity: wholeCountField(0),
    defects: {
      type: [
        new Schema(
          { reason: { type: String, required: true, enum: DEFECT_REASONS }, quantity: wholeCountField(1) },
          { _id: false, strict: 'throw' },
        ),
      ],
      default: [],
    },
    notes: { type: String, trim: true, maxlength: 1000 },
    inspectedAt: { type: Date, required: true },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'inspections' },
);

inspectionSchema.index({ job: 1, inspectedAt: 1 });
inspectionSchema.index({ officer: 1, inspectedAt: -1 });
inspectionSchema.index({ workshop: 1, inspectedAt: -1 });

export const Inspection: Model<InspectionDoc> = model<InspectionDoc>('Inspection', inspectionSchema);

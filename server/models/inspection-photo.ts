import { model, type Model, Schema, type Types } from 'mongoose';

import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/** Largest photo kept: the phone shrinks it to a small JPEG first, so anything bigger is not one of ours. */
export const MAX_INSPECTION_PHOTO_BYTES = 400 * 1024;

/** The photo a field officer took of an inspected job's defects, kept apart so lists never load images. */
export interface InspectionPhotoDoc {
  _id: Types.ObjectId;
  inspection: Types.ObjectId;
  job: Types.ObjectId;
  contentType: 'image/jpeg';
  data: Buffer;
  createdAt: Date;
  updatedAt: Date;
}

const inspectionPhotoSchema = new Schema<InspectionPhotoDoc>(
  {
    inspection: { type: Schema.Types.ObjectId, ref: 'Inspection', required: true },
    job: { type: Schema.Types.ObjectId, ref: 'Job', required: true },
    contentType: { type: String, required: true, enum: ['image/jpeg'] },
    data: {
      type: Buffer,
      required: true,
      validate: {
        validator: (data: Buffer) => data.length > 0 && data.length <= MAX_INSPECTION_PHOTO_BYTES,
        message: `a photo is kept up to ${MAX_INSPECTION_PHOTO_BYTES / 1024} KB`,
      },
    },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'inspection_photos' },
);

inspectionPhotoSchema.index({ inspection: 1 }, { unique: true });
inspectionPhotoSchema.index({ job: 1 });

export const InspectionPhoto: Model<InspectionPhotoDoc> = model<InspectionPhotoDoc>(
  'InspectionPhoto',
  inspectionPhotoSchema,
);

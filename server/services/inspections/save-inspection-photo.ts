import { type Types } from 'mongoose';

import { ValidationError } from '../../domain/errors';
import { InspectionPhoto, MAX_INSPECTION_PHOTO_BYTES } from '../../models/inspection-photo';
import { type UnitOfWork } from '../run-in-transaction';

/** Every JPEG starts with these bytes; anything else was not made by the phone page's canvas. */
const JPEG_START = [0xff, 0xd8, 0xff];

/** Checks a photo sent with an inspection: a JPEG, not empty, within the size kept. */
export function assertInspectionPhoto(data: Buffer): void {
  if (data.length === 0) throw ValidationError.forField('photo', 'is empty');
  if (data.length > MAX_INSPECTION_PHOTO_BYTES) {
    throw ValidationError.forField(
      'photo',
      `is ${Math.ceil(data.length / 1024)} KB; at most ${MAX_INSPECTION_PHOTO_BYTES / 1024} KB is kept`,
    );
  }
  if (!JPEG_START.every((byte, index) => data[index] === byte))
    throw ValidationError.forField('photo', 'is not a JPEG');
}

/** Keeps an inspection's photo, in the inspection's transaction. */
export async function saveInspectionPhotoInUnit({
  unit,
  inspectionId,
  jobId,
  data,
}: {
  unit: UnitOfWork;
  inspectionId: Types.ObjectId;
  jobId: Types.ObjectId;
  data: Buffer;
}): Promise<void> {
  assertInspectionPhoto(data);
  await InspectionPhoto.create([{ inspection: inspectionId, job: jobId, contentType: 'image/jpeg', data }], {
    session: unit.session,
  });
}

/** An inspection's photo, or null. */
export async function readInspectionPhoto({ inspectionId }: { inspectionId: string }): Promise<Buffer | null> {
  const photo = await InspectionPhoto.findOne({ inspection: inspectionId }, { data: 1 }).lean();
  return photo ? Buffer.from(photo.data.buffer, photo.data.byteOffset, photo.data.byteLength) : null;
}

import { createHash } from 'node:crypto';

import { Types } from 'mongoose';

/**
 * ObjectIds for the demo network that depend only on the seed, the kind of record and its
 * number, so the same seed gives the same ids. The first four bytes are the record's creation
 * time, as in a real ObjectId, so ids still sort roughly by age.
 */
export function createSeededIds(seed: string | number) {
  return function seededObjectId(kind: string, index: number, createdAt: Date): Types.ObjectId {
    const bytes = Buffer.alloc(12);
    bytes.writeUInt32BE(Math.max(0, Math.floor(createdAt.getTime() / 1000)) >>> 0, 0);
    createHash('sha1')
      .update(`${String(seed)}|${kind}|${index}`)
      .digest()
      .copy(bytes, 4, 0, 8);
    return new Types.ObjectId(bytes);
  };
}

export type SeededObjectId = ReturnType<typeof createSeededIds>;

import { Types } from 'mongoose';

/** FNV-1a over a string's UTF-16 code units, from a given offset basis: fast and well spread. */
function fnv1a(text: string, basis: number): number {
  let hash = basis;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * ObjectIds for the demo network that depend only on the seed, the kind of record and its
 * number, so the same seed gives the same ids. The first four bytes are the record's creation
 * time, as in a real ObjectId, so ids still sort roughly by age; the other eight are two
 * independent hashes of seed, kind and number. NOTE: not a cryptographic hash on purpose: the
 * network takes some 130,000 ids, and a SHA-1 per id was a tenth of the time to build it.
 */
export function createSeededIds(seed: string | number) {
  return function seededObjectId(kind: string, index: number, createdAt: Date): Types.ObjectId {
    const key = `${String(seed)}|${kind}|${index}`;
    const bytes = Buffer.alloc(12);
    bytes.writeUInt32BE(Math.max(0, Math.floor(createdAt.getTime() / 1000)) >>> 0, 0);
    bytes.writeUInt32BE(fnv1a(key, 0x811c9dc5), 4);
    bytes.writeUInt32BE(fnv1a(key, 0x050c5d1f), 8);
    return new Types.ObjectId(bytes);
  };
}

export type SeededObjectId = ReturnType<typeof createSeededIds>;

import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A journal directory holds, per generation G:
 *   snapshot-G.kws  the full state at the moment generation G began (absent for generation 0)
 *   journal-G.kwj   records appended since then
 * Compaction to G+1 writes `snapshot-(G+1).kws.tmp`, renames it into place, and only then
 * deletes generation G. The newest generation that has a snapshot (or 0) is the base of
 * recovery; its journal and any newer journals are replayed on top of it.
 */
export const FORMAT_VERSION = 1;

export type FileKind = 'journal' | 'snapshot';

const MAGIC: Record<FileKind, string> = { journal: 'KWNDJRNL', snapshot: 'KWNDSNAP' };
const EXTENSION: Record<FileKind, string> = { journal: 'kwj', snapshot: 'kws' };

/** magic(8) + format version(4) + generation(4); snapshots add their record count(4). */
export const HEADER_BYTES: Record<FileKind, number> = { journal: 16, snapshot: 20 };

export function fileName({ kind, generation }: { kind: FileKind; generation: number }): string {
  return `${kind}-${String(generation).padStart(8, '0')}.${EXTENSION[kind]}`;
}

export function encodeHeader({
  kind,
  generation,
  recordCount = 0,
}: {
  kind: FileKind;
  generation: number;
  recordCount?: number;
}): Buffer {
  const header = Buffer.alloc(HEADER_BYTES[kind]);
  header.write(MAGIC[kind], 0, 'latin1');
  header.writeUInt32LE(FORMAT_VERSION, 8);
  header.writeUInt32LE(generation, 12);
  if (kind === 'snapshot') header.writeUInt32LE(recordCount, 16);
  return header;
}

export interface ParsedHeader {
  generation: number;
  recordCount: number;
}

/** Throws with the file's path when the header is not ours or from a format this code cannot read. */
export function parseHeader({ kind, buffer, path }: { kind: FileKind; buffer: Buffer; path: string }): ParsedHeader {
  if (buffer.length < HEADER_BYTES[kind]) {
    throw new Error(`${path}: ${kind} header is ${buffer.length} bytes, expected ${HEADER_BYTES[kind]}`);
  }
  const magic = buffer.toString('latin1', 0, 8);
  if (magic !== MAGIC[kind]) {
    throw new Error(`${path}: not a Kiwanda ${kind} file (magic ${JSON.stringify(magic)})`);
  }
  const version = buffer.readUInt32LE(8);
  if (version !== FORMAT_VERSION) {
    throw new Error(`${path}: ${kind} format version ${version} is not supported (this build reads ${FORMAT_VERSION})`);
  }
  return {
    generation: buffer.readUInt32LE(12),
    recordCount: kind === 'snapshot' ? buffer.readUInt32LE(16) : 0,
  };
}

export interface DirectoryListing {
  journals: number[];
  snapshots: number[];
  /** Leftovers of an interrupted snapshot write: never valid, always safe to delete. */
  temporaryFiles: string[];
}

const GENERATION_FILE = /^(journal|snapshot)-(\d{8})\.(kwj|kws)$/;

export function listGenerations({ dir }: { dir: string }): DirectoryListing {
  const listing: DirectoryListing = { journals: [], snapshots: [], temporaryFiles: [] };
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.tmp')) {
      listing.temporaryFiles.push(join(dir, name));
      continue;
    }
    const match = GENERATION_FILE.exec(name);
    if (!match) continue;
    const kind = match[1] as FileKind;
    if (match[3] !== EXTENSION[kind]) continue;
    (kind === 'journal' ? listing.journals : listing.snapshots).push(Number(match[2]));
  }
  listing.journals.sort((a, b) => a - b);
  listing.snapshots.sort((a, b) => a - b);
  return listing;
}

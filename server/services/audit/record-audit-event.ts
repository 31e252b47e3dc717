import { type ClientSession, Types } from 'mongoose';

import { type Actor } from '../../domain/actor';
import { AuditEvent } from '../../models/audit-event';

export interface AuditEntry {
  entity: { kind: string; id: Types.ObjectId | string };
  /** `entity.verb`, e.g. "job.accepted". */
  action: string;
  /** Snapshots of the entity; any plain object (a lean document, a few chosen fields). */
  before?: object | null;
  after?: object | null;
}

/** The audit-trail form of an actor, as stored in job status histories too. */
export function actorStamp(actor: Actor): { userId?: Types.ObjectId; role: string; label: string } {
  // NOTE: no `userId: undefined` key: lean inserts would store it as null.
  return {
    ...(actor.userId ? { userId: new Types.ObjectId(actor.userId) } : {}),
    role: actor.role,
    label: actor.label,
  };
}

/**
 * Appends entries to the audit trail, inside the caller's transaction so each change and its
 * record are written together or not at all.
 */
export async function recordAuditEvents({
  session,
  actor,
  entries,
  at = new Date(),
}: {
  session: ClientSession;
  actor: Actor;
  entries: AuditEntry[];
  at?: Date;
}): Promise<void> {
  if (entries.length === 0) return;
  const stamp = { kind: actor.kind, ...actorStamp(actor) };
  const written = new Date();
  // NOTE: written lean: a plan commit records one entry per job it offers, and building and
  // validating a Mongoose document for each was most of its time. The shape is fixed here.
  await AuditEvent.insertMany(
    entries.map((entry) => ({
      _id: new Types.ObjectId(),
      at,
      actor: stamp,
      entity: { kind: entry.entity.kind, id: new Types.ObjectId(String(entry.entity.id)) },
      action: entry.action,
      before: entry.before ?? null,
      after: entry.after ?? null,
      createdAt: written,
      updatedAt: written,
    })),
    { session, lean: true },
  );
}

export async function recordAuditEvent({
  session,
  actor,
  at,
  ...entry
}: AuditEntry & { session: ClientSession; actor: Actor; at?: Date }): Promise<void> {
  await recordAuditEvents({ session, actor, at, entries: [entry] });
}

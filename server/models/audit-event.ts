import { model, type Model, Schema, type Types } from 'mongoose';

import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/**
 * The audit trail: one record per state change, who did it, when, and the entity before and
 * after. Written in the same transaction as the change it describes.
 */
export interface AuditEventDoc {
  _id: Types.ObjectId;
  at: Date;
  actor: { kind: 'user' | 'system'; userId?: Types.ObjectId; role: string; label: string };
  entity: { kind: string; id: Types.ObjectId };
  /** `entity.verb`, e.g. "job.accepted", "order.created". */
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  createdAt: Date;
  updatedAt: Date;
}

const auditEventSchema = new Schema<AuditEventDoc>(
  {
    at: { type: Date, required: true },
    actor: {
      type: new Schema(
        {
          kind: { type: String, required: true, enum: ['user', 'system'] },
          userId: { type: Schema.Types.ObjectId, ref: 'User' },
          role: { type: String, required: true },
          label: { type: String, required: true },
        },
        { _id: false, strict: 'throw' },
      ),
      required: true,
    },
    entity: {
      type: new Schema(
        { kind: { type: String, required: true }, id: { type: Schema.Types.ObjectId, required: true } },
        { _id: false, strict: 'throw' },
      ),
      required: true,
    },
    action: { type: String, required: true, match: /^[a-z_]+\.[a-z_]+$/ },
    // Snapshots are whatever the entity was; their shape is the entity's schema, not this one.
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'events' },
);

auditEventSchema.index({ 'entity.kind': 1, 'entity.id': 1, at: 1 });
auditEventSchema.index({ at: -1 });
auditEventSchema.index({ 'actor.userId': 1, at: -1 });

// NOTE: not called "Event", which every browser and Node already define globally.
export const AuditEvent: Model<AuditEventDoc> = model<AuditEventDoc>('AuditEvent', auditEventSchema);

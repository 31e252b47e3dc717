import { model, type Model, Schema } from 'mongoose';

import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/**
 * What an impact pre-aggregate was last built from: a fingerprint of its source collection. The
 * report compares it with the source before reading, so data written without passing through the
 * services (a seed, an import, a restore) is noticed and the aggregate rebuilt.
 */
export interface ImpactAggregateStateDoc {
  /** The aggregate's collection name. */
  _id: string;
  fingerprint: string;
  rebuiltAt: Date;
  /**
   * Counts every write to the aggregate (rebuild, payment, refreshed day): a process keeping the
   * aggregate's rows in memory reloads them when it differs from what it loaded at.
   */
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

const impactAggregateStateSchema = new Schema<ImpactAggregateStateDoc>(
  {
    _id: { type: String, required: true },
    fingerprint: { type: String, required: true },
    rebuiltAt: { type: Date, required: true },
    revision: { type: Number, default: 0 },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'impact_aggregate_states' },
);

export const ImpactAggregateState: Model<ImpactAggregateStateDoc> = model<ImpactAggregateStateDoc>(
  'ImpactAggregateState',
  impactAggregateStateSchema,
);

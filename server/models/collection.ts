import { model, type Model, Schema, type Types } from 'mongoose';

import { COLLECTION_STATUSES, type CollectionStatus } from '../domain/collection-status';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/** A trend collection: designed, checked against the network's capacity, then launched. */
export interface CollectionDoc {
  _id: Types.ObjectId;
  name: string;
  /** e.g. "SS26", "AW25". */
  season: string;
  designer: string;
  designerUser?: Types.ObjectId;
  launchDate: Date;
  products: Types.ObjectId[];
  status: CollectionStatus;
  createdAt: Date;
  updatedAt: Date;
}

const collectionSchema = new Schema<CollectionDoc>(
  {
    name: { type: String, required: true, trim: true, maxlength: 120 },
    season: { type: String, required: true, match: /^(SS|AW|HOL)\d{2}$/ },
    designer: { type: String, required: true, trim: true },
    designerUser: { type: Schema.Types.ObjectId, ref: 'User' },
    launchDate: { type: Date, required: true },
    products: [{ type: Schema.Types.ObjectId, ref: 'Product' }],
    status: { type: String, required: true, enum: COLLECTION_STATUSES, default: 'draft' },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'collections' },
);

collectionSchema.index({ name: 1, season: 1 }, { unique: true });
collectionSchema.index({ status: 1, launchDate: -1 });

// NOTE: exported as ProductCollection so it is never mistaken for a MongoDB collection.
export const ProductCollection: Model<CollectionDoc> = model<CollectionDoc>('Collection', collectionSchema);

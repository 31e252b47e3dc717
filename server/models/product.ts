import { model, type Model, Schema, type Types } from 'mongoose';

import { SKILLS, type Skill } from '../domain/skills';
import { NEWEST_CHANGE_FIRST } from './newest-change-index';
import { centsField, wholeCountField } from './schema-fields';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/** One material a unit takes, e.g. 12 g of recycled brass. */
export interface ProductMaterial {
  name: string;
  quantity: number;
  unit: string;
}

/** A design the network can make, with what it takes and what it pays. */
export interface ProductDoc {
  _id: Types.ObjectId;
  sku: string;
  name: string;
  collectionRef: Types.ObjectId;
  requiredSkill: Skill;
  labourMinutesPerUnit: number;
  /** What one unit takes; bought by HQ and handed to the workshop with the job. */
  materials: ProductMaterial[];
  /** Paid to the artisan for each unit that passes QC. */
  pieceRateCents: number;
  wholesalePriceCents: number;
  retailPriceCents: number;
  /** Smallest quantity a retail partner may order. */
  minimumLot: number;
  /** Finished with 24K gold plating at HQ after QC (outside workshop capacity). */
  goldPlated: boolean;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const materialSchema = new Schema<ProductMaterial>(
  {
    name: { type: String, required: true, trim: true, maxlength: 80 },
    quantity: { type: Number, required: true, min: 0 },
    unit: { type: String, required: true, trim: true, maxlength: 20 },
  },
  { _id: false },
);

const productSchema = new Schema<ProductDoc>(
  {
    sku: { type: String, required: true, match: /^[A-Z0-9]+(-[A-Z0-9]+)*$/ },
    name: { type: String, required: true, trim: true, maxlength: 120 },
    // NOTE: `collection` is a reserved Mongoose document property, hence `collectionRef`.
    collectionRef: { type: Schema.Types.ObjectId, ref: 'Collection', required: true },
    requiredSkill: { type: String, required: true, enum: SKILLS },
    labourMinutesPerUnit: wholeCountField(1),
    materials: { type: [materialSchema], default: [] },
    pieceRateCents: centsField,
    wholesalePriceCents: centsField,
    retailPriceCents: centsField,
    minimumLot: wholeCountField(1),
    goldPlated: { type: Boolean, required: true, default: false },
    active: { type: Boolean, required: true, default: true },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'products' },
);

productSchema.index({ sku: 1 }, { unique: true });
productSchema.index({ collectionRef: 1 });
productSchema.index({ requiredSkill: 1 });
productSchema.index(NEWEST_CHANGE_FIRST);

export const Product: Model<ProductDoc> = model<ProductDoc>('Product', productSchema);

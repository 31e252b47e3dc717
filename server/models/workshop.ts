import { model, type Model, Schema, type Types } from 'mongoose';

import { NAIROBI_AREA_NAMES, KENYAN_MOBILE_PATTERN, type NairobiArea } from '../domain/nairobi-areas';
import { SKILLS, type Skill } from '../domain/skills';
import { NEWEST_CHANGE_FIRST } from './newest-change-index';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/** A home-based workshop: a lead artisan and the artisans who work with them. */
export interface WorkshopDoc {
  _id: Types.ObjectId;
  /** Short code people use on the phone and on labels, e.g. "KIB-014". */
  code: string;
  name: string;
  area: NairobiArea;
  location: { lat: number; lng: number };
  skills: Skill[];
  leadArtisan?: Types.ObjectId;
  phone: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const workshopSchema = new Schema<WorkshopDoc>(
  {
    code: { type: String, required: true, match: /^[A-Z]{3}-\d{3,4}$/ },
    name: { type: String, required: true, trim: true, maxlength: 120 },
    area: { type: String, required: true, enum: NAIROBI_AREA_NAMES },
    location: {
      type: new Schema(
        {
          lat: { type: Number, required: true, min: -90, max: 90 },
          lng: { type: Number, required: true, min: -180, max: 180 },
        },
        { _id: false, strict: 'throw' },
      ),
      required: true,
    },
    skills: {
      type: [{ type: String, enum: SKILLS }],
      validate: { validator: (skills: string[]) => skills.length > 0, message: 'a workshop needs at least one skill' },
    },
    leadArtisan: { type: Schema.Types.ObjectId, ref: 'Artisan' },
    phone: { type: String, required: true, match: KENYAN_MOBILE_PATTERN },
    active: { type: Boolean, required: true, default: true },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'workshops' },
);

workshopSchema.index({ code: 1 }, { unique: true });
workshopSchema.index({ area: 1 });
workshopSchema.index({ skills: 1, active: 1 });
workshopSchema.index(NEWEST_CHANGE_FIRST);

export const Workshop: Model<WorkshopDoc> = model<WorkshopDoc>('Workshop', workshopSchema);

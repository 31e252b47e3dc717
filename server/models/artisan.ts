import { model, type Model, Schema, type Types } from 'mongoose';

import { ARTISAN_STATUSES, type ArtisanStatus } from '../domain/artisan-status';
import { GENDERS, type Gender } from '../domain/genders';
import { LANGUAGES, type Language } from '../domain/languages';
import { KENYAN_MOBILE_PATTERN } from '../domain/nairobi-areas';
import { SKILLS, type Skill } from '../domain/skills';
import { NEWEST_CHANGE_FIRST } from './newest-change-index';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

export { GENDERS, type Gender } from '../domain/genders';

/** A maker in a workshop, paid by mobile money on `phone`. */
export interface ArtisanDoc {
  _id: Types.ObjectId;
  name: string;
  gender: Gender;
  phone: string;
  workshop: Types.ObjectId;
  skills: Skill[];
  /** Hours a week the artisan offers to the network (their own declaration). */
  weeklyHours: number;
  /**
   * The language HQ recorded for the artisan: their SMS are written in it until they choose one
   * on their own phone pages (their account's `language` wins). Absent means English.
   */
  language?: Language;
  joinedAt: Date;
  status: ArtisanStatus;
  createdAt: Date;
  updatedAt: Date;
}

const artisanSchema = new Schema<ArtisanDoc>(
  {
    name: { type: String, required: true, trim: true, maxlength: 120 },
    gender: { type: String, required: true, enum: GENDERS },
    phone: { type: String, required: true, match: KENYAN_MOBILE_PATTERN },
    workshop: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
    skills: {
      type: [{ type: String, enum: SKILLS }],
      validate: { validator: (skills: string[]) => skills.length > 0, message: 'an artisan needs at least one skill' },
    },
    weeklyHours: { type: Number, required: true, min: 0, max: 60 },
    language: { type: String, enum: LANGUAGES },
    joinedAt: { type: Date, required: true },
    status: { type: String, required: true, enum: ARTISAN_STATUSES, default: 'active' },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'artisans' },
);

artisanSchema.index({ phone: 1 }, { unique: true });
artisanSchema.index({ workshop: 1, status: 1 });
artisanSchema.index({ skills: 1, status: 1 });
artisanSchema.index(NEWEST_CHANGE_FIRST);

export const Artisan: Model<ArtisanDoc> = model<ArtisanDoc>('Artisan', artisanSchema);

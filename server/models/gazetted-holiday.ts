import { model, type Model, Schema, type Types } from 'mongoose';

import { type ActorStamp, actorStampSchema } from './actor-stamp';
import { NEWEST_CHANGE_FIRST } from './newest-change-index';
import { STRICT_SCHEMA_OPTIONS } from './schema-options';

/**
 * A one-off public holiday gazetted by the government (Idd-ul-Fitr, a day of mourning, …), on
 * top of the fixed Kenyan holidays that server/domain/holidays.ts computes. This collection is
 * the one source of such days: dashboards and planning both read it through server/capacity.
 */
export interface GazettedHolidayDoc {
  _id: Types.ObjectId;
  /** Nairobi calendar day, "YYYY-MM-DD". */
  date: string;
  name: string;
  declaredBy: ActorStamp;
  createdAt: Date;
  updatedAt: Date;
}

const gazettedHolidaySchema = new Schema<GazettedHolidayDoc>(
  {
    date: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    name: { type: String, required: true, trim: true, minlength: 1, maxlength: 120 },
    declaredBy: { type: actorStampSchema, required: true },
  },
  { ...STRICT_SCHEMA_OPTIONS, collection: 'gazetted_holidays' },
);

gazettedHolidaySchema.index({ date: 1 }, { unique: true });
gazettedHolidaySchema.index(NEWEST_CHANGE_FIRST);

export const GazettedHoliday: Model<GazettedHolidayDoc> = model<GazettedHolidayDoc>(
  'GazettedHoliday',
  gazettedHolidaySchema,
);

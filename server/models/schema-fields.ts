import { Schema, type Types } from 'mongoose';

/** Field definitions several schemas share, so money and counts are checked the same everywhere. */

/** Who is paid: an artisan (in their workshop), or a workshop paid as a whole. */
export interface Payee {
  kind: 'artisan' | 'workshop';
  artisan?: Types.ObjectId;
  workshop: Types.ObjectId;
}

/** The payee of a payment and of the payout that sends it: the same shape, checked the same way. */
export const payeeField = () => ({
  type: new Schema<Payee>(
    {
      kind: { type: String, required: true, enum: ['artisan', 'workshop'] },
      artisan: { type: Schema.Types.ObjectId, ref: 'Artisan' },
      workshop: { type: Schema.Types.ObjectId, ref: 'Workshop', required: true },
    },
    { _id: false, strict: 'throw' },
  ),
  required: true,
});

/** Money is a whole number of KES cents, never a float. */
export const centsField = {
  type: Number,
  required: true,
  min: 0,
  validate: { validator: Number.isInteger, message: '{PATH} must be whole KES cents, got {VALUE}' },
} as const;

export const wholeCountField = (min: number) =>
  ({
    type: Number,
    required: true,
    min,
    validate: { validator: Number.isInteger, message: '{PATH} must be a whole number, got {VALUE}' },
  }) as const;

/** An ISO week in Nairobi, named like "2026-W48". */
export const weekLabelField = { type: String, required: true, match: /^\d{4}-W\d{2}$/ } as const;

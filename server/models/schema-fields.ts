/** Field definitions several schemas share, so money and counts are checked the same everywhere. */

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

/** How artisans are counted by gender (the impact report splits earnings by it). Safe in the browser. */
export const GENDERS = ['female', 'male', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

/** One person's gender as a form and a table name it (the impact report's GENDER_LABELS count groups). */
export const GENDER_NAMES: Record<Gender, string> = { female: 'Woman', male: 'Man', other: 'Other' };

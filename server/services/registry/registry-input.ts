import { z } from 'zod';

import { type Actor } from '../../domain/actor';
import { ARTISAN_STATUSES } from '../../domain/artisan-status';
import { ForbiddenError } from '../../domain/errors';
import { GENDERS } from '../../domain/genders';
import { oneOf } from '../../domain/input-schemas';
import { normaliseKenyanMobile } from '../../domain/kenyan-mobile';
import { LANGUAGES } from '../../domain/languages';
import { NAIROBI_AREA_NAMES } from '../../domain/nairobi-areas';
import { mayEditRegistry } from '../../domain/roles';
import { SKILLS } from '../../domain/skills';

/** A Kenyan mobile number as typed (07…, +254…, with spaces), kept in the +2547… form M-Pesa pays to. */
export const kenyanMobile = z.string({ error: 'give a Kenyan mobile number' }).transform((raw, context) => {
  const phone = normaliseKenyanMobile(raw);
  if (phone) return phone;
  context.addIssue({ code: 'custom', message: 'is not a Kenyan mobile number, e.g. 0712 345 678 or +254712345678' });
  return z.NEVER;
});

const skillList = z
  .array(oneOf(SKILLS))
  .min(1, 'choose at least one skill')
  .transform((skills) => [...new Set(skills)]);

/** A workshop as HQ writes it; the same rules for a new workshop and an edit. */
export const WorkshopInput = z.object({
  code: z
    .string({ error: 'give the workshop a code, e.g. KIB-014' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}-\d{3,4}$/, 'must be three letters, a dash and 3 or 4 digits, e.g. KIB-014'),
  name: z
    .string({ error: 'name the workshop' })
    .trim()
    .min(2, 'name the workshop')
    .max(120, 'is longer than 120 characters'),
  area: z.enum(NAIROBI_AREA_NAMES, { error: 'choose one of the Nairobi areas listed' }),
  skills: skillList,
  phone: kenyanMobile,
  active: z.boolean().default(true),
});
export type WorkshopInput = z.input<typeof WorkshopInput>;

/** An artisan as HQ writes them; their workshop is given apart (the page they are added from). */
export const ArtisanInput = z.object({
  name: z
    .string({ error: 'name the artisan' })
    .trim()
    .min(2, 'name the artisan')
    .max(120, 'is longer than 120 characters'),
  gender: oneOf(GENDERS),
  skills: skillList,
  weeklyHours: z
    .number({ error: 'must be a number of hours' })
    .min(0, 'cannot be negative')
    .max(60, 'must be at most 60 hours a week')
    .refine((hours) => Number.isInteger(hours * 2), 'must be whole or half hours'),
  phone: kenyanMobile,
  language: oneOf(LANGUAGES).default('en'),
  status: oneOf(ARTISAN_STATUSES).default('active'),
});
export type ArtisanInput = z.input<typeof ArtisanInput>;

/** Planners onboard and edit the network, administrators too; nobody else (managers read it). */
export function assertMayEditRegistry(actor: Actor): void {
  if (actor.role === 'system' || mayEditRegistry(actor.role)) return;
  throw new ForbiddenError('only planners and administrators edit workshops and artisans');
}

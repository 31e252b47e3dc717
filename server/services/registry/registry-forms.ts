import { z } from 'zod';

import { SKILLS } from '../../domain/skills';
import { normaliseTypedDay } from '../../domain/typed-day';
import { type ArtisanInput, type WorkshopInput } from './registry-input';

/**
 * The registry's HTML forms as routes receive them (every value a string, an unticked box absent),
 * turned into the services' input, which validates again and names the field. A form repeats no
 * name (the route helper keeps one value a name), so each skill is its own box, `skill.<id>`.
 */
const checkbox = z
  .string()
  .optional()
  .transform((value) => value !== undefined);

/** The ticked `skill.<id>` boxes as a list; an unknown id goes on, for the service to refuse by name. */
function withSkillList(form: unknown): unknown {
  if (typeof form !== 'object' || form === null) return form;
  const skills: string[] = [];
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(form)) {
    if (key.startsWith('skill.')) skills.push(key.slice('skill.'.length));
    else rest[key] = value;
  }
  // Known skills first, in the network's order, so the stored list reads the same whoever ticked it.
  skills.sort((a, b) => SKILLS.indexOf(a as never) - SKILLS.indexOf(b as never));
  return { ...rest, skills };
}

export const WorkshopForm = z.preprocess(
  withSkillList,
  z
    .object({
      code: z.string({ error: 'give the workshop a code, e.g. KIB-014' }),
      name: z.string({ error: 'name the workshop' }),
      area: z.string({ error: 'choose the area' }),
      phone: z.string({ error: 'give the workshop’s phone number' }),
      skills: z.array(z.string()),
      active: checkbox,
    })
    .transform((form) => form as WorkshopInput),
);

export const ArtisanForm = z.preprocess(
  withSkillList,
  z
    .object({
      name: z.string({ error: 'name the artisan' }),
      gender: z.string({ error: 'choose one' }),
      phone: z.string({ error: 'give the artisan’s M-Pesa number' }),
      weeklyHours: z
        .string({ error: 'give the hours they offer a week' })
        .refine((text) => /^\d+(\.\d+)?$/.test(text.trim()), 'must be a number of hours, e.g. 25 or 12.5')
        .transform(Number),
      language: z.string().optional(),
      status: z.string().optional(),
      skills: z.array(z.string()),
    })
    .transform((form) => form as ArtisanInput),
);

/** HQ's form for an artisan's days away, days typed as the pages write them ("7 Nov 2026"). */
export const AbsenceForm = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('declare'),
    from: z.preprocess(normaliseTypedDay, z.string({ error: 'give the first day away' })),
    to: z.preprocess(normaliseTypedDay, z.string({ error: 'give the last day away' })),
    reason: z.string().optional(),
  }),
  z.object({ intent: z.literal('cancel'), absenceId: z.string({ error: 'choose the days away to cancel' }) }),
]);

/** The artisan page's move form: the workshop they move to. */
export const MoveArtisanForm = z.object({
  intent: z.literal('move'),
  workshopId: z.string({ error: 'choose the workshop they move to' }),
});

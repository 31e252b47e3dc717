import { z } from 'zod';

import { type NairobiArea } from '../../domain/nairobi-areas';
import { type Role } from '../../domain/roles';

/**
 * The accounts page's HTML forms as routes receive them, turned into the services' input (which
 * validates again, naming the field). A field officer's areas are one box each, `area.<name>`,
 * since a form repeats no name (the route helper keeps one value a name).
 */
function withAreaList(form: unknown): unknown {
  if (typeof form !== 'object' || form === null) return form;
  const areas: string[] = [];
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(form)) {
    if (key.startsWith('area.')) areas.push(key.slice('area.'.length));
    else rest[key] = value;
  }
  return { ...rest, areas };
}

export const InviteUserForm = z.preprocess(
  withAreaList,
  z
    .object({
      email: z.string({ error: 'give their e-mail address' }),
      name: z.string({ error: 'give their name' }),
      role: z.string({ error: 'choose a role' }),
      artisanPhone: z.string().optional(),
      areas: z.array(z.string()),
    })
    .transform((form) => ({ ...form, role: form.role as Role, areas: form.areas as NairobiArea[] })),
);

/** What an administrator does on one account's page: its role (and areas), a reset, (de)activation. */
export const UserActionForm = z.preprocess(
  withAreaList,
  z
    .object({
      intent: z.enum(['role', 'reset', 'deactivate', 'reactivate'], { error: 'choose what to do' }),
      role: z.string().optional(),
      areas: z.array(z.string()),
    })
    .transform((form) => ({ ...form, role: form.role as Role, areas: form.areas as NairobiArea[] })),
);

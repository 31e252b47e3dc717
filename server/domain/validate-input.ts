import { type z } from 'zod';

import { ValidationError } from './errors';

/**
 * Parses a service's input with its zod schema; a failure becomes a ValidationError naming the
 * field, so every service answers bad input the same way.
 */
export function validateInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((issue) => ({
      field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(input)',
      message: issue.message,
    })),
  );
}

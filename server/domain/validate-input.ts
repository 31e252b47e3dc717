import { type z } from 'zod';

import { type FieldIssue, ValidationError } from './errors';

/** zod's issues as fields named for the caller, under `prefix` when the value was one field. */
function fieldIssues(error: z.ZodError, prefix: (string | number)[] = []): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path].map(String);
    return { field: path.length > 0 ? path.join('.') : '(input)', message: issue.message };
  });
}

/**
 * Parses a service's input with its zod schema; a failure becomes a ValidationError naming the
 * field, so every service answers bad input the same way.
 */
export function validateInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError(fieldIssues(parsed.error));
}

/**
 * One value (an id from the address, a header) parsed with its schema, a failure naming `field`.
 * NOTE: schemas are built once, where they are declared: zod compiles an object schema into a
 * function the first time it parses, so one built per call is compiled again on every request.
 */
export function validateField<Schema extends z.ZodType>(
  field: string,
  schema: Schema,
  value: unknown,
): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ValidationError(fieldIssues(parsed.error, [field]));
}

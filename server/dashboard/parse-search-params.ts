import { type z } from 'zod';

import { validateInput } from '../domain/validate-input';

/**
 * Reads a page's filters from its URL with a zod schema. Empty fields (a GET form submits every
 * field, chosen or not) count as absent; a repeated parameter keeps its last value. Bad values
 * throw a ValidationError naming the parameter.
 */
export function parseSearchParams<Schema extends z.ZodType>({
  schema,
  searchParams,
}: {
  schema: Schema;
  searchParams: URLSearchParams;
}): z.output<Schema> {
  const raw: Record<string, string> = {};
  for (const [name, value] of searchParams) {
    const trimmed = value.trim();
    if (trimmed === '') delete raw[name];
    else raw[name] = trimmed;
  }
  return validateInput(schema, raw);
}

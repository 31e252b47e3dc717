/**
 * How every route reads its input and answers failures: params, query strings and forms are
 * parsed with zod, and the errors services throw on purpose (DomainError and its kinds) become
 * the HTTP answer they name (400, 403, 404, 409, 422) with a message that names the field.
 * Anything else stays an error for the route's boundary and the log.
 */
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { type z } from 'zod';

import {
  DatabaseBusyError,
  DomainError,
  TooManyRequestsError,
  ValidationError,
  type FieldIssue,
} from '#server/domain/errors';
import { validateInput } from '#server/domain/validate-input';

// eslint-disable-next-line no-control-regex -- these patterns exist to find control characters
const QUERY_CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- as above, keeping tab, line feed and carriage return
const FORM_CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/** Headers an error's answer carries: when to try again after too many attempts or a busy database. */
function headersFor(error: DomainError): HeadersInit {
  return error instanceof TooManyRequestsError || error instanceof DatabaseBusyError
    ? { 'Retry-After': String(error.retryAfterSeconds) }
    : {};
}

/** What an action answers when it refuses: a message for the page, and one per field. */
export interface ActionFailure {
  error: string;
  fields: Record<string, string>;
  /** The kind of refusal (`StalePlanError`, `ValidationError`, …), so a page can offer the way out. */
  kind: string;
}

/** Turns a DomainError into the Response it names; anything else is returned unchanged. */
export function responseForDomainError(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  return new Response(error.message, {
    status: error.status,
    statusText: STATUS_TEXT[error.status] ?? 'Error',
    headers: headersFor(error),
  });
}

/** Runs a loader's reads; a DomainError is thrown as its HTTP answer. */
export async function answerDomainErrors<Result>(read: () => Promise<Result>): Promise<Result> {
  try {
    return await read();
  } catch (error) {
    throw responseForDomainError(error);
  }
}

/**
 * Text fields by name; a field left empty counts as absent (a GET form submits every field, chosen
 * or not). Query strings are trimmed; form values are kept as typed (a password may hold spaces)
 * and each schema trims what it should.
 */
function fieldsOf(
  entries: Iterable<[string, FormDataEntryValue]>,
  { trim }: { trim: boolean },
): Record<string, string> {
  const raw: Record<string, string> = {};
  const unreadable: FieldIssue[] = [];
  for (const [name, value] of entries) {
    // Files are read by the routes that take them; everything else here is text.
    if (typeof value !== 'string') continue;
    // Control characters (a NUL byte above all) are never text a person typed: refused here, they
    // never reach a query. Forms keep line breaks and tabs, which a note may hold.
    if ((trim ? QUERY_CONTROL_CHARACTERS : FORM_CONTROL_CHARACTERS).test(value)) {
      unreadable.push({ field: name, message: 'contains control characters' });
      continue;
    }
    if (value.trim() === '') delete raw[name];
    else raw[name] = trim ? value.trim() : value;
  }
  if (unreadable.length > 0) throw new ValidationError(unreadable);
  return raw;
}

/** A page's URL parameters, validated; a bad one answers 400 naming the parameter. */
export function parseQuery<Schema extends z.ZodType>(request: Request, schema: Schema): z.output<Schema> {
  try {
    return validateInput(schema, fieldsOf(new URL(request.url).searchParams, { trim: true }));
  } catch (error) {
    throw responseForDomainError(error);
  }
}

/** A list page's filters as far as they can be read, and what was wrong with the rest, by field. */
export interface ReadFilters<Query> {
  query: Query;
  /** Plain words for each filter that could not be used (it was left out of the query). */
  problems: Record<string, string>;
}

/**
 * A list page's filters from its URL. Unlike `parseQuery`, a filter that cannot be used does not
 * replace the page with an error: it is left out, the list shows what the others select, and the
 * page says beside the field what was wrong (a search too long, dates the wrong way round).
 */
export function parseFilters<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
): ReadFilters<z.output<Schema>> {
  const raw: Record<string, string> = {};
  const problems: Record<string, string> = {};
  for (const [name, value] of new URL(request.url).searchParams) {
    if (QUERY_CONTROL_CHARACTERS.test(value)) problems[name] = 'contains characters that cannot be typed';
    else if (value.trim() !== '') raw[name] = value.trim();
  }
  // Each pass leaves out the fields the last one refused; a refusal that names no field (none of
  // Kiwanda's filter schemas has one) cannot be narrowed down and answers 400 as parseQuery does.
  const passes = Object.keys(raw).length + 1;
  for (let pass = 0; pass < passes; pass += 1) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return { query: parsed.data, problems };
    for (const issue of parsed.error.issues) {
      const field = issue.path.length > 0 ? String(issue.path[0]) : undefined;
      if (field === undefined || !(field in raw))
        throw responseForDomainError(new ValidationError([{ field: field ?? '(input)', message: issue.message }]));
      problems[field] ??= issue.message;
      delete raw[field];
    }
  }
  throw responseForDomainError(new ValidationError([{ field: '(input)', message: 'could not be read' }]));
}

/**
 * The route's path parameters, validated. A parameter that cannot name anything (a malformed id)
 * answers 404, as a well-formed id of nothing does.
 */
export function parseParams<Schema extends z.ZodType>(
  params: LoaderFunctionArgs['params'],
  schema: Schema,
): z.output<Schema> {
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  throw new Response(`No such page: ${issue.path.join('.')} ${issue.message}`, {
    status: 404,
    statusText: 'Not Found',
  });
}

/**
 * The submitted form as it came, for actions that look at it before choosing what to validate. A
 * body that is not a form answers 400 at once (a thrown Response passes through `runAction`).
 */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response('The request body is not a form.', { status: 400 });
  }
}

/**
 * A submitted form, validated. A bad field is a ValidationError, which `actionFailure` (or the
 * route's boundary) turns into a 400 naming it.
 */
export async function parseForm<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.output<Schema>> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw ValidationError.forField('(form)', 'the request body is not a form');
  }
  return validateInput(schema, fieldsOf(form.entries(), { trim: false }));
}

/**
 * Runs an action: success answers `{ ok: true, …result }`; a DomainError (bad field, conflict,
 * not allowed) answers its status with `{ ok: false, error, fields, kind }` for the page to show,
 * plus what `keep` returns (a long form's values as typed, shown again beside their errors when
 * the page was posted without JavaScript). Responses thrown on purpose (a redirect to sign in, a
 * 403) pass through.
 */
export async function runAction<Result extends Record<string, unknown>, Kept extends object = Record<never, never>>(
  work: () => Promise<Result>,
  keep?: () => Kept,
) {
  try {
    return { ok: true as const, ...(await work()) };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const fields: Record<string, string> = {};
    if (error instanceof ValidationError) for (const issue of error.issues) fields[issue.field] ??= issue.message;
    const failure: ActionFailure = { error: error.message, fields, kind: error.name };
    return data(
      { ok: false as const, ...failure, ...((keep?.() ?? {}) as Kept) },
      { status: error.status, headers: headersFor(error) },
    );
  }
}

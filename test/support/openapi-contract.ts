import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

import { OPENAPI_DOCUMENT } from '#server/api/openapi-document';

interface ResponseObject {
  content?: Record<string, { schema: { $ref: string } }>;
  headers?: Record<string, unknown>;
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
for (const [name, schema] of Object.entries(OPENAPI_DOCUMENT.components.schemas))
  ajv.addSchema(schema as object, `#/components/schemas/${name}`);

/** The path template of the document a real request path falls under ("/orders/{orderId}"). */
function templateOf(path: string): string {
  const paths = Object.keys(OPENAPI_DOCUMENT.paths);
  const found = paths.find((template) =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path.replace(/^\/api\/v1/, '')),
  );
  if (!found) throw new Error(`the OpenAPI document has no path for ${path}`);
  return found;
}

/**
 * What is wrong with a real answer of the API according to the OpenAPI document: an answer
 * status it does not list, a header it promises and is missing, or a body not fitting the
 * schema. An empty list when it fits.
 */
export function contractProblems({
  method,
  path,
  status,
  headers,
  body,
}: {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  body: unknown;
}): string[] {
  const template = templateOf(path);
  const operation = (
    OPENAPI_DOCUMENT.paths as unknown as Record<string, Record<string, { responses: Record<string, ResponseObject> }>>
  )[template][method.toLowerCase()];
  if (!operation) return [`${method} ${template} is not in the document`];
  const response = operation.responses[String(status)];
  if (!response) return [`${method} ${template} answered ${status}, which the document does not list`];
  const problems = Object.keys(response.headers ?? {})
    .filter((name) => !headers.has(name))
    .map((name) => `${method} ${template} ${status} lacks the ${name} header`);
  const ref = response.content?.['application/json']?.schema.$ref;
  if (ref) {
    const validate = ajv.getSchema(ref);
    if (!validate) return [...problems, `no schema ${ref}`];
    if (!validate(body))
      problems.push(`${method} ${template} ${status}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(body)}`);
  }
  return problems;
}

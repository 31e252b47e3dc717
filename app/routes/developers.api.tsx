import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';

export const meta: MetaFunction = () => [{ title: 'Channels’ API · Kiwanda' }];

/** The parts of an OpenAPI 3.1 document this page shows. */
interface Schema {
  type?: string | string[];
  description?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: string[];
  format?: string;
  pattern?: string;
  minimum?: number;
  minLength?: number;
  maxLength?: number;
  $ref?: string;
}
interface Operation {
  operationId: string;
  summary: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
}

/** Public: a channel's developers read it before they have a key. The document is the served one. */
export function loader(args: LoaderFunctionArgs) {
  return { document: args.context.api.openApiDocument };
}

/** Descriptions mark code with backticks, as OpenAPI's CommonMark does; shown as <code>. */
function Prose({ text }: { text: string }) {
  return <>{text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}</>;
}

const refName = (schema: Schema | undefined) => schema?.$ref?.split('/').pop();

function typeOf(schema: Schema): string {
  if (schema.$ref) return refName(schema) ?? '';
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any');
  if (schema.items) return `array of ${schema.items.$ref ? refName(schema.items) : 'objects'}`;
  return schema.format ? `${type} (${schema.format})` : type;
}

function rulesOf(schema: Schema): string {
  return [
    schema.enum ? `one of ${schema.enum.join(', ')}` : null,
    schema.minimum !== undefined ? `at least ${schema.minimum}` : null,
    schema.minLength !== undefined ? `${schema.minLength}+ characters` : null,
    schema.maxLength !== undefined ? `at most ${schema.maxLength} characters` : null,
    schema.pattern ? `matches ${schema.pattern}` : null,
  ]
    .filter(Boolean)
    .join('; ');
}

/** A schema's fields as rows, nested objects and array items flattened as dotted paths. */
function fieldRows(schema: Schema, prefix = ''): { path: string; schema: Schema; required: boolean }[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, field]) => {
    const path = `${prefix}${name}`;
    const row = { path, schema: field, required: schema.required?.includes(name) ?? false };
    const inner = field.items?.properties ? fieldRows(field.items, `${path}[].`) : fieldRows(field, `${path}.`);
    return [row, ...inner];
  });
}

function SchemaTable({ name, schema }: { name: string; schema: Schema }) {
  return (
    <section className="card" id={`schema-${name}`}>
      <h2>{name}</h2>
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Type</th>
              <th scope="col">Required</th>
              <th scope="col">Rules and meaning</th>
            </tr>
          </thead>
          <tbody>
            {fieldRows(schema).map((row) => (
              <tr key={row.path}>
                <td>
                  <code>{row.path}</code>
                </td>
                <td>{typeOf(row.schema)}</td>
                <td>{row.required ? 'yes' : 'no'}</td>
                <td>
                  <Prose text={[rulesOf(row.schema), row.schema.description].filter(Boolean).join(' — ')} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function OperationCard({ method, path, operation }: { method: string; path: string; operation: Operation }) {
  const body = refName(operation.requestBody?.content['application/json']?.schema);
  return (
    <section className="card" id={operation.operationId}>
      <h2>
        <code>
          {method.toUpperCase()} /api/v1{path}
        </code>{' '}
        · {operation.summary}
      </h2>
      {operation.parameters?.map((parameter) => (
        <p key={parameter.name}>
          <strong>{parameter.in === 'header' ? 'Header' : 'Path'}</strong> <code>{parameter.name}</code>
          {parameter.required ? ' (required)' : ''}: {parameter.description ?? typeOf(parameter.schema)}
        </p>
      ))}
      {body ? (
        <p>
          <strong>Body</strong>: <a href={`#schema-${body}`}>{body}</a> as JSON
        </p>
      ) : null}
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Answer</th>
            <th scope="col">When</th>
            <th scope="col">Body</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(operation.responses).map(([status, response]) => {
            const schema = refName(response.content?.['application/json']?.schema);
            return (
              <tr key={status}>
                <td>{status}</td>
                <td>{response.description}</td>
                <td>{schema ? <a href={`#schema-${schema}`}>{schema}</a> : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export default function ChannelsApiReference() {
  const { document } = useLoaderData<typeof loader>();
  const paths = document.paths as unknown as Record<string, Record<string, Operation>>;
  const schemas = document.components.schemas as unknown as Record<string, Schema>;
  return (
    <>
      <header className="page-header">
        <div>
          <h1>{document.info.title}</h1>
          <p>
            <Prose text={document.info.description} /> Version {document.info.version}. Machine-readable:{' '}
            <a href="/api/v1/openapi.json">openapi.json</a> (OpenAPI {document.openapi}).
          </p>
        </div>
      </header>
      {Object.entries(paths).flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, operation]) => (
          <OperationCard key={`${method} ${path}`} method={method} path={path} operation={operation} />
        )),
      )}
      {Object.entries(schemas).map(([name, schema]) => (
        <SchemaTable key={name} name={name} schema={schema} />
      ))}
    </>
  );
}

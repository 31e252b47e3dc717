import { type Document } from 'bson';
import { Query } from 'mingo';

import { isPlainObject, isTruthy, numericValue, toQueryView } from '../bson/values';
import { badValue, ErrorCode, MongoCommandError } from '../errors';
import { type Matcher } from './match/compile-matcher';
import { compileValueFilter } from './matcher';
import { firstMatchingIndex } from './update/positional';

type ProjectionTree = Map<string, ProjectionNode>;
type ProjectionNode =
  | { kind: 'include' }
  | { kind: 'exclude' }
  | { kind: 'slice'; skip: number; count: number }
  | { kind: 'elemMatch'; matches: Matcher }
  | { kind: 'positional'; filter?: Document; path: string[] }
  | { kind: 'tree'; tree: ProjectionTree };

export type Projector = (doc: Document) => Document;

function sliceOf(operand: unknown): { skip: number; count: number } {
  if (Array.isArray(operand) && operand.length === 2) {
    const skip = numericValue(operand[0]);
    const count = numericValue(operand[1]);
    if (skip === undefined || count === undefined || count <= 0) throw badValue('$slice takes [skip, positive count]');
    return { skip, count };
  }
  const count = numericValue(operand);
  if (count === undefined) throw badValue('$slice takes a number or [skip, count]');
  return count >= 0 ? { skip: 0, count } : { skip: count, count: -count };
}

function applySlice(values: unknown[], { skip, count }: { skip: number; count: number }): unknown[] {
  const start = skip < 0 ? Math.max(0, values.length + skip) : Math.min(skip, values.length);
  return values.slice(start, start + count);
}

function insert(tree: ProjectionTree, path: string[], node: ProjectionNode): void {
  const [head, ...rest] = path;
  if (rest.length === 0) {
    tree.set(head, node);
    return;
  }
  let child = tree.get(head);
  if (!child || child.kind !== 'tree') {
    child = { kind: 'tree', tree: new Map() };
    tree.set(head, child);
  }
  insert(child.tree, rest, node);
}

function project(doc: Document, tree: ProjectionTree, inclusion: boolean): Document {
  const out: Document = {};
  for (const key of Object.keys(doc)) {
    const node = tree.get(key);
    const value = doc[key];
    if (!node) {
      if (!inclusion) out[key] = value;
      continue;
    }
    switch (node.kind) {
      case 'include':
        out[key] = value;
        break;
      case 'exclude':
        break;
      case 'slice':
        out[key] = Array.isArray(value) ? applySlice(value, node) : value;
        break;
      case 'elemMatch': {
        if (!Array.isArray(value)) break;
        const match = value.find((element) => isPlainObject(element) && node.matches(element));
        if (match !== undefined) out[key] = [match];
        break;
      }
      case 'positional': {
        if (!Array.isArray(value)) break;
        const index = firstMatchingIndex(node.filter, node.path, value);
        if (index !== undefined) out[key] = [value[index]];
        break;
      }
      case 'tree':
        if (Array.isArray(value)) {
          out[key] = value
            .filter((element) => isPlainObject(element) || !inclusion)
            .map((element) => (isPlainObject(element) ? project(element, node.tree, inclusion) : element));
        } else if (isPlainObject(value)) {
          out[key] = project(value, node.tree, inclusion);
        } else if (!inclusion) {
          out[key] = value;
        }
        break;
    }
  }
  return out;
}

/** True for projection values that are aggregation expressions rather than include/exclude flags or operators. */
function isExpression(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (!isPlainObject(value)) return false;
  const [operator] = Object.keys(value);
  return operator !== '$slice' && operator !== '$elemMatch';
}

/**
 * Compiles a find projection. Types are kept exactly, except for computed (expression) projections.
 * `filter` is the query, which the positional `field.$` projection needs.
 */
export function compileProjection(spec: unknown, filter?: Document): Projector | undefined {
  if (spec === undefined || spec === null) return undefined;
  if (!isPlainObject(spec)) throw badValue('projection must be an object');
  const entries = Object.entries(spec);
  if (entries.length === 0) return undefined;
  if (entries.some(([, value]) => isPlainObject(value) && '$meta' in value)) {
    throw new MongoCommandError(ErrorCode.NotImplemented, '$meta projections are not supported by the embedded server');
  }
  if (entries.some(([, value]) => isExpression(value))) {
    const query = new Query({}, {});
    const projection = toQueryView(spec) as Document;
    return (doc) => query.find<Document>([toQueryView(doc) as Document], projection).all()[0] ?? {};
  }
  const tree: ProjectionTree = new Map();
  let inclusion: boolean | undefined;
  let excludeId = false;
  for (const [path, value] of entries) {
    if (isPlainObject(value)) {
      if ('$slice' in value) insert(tree, path.split('.'), { kind: 'slice', ...sliceOf(value.$slice) });
      else insert(tree, path.split('.'), { kind: 'elemMatch', matches: compileValueFilter(value.$elemMatch) });
      continue;
    }
    const include = isTruthy(value);
    if (path.endsWith('.$')) {
      const arrayPath = path.slice(0, -2).split('.');
      if (!include) throw badValue(`positional projection on '${path}' must be an inclusion`);
      if (inclusion === false)
        throw new MongoCommandError(31254, `Cannot do inclusion on field ${path} in exclusion projection`);
      inclusion = true;
      insert(tree, arrayPath, { kind: 'positional', filter, path: arrayPath });
      continue;
    }
    if (path === '_id') {
      excludeId = !include;
      continue;
    }
    if (inclusion !== undefined && inclusion !== include) {
      throw new MongoCommandError(
        31254,
        `Cannot do ${include ? 'inclusion' : 'exclusion'} on field ${path} in ${inclusion ? 'inclusion' : 'exclusion'} projection`,
      );
    }
    inclusion = include;
    insert(tree, path.split('.'), { kind: include ? 'include' : 'exclude' });
  }
  // An $elemMatch projection on its own returns only that field (and _id), like an inclusion.
  // `{ _id: 1 }` alone, like an $elemMatch alone, is an inclusion: only those fields come back.
  const onlySlices = [...tree.values()].every((node) => node.kind === 'slice');
  const inclusive =
    inclusion ??
    ([...tree.values()].some((node) => node.kind === 'elemMatch') ||
      (spec._id !== undefined && !excludeId && onlySlices && tree.size === 0));
  if (inclusive && !excludeId && !tree.has('_id')) tree.set('_id', { kind: 'include' });
  if (excludeId) tree.set('_id', { kind: 'exclude' });
  return (doc) => project(doc, tree, inclusive);
}

import { type Document } from 'bson';

import { isPlainObject } from '../../bson/values';
import { badValue, ErrorCode, MongoCommandError } from '../../errors';
import { type Matcher } from '../match/compile-matcher';
import { compileValueFilter } from '../matcher';
import { type PositionalResolver } from './update-paths';

/** The filter clauses that mention fields at or below `path` (from the top level and `$and`). */
function clausesUnder(filter: Document | undefined, path: string): Document {
  const out: Document = {};
  const clauses: Document[] = [];
  const visit = (clause: Document): void => {
    for (const [key, value] of Object.entries(clause)) {
      if (key === '$and' && Array.isArray(value)) value.filter(isPlainObject).forEach(visit);
      else if (key === path || key.startsWith(`${path}.`)) clauses.push({ [key]: value });
    }
  };
  if (filter) visit(filter);
  if (clauses.length === 1) return clauses[0];
  if (clauses.length > 1) out.$and = clauses;
  return out;
}

function nest(parts: string[], value: unknown): Document {
  const root: Document = {};
  let current = root;
  parts.forEach((part, i) => {
    if (i === parts.length - 1) current[part] = value;
    else current = current[part] = {};
  });
  return root;
}

/** Compiles `arrayFilters` by identifier and checks each is well formed. */
export function compileArrayFilters(arrayFilters: unknown): Map<string, Matcher> {
  const compiled = new Map<string, Matcher>();
  if (arrayFilters === undefined || arrayFilters === null) return compiled;
  if (!Array.isArray(arrayFilters)) throw badValue('arrayFilters must be an array');
  for (const filter of arrayFilters) {
    if (!isPlainObject(filter) || Object.keys(filter).length === 0)
      throw new MongoCommandError(
        ErrorCode.FailedToParse,
        'Cannot use an expression without a top-level field name in arrayFilters',
      );
    const identifiers = new Set(Object.keys(filter).map((key) => key.split('.')[0]));
    if (identifiers.size !== 1)
      throw new MongoCommandError(
        ErrorCode.FailedToParse,
        'Error parsing array filter: expected a single top-level field name',
      );
    const [identifier] = identifiers;
    if (!/^[a-z][a-zA-Z0-9]*$/.test(identifier)) {
      throw new MongoCommandError(
        ErrorCode.BadValue,
        `Error parsing array filter :: caused by :: The top-level field name must be an alphanumeric string beginning with a lowercase letter, found '${identifier}'`,
      );
    }
    if (compiled.has(identifier))
      throw new MongoCommandError(
        ErrorCode.FailedToParse,
        `Found multiple array filters with the same top-level field name ${identifier}`,
      );
    compiled.set(identifier, compileValueFilter(filter));
  }
  return compiled;
}

/** Index of the first element of the array at `arrayPath` that satisfies the filter's conditions on that array. */
export function firstMatchingIndex(
  filter: Document | undefined,
  arrayPath: string[],
  array: unknown[],
): number | undefined {
  const path = arrayPath.filter((part) => !/^\d+$/.test(part)).join('.');
  const condition = clausesUnder(filter, path);
  if (Object.keys(condition).length === 0) return undefined;
  const matches = compileValueFilter(condition);
  const pathParts = path.split('.');
  const index = array.findIndex((element) => matches(nest(pathParts, [element])));
  return index < 0 ? undefined : index;
}

export function makePositionalResolver({
  filter,
  arrayFilters,
}: {
  filter?: Document;
  arrayFilters: Map<string, Matcher>;
}): PositionalResolver {
  return {
    firstMatch(arrayPath, array) {
      return firstMatchingIndex(filter, arrayPath, array);
    },
    matchesArrayFilter(identifier, element) {
      const matches = arrayFilters.get(identifier);
      if (!matches)
        throw new MongoCommandError(ErrorCode.BadValue, `No array filter found for identifier '${identifier}'`);
      return matches({ [identifier]: element });
    },
  };
}

import { type Document } from 'bson';
import { Query } from 'mingo';

import { bsonTypeOf, isPlainObject, toQueryView } from '../../bson/values';
import { badValue, ErrorCode, MongoCommandError } from '../../errors';
import { equalsOperand, operatorPredicate, type ValuesPredicate } from './operator-predicates';
import { reachedValues, someExpanded } from './path-candidates';

export type Matcher = (doc: unknown) => boolean;

const UNSUPPORTED = new Set(['$text', '$where', '$jsonSchema']);

/** Aggregation expressions in `$expr` are evaluated by mingo on the document's query view. */
function exprMatcher(expression: unknown): Matcher {
  const query = new Query({ $expr: toQueryView(expression) }, { useStrictMode: true });
  const views = new WeakMap<object, Document>();
  return (doc) => {
    if (!isPlainObject(doc)) return false;
    let view = views.get(doc);
    if (!view) {
      view = toQueryView(doc) as Document;
      views.set(doc, view);
    }
    return query.test(view);
  };
}

function fieldMatcher(path: string, condition: unknown): Matcher {
  if (path.startsWith('$')) throw badValue(`unknown top level operator: ${path}`);
  let predicates: ValuesPredicate[];
  const operatorForm =
    isPlainObject(condition) && Object.keys(condition).length > 0 && Object.keys(condition)[0].startsWith('$');
  if (operatorForm) {
    const spec = condition as Document;
    predicates = Object.entries(spec)
      .map(([operator, operand]) => {
        if (!operator.startsWith('$')) throw badValue(`unknown operator: ${operator}`);
        return operatorPredicate(operator, operand, spec, compileMatcher);
      })
      .filter((predicate): predicate is ValuesPredicate => predicate !== undefined);
  } else {
    const test = equalsOperand(condition);
    predicates = [(reached) => someExpanded(reached, test)];
  }
  const parts = path.split('.');
  if (predicates.length === 1) {
    const [predicate] = predicates;
    return (doc) => predicate(reachedValues(doc, parts));
  }
  return (doc) => {
    const reached = reachedValues(doc, parts);
    return predicates.every((predicate) => predicate(reached));
  };
}

function clauses(operator: string, value: unknown): Matcher[] {
  if (!Array.isArray(value) || value.length === 0) throw badValue(`${operator} must be a nonempty array`);
  return value.map((clause) => {
    if (!isPlainObject(clause)) throw badValue(`${operator} argument's entries must be objects`);
    return compileMatcher(clause);
  });
}

/**
 * Compiles a MongoDB query filter into a predicate over documents with their BSON types intact, following
 * MongoDB's rules for arrays, null/missing, type brackets and BSON comparison order.
 */
export function compileMatcher(filter: Document): Matcher {
  const matchers: Matcher[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (UNSUPPORTED.has(key))
      throw new MongoCommandError(ErrorCode.NotImplemented, `${key} is not supported by the embedded server`);
    switch (key) {
      case '$and': {
        const parts = clauses(key, value);
        matchers.push((doc) => parts.every((part) => part(doc)));
        break;
      }
      case '$or': {
        const parts = clauses(key, value);
        matchers.push((doc) => parts.some((part) => part(doc)));
        break;
      }
      case '$nor': {
        const parts = clauses(key, value);
        matchers.push((doc) => !parts.some((part) => part(doc)));
        break;
      }
      case '$expr':
        matchers.push(exprMatcher(value));
        break;
      case '$comment':
        break;
      default:
        if (bsonTypeOf(value) === 'Code')
          throw new MongoCommandError(
            ErrorCode.NotImplemented,
            'JavaScript in queries is not supported by the embedded server',
          );
        matchers.push(fieldMatcher(key, value));
    }
  }
  if (matchers.length === 1) return matchers[0];
  return (doc) => matchers.every((matcher) => matcher(doc));
}

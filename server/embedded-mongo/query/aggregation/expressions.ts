import { type Document } from 'bson';

import { isNumeric, isPlainObject } from '../../bson/values';
import { arithmetic } from '../update/numeric-ops';
import { resolveFieldPath } from './field-path';
import { evaluateWithMingo } from './mingo-bridge';

/** What expressions can refer to: the current document, the pipeline's root, `let` variables. */
export interface ExpressionScope {
  root: Document;
  variables: Document;
}

function variableValue(reference: string, doc: unknown, scope: ExpressionScope): unknown {
  const dot = reference.indexOf('.');
  const name = dot < 0 ? reference.slice(2) : reference.slice(2, dot);
  const rest = dot < 0 ? undefined : reference.slice(dot + 1);
  let base: unknown;
  if (name === 'ROOT') base = scope.root;
  else if (name === 'CURRENT') base = doc;
  else if (name === 'REMOVE') return undefined;
  else if (name === 'NOW') base = new Date();
  else base = scope.variables[name];
  return rest === undefined ? base : resolveFieldPath(base, rest);
}

/** $add, $subtract and $multiply on BSON numbers keep MongoDB's result types (int32 → int64 on overflow). */
function typedArithmetic(operator: string, args: unknown[]): unknown {
  if (args.length === 0 || !args.every(isNumeric)) return undefined;
  if (operator === '$subtract')
    return args.length === 2 ? arithmetic('$inc', args[0], negate(args[1]), operator) : undefined;
  return args
    .slice(1)
    .reduce((total, next) => arithmetic(operator === '$add' ? '$inc' : '$mul', total, next, operator), args[0]);
}

function negate(value: unknown): unknown {
  return arithmetic('$mul', value, -1, '$subtract');
}

/**
 * Evaluates an aggregation expression keeping BSON types for field references, literals, documents, arrays
 * and integer arithmetic; every other operator is evaluated by mingo.
 */
export function evaluateExpression(expression: unknown, doc: unknown, scope: ExpressionScope): unknown {
  if (typeof expression === 'string') {
    if (expression.startsWith('$$')) return variableValue(expression, doc, scope);
    if (expression.startsWith('$')) return resolveFieldPath(doc, expression.slice(1));
    return expression;
  }
  if (Array.isArray(expression)) return expression.map((item) => evaluateExpression(item, doc, scope));
  if (!isPlainObject(expression)) return expression;
  const keys = Object.keys(expression);
  if (keys.length === 1 && keys[0].startsWith('$')) {
    const operator = keys[0];
    const operand = expression[operator];
    if (operator === '$literal') return operand;
    if ((operator === '$add' || operator === '$subtract' || operator === '$multiply') && Array.isArray(operand)) {
      const typed = typedArithmetic(
        operator,
        operand.map((item) => evaluateExpression(item, doc, scope)),
      );
      if (typed !== undefined) return typed;
    }
    return evaluateWithMingo(expression, doc, scope.variables);
  }
  const out: Document = {};
  for (const key of keys) {
    const value = evaluateExpression(expression[key], doc, scope);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

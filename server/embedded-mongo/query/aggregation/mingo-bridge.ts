import { type Document, Double, Int32, Long } from 'bson';
import { Aggregator } from 'mingo/aggregator';
import { Context, evalExpr } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';

import { isPlainObject, toQueryView } from '../../bson/values';
import { mingoComputeOptions } from './mingo-compute-options';

/** Every mingo operator, for the expressions and stages this server hands to mingo. */
const CONTEXT = Context.init({
  accumulator: accumulatorOperators,
  expression: expressionOperators,
  pipeline: pipelineOperators,
  projection: projectionOperators,
  query: queryOperators,
  window: windowOperators,
});

const COMPUTING_STAGES = new Set([
  '$group',
  '$bucket',
  '$bucketAuto',
  '$setWindowFields',
  '$densify',
  '$fill',
  '$sortByCount',
]);
const ARITHMETIC_OPERATORS = new Set([
  '$add',
  '$subtract',
  '$multiply',
  '$divide',
  '$mod',
  '$sum',
  '$avg',
  '$stdDevPop',
  '$stdDevSamp',
  '$round',
  '$trunc',
  '$ceil',
  '$floor',
  '$abs',
  '$pow',
  '$sqrt',
  '$exp',
  '$ln',
  '$log',
  '$log10',
  '$toDouble',
  '$toInt',
  '$toLong',
  '$convert',
  '$median',
  '$percentile',
  '$integral',
  '$derivative',
  '$expMovingAvg',
]);

/** Whether an expression or pipeline computes with numbers (and so must not see Decimal128 rounded to a double). */
export function computesWithNumbers(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(computesWithNumbers);
  if (!isPlainObject(value)) return false;
  return Object.entries(value).some(
    ([key, inner]) => COMPUTING_STAGES.has(key) || ARITHMETIC_OPERATORS.has(key) || computesWithNumbers(inner),
  );
}

/**
 * Gives JS numbers computed by mingo BSON number types back: whole numbers become int32 (or int64 beyond
 * int32's range), others double. Stored values that pass through keep their classes.
 */
export function retype(value: unknown): unknown {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && !Object.is(value, -0)) {
      if (value >= -2147483648 && value <= 2147483647) return new Int32(value);
      if (Number.isSafeInteger(value)) return Long.fromNumber(value);
    }
    return new Double(value);
  }
  if (Array.isArray(value)) return value.map(retype);
  if (isPlainObject(value)) {
    const out: Document = {};
    for (const [key, inner] of Object.entries(value)) if (inner !== undefined) out[key] = retype(inner);
    return out;
  }
  return value;
}

/** An expression as mingo evaluates it, worked out once per expression object (they repeat for every document). */
const preparedExpressions = new WeakMap<object, { decimals: 'refuse' | 'approximate'; view: unknown }>();

function prepareExpression(expression: unknown): { decimals: 'refuse' | 'approximate'; view: unknown } {
  const cached =
    typeof expression === 'object' && expression !== null ? preparedExpressions.get(expression) : undefined;
  if (cached) return cached;
  const prepared = {
    decimals: computesWithNumbers(expression) ? ('refuse' as const) : ('approximate' as const),
    view: toQueryView(expression),
  };
  if (typeof expression === 'object' && expression !== null) preparedExpressions.set(expression, prepared);
  return prepared;
}

/** Evaluates an aggregation expression with mingo against a document's query view. */
export function evaluateWithMingo(expression: unknown, doc: unknown, variables: Document): unknown {
  const { decimals, view } = prepareExpression(expression);
  const options = mingoComputeOptions(CONTEXT, variables, decimals);
  return retype(evalExpr(toQueryView(doc, decimals), view, options as Parameters<typeof evalExpr>[2]));
}

/** Runs one pipeline stage with mingo (for stages this server does not evaluate itself). */
export function runStageWithMingo(
  stage: Document,
  docs: Document[],
  options: { resolve: (name: string) => Document[]; variables: Document },
): Document[] {
  const decimals = computesWithNumbers(stage) ? 'refuse' : 'approximate';
  const aggregator = new Aggregator([toQueryView(stage) as Document], {
    context: CONTEXT,
    useStrictMode: true,
    collectionResolver: (name: string) => options.resolve(name).map((doc) => toQueryView(doc, decimals) as Document),
    variables: toQueryView(options.variables, decimals) as Document,
  });
  return aggregator
    .run<Document>(docs.map((doc) => toQueryView(doc, decimals) as Document))
    .map((doc) => retype(doc) as Document);
}

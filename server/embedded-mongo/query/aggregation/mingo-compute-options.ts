import { type Document } from 'bson';
import { Context, evalExpr, ProcessingMode } from 'mingo/core';

import { toQueryView } from '../../bson/values';

/**
 * NOTE: given plain options, mingo's evalExpr copies every operator table of the context (Context.from) before
 * evaluating: tens of microseconds for each evaluation, paid per document when a `$group` or `$project` hands
 * an operator to mingo. Given the ComputeOptions object it builds itself, evalExpr only copies that object.
 * mingo does not export the class, so it is taken once from an options object mingo hands to an operator.
 */
type ComputeOptionsClass = new (options: object, locals: object) => object;

const computeOptionsClass = ((): ComputeOptionsClass | undefined => {
  try {
    const probe = Context.init({
      expression: { $options: (_obj: unknown, _expr: unknown, options: unknown) => options },
    });
    const options: unknown = evalExpr({}, { $options: 1 }, { context: probe } as Parameters<typeof evalExpr>[2]);
    const constructor = (options as { constructor?: unknown } | null)?.constructor;
    return typeof constructor === 'function' && 'local' in (options as object)
      ? (constructor as ComputeOptionsClass)
      : undefined;
  } catch {
    return undefined;
  }
})();

/** Whether options are reused across evaluations (false only if a mingo release no longer works this way). */
export const reusesMingoOptions = computeOptionsClass !== undefined;

type DecimalHandling = 'approximate' | 'refuse';

/** Options built for one pipeline run, by its `let` variables and by how decimals are to be handled. */
const built = new WeakMap<Document, Partial<Record<DecimalHandling, object>>>();

/**
 * The options to evaluate expressions with mingo: the same settings every time, built once per variables
 * document (one per pipeline run) when mingo's own options class could be found, plain options otherwise.
 */
export function mingoComputeOptions(context: Context, variables: Document, decimals: DecimalHandling): object {
  const cached = built.get(variables)?.[decimals];
  if (cached) return cached;
  const settings = {
    idKey: '_id',
    processingMode: ProcessingMode.CLONE_OFF,
    scriptEnabled: false,
    failOnError: true,
    context,
    useStrictMode: true,
    variables: toQueryView(variables, decimals) as Document,
  };
  if (!computeOptionsClass) return settings;
  // No root among the locals: evalExpr then sets each document as the root of its own copy.
  const options = new computeOptionsClass(settings, {});
  built.set(variables, { ...built.get(variables), [decimals]: options });
  return options;
}

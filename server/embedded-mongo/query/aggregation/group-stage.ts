import { type Document } from 'bson';

import { badValue } from '../../errors';
import { idKeyOf } from '../../storage/id-key';
import { type Accumulation, accumulatorFor } from './accumulators';
import { evaluateExpression, type ExpressionScope } from './expressions';

/**
 * `$group` with BSON-typed accumulators (so int32 sums stay int32, int64 sums stay exact). Returns undefined
 * when the stage uses an accumulator this server does not implement, so the caller can hand it to mingo.
 */
export function runGroupStage(spec: unknown, docs: Document[], variables: Document): Document[] | undefined {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec))
    throw badValue('a group specification must be an object');
  const { _id: idExpression, ...fields } = spec as Document;
  if (!('_id' in (spec as Document))) throw badValue('a group specification must include an _id');
  const accumulators = Object.entries(fields).map(([name, accumulatorSpec]) => {
    const accumulator = accumulatorFor(accumulatorSpec);
    const argument = accumulator?.argument;
    // `{ $count: {} }` and `{ $sum: {} }` take no value from the document.
    const takesNothing =
      argument !== null &&
      typeof argument === 'object' &&
      !Array.isArray(argument) &&
      Object.keys(argument).length === 0;
    return { name, accumulator, argument, takesNothing };
  });
  if (accumulators.some(({ accumulator }) => !accumulator)) return undefined;

  const groups = new Map<string, { id: unknown; states: Accumulation[] }>();
  // One scope object, repointed at each document: expressions read it synchronously and never keep it.
  const scope: ExpressionScope = { root: {}, variables };
  for (const doc of docs) {
    scope.root = doc;
    const id = evaluateExpression(idExpression, doc, scope);
    const key = idKeyOf(id === undefined ? null : id);
    let group = groups.get(key);
    if (!group) {
      group = {
        id: id === undefined ? null : id,
        states: accumulators.map(({ accumulator }) => accumulator!.create()),
      };
      groups.set(key, group);
    }
    for (let i = 0; i < accumulators.length; i++) {
      const { argument, takesNothing } = accumulators[i];
      group.states[i].add(takesNothing ? null : evaluateExpression(argument, doc, scope));
    }
  }
  return [...groups.values()].map(({ id, states }) => {
    const out: Document = { _id: id };
    accumulators.forEach(({ name }, i) => {
      out[name] = states[i].result();
    });
    return out;
  });
}

import { type Document } from 'bson';

import { isPlainObject, numericValue } from '../bson/values';
import { badValue, ErrorCode, MongoCommandError } from '../errors';
import { type ExecutionStats, findDocuments } from '../query/find-documents';
import { type QueryPlan, sortFieldsOf } from '../query/planner';
import { assertValidCollectionName } from '../storage/catalog';
import { type CommandRequest, type CommandTable } from './command-types';

function describePlan(plan: QueryPlan | undefined): Document {
  if (!plan || plan.kind === 'collection') return { stage: 'COLLSCAN', direction: 'forward' };
  if (plan.kind === 'ids') return { stage: 'IDHACK' };
  return {
    stage: 'FETCH',
    inputStage: {
      stage: 'IXSCAN',
      indexName: plan.index.name,
      keyPattern: plan.index.spec.key,
      isMultiKey: plan.index.multikey,
      isUnique: plan.index.unique,
      direction: plan.reverse ? 'backward' : 'forward',
    },
  };
}

/** The query a command to explain runs: find, count, distinct, delete/update statements or a leading $match. */
function queryOf(inner: Document): { collection: string; filter?: Document; sort?: Document; limit?: number } {
  const name = Object.keys(inner)[0];
  const collection = inner[name];
  if (typeof collection !== 'string') throw badValue('explain needs a command on a collection');
  assertValidCollectionName(collection);
  switch (name) {
    case 'find':
      return { collection, filter: inner.filter, sort: inner.sort, limit: numericValue(inner.limit) };
    case 'count':
    case 'distinct':
      return { collection, filter: inner.query };
    case 'findAndModify':
    case 'findandmodify':
      return { collection, filter: inner.query, sort: inner.sort, limit: 1 };
    case 'aggregate': {
      const first = Array.isArray(inner.pipeline) ? inner.pipeline[0] : undefined;
      return { collection, filter: isPlainObject(first) && isPlainObject(first.$match) ? first.$match : undefined };
    }
    case 'update':
    case 'delete': {
      const statements = inner[name === 'update' ? 'updates' : 'deletes'];
      const first = Array.isArray(statements) ? statements[0] : undefined;
      return { collection, filter: isPlainObject(first) ? first.q : undefined };
    }
    default:
      throw new MongoCommandError(
        ErrorCode.IllegalOperation,
        `explain of '${name}' is not supported by the embedded server`,
      );
  }
}

/** Reports the plan the server would use and, like executionStats verbosity, the work it does. */
function explain(request: CommandRequest): Document {
  const { command, db, access } = request;
  const inner = command.explain;
  if (!isPlainObject(inner)) throw badValue('explain takes a command document');
  const { collection, filter, sort, limit } = queryOf(inner);
  const stats: ExecutionStats = { keysExamined: 0, docsExamined: 0 };
  const started = Date.now();
  const docs = findDocuments({ reader: access.reader(db, collection), filter, sort: sortFieldsOf(sort), limit, stats });
  return {
    queryPlanner: {
      namespace: `${db}.${collection}`,
      parsedQuery: filter ?? {},
      winningPlan: describePlan(stats.plan),
      rejectedPlans: [],
    },
    executionStats: {
      executionSuccess: true,
      nReturned: docs.length,
      executionTimeMillis: Date.now() - started,
      totalKeysExamined: stats.keysExamined,
      totalDocsExamined: stats.docsExamined,
    },
    ok: 1,
  };
}

export const explainCommands: CommandTable = {
  explain: { handler: explain },
};

import { format } from 'date-fns';

import { inNairobi } from '../domain/weeks';
import { PLANNING_INPUT_MODELS } from '../services/read-data-version';

/**
 * "2 orders and 14 jobs changed since 14:05 on 21 Nov": what a planner needs to hear when their
 * proposal has gone stale. Only for messages; the staleness itself is decided by the data version.
 */
export async function describeChangesSince({ since }: { since: Date }): Promise<string> {
  const counts = await Promise.all(
    PLANNING_INPUT_MODELS.map((model) => model.countDocuments({ updatedAt: { $gt: since } })),
  );
  // A model's name is its one document ("Order"), its collection's name the many ("orders").
  const parts = PLANNING_INPUT_MODELS.flatMap((model, index) =>
    counts[index] > 0
      ? [`${counts[index]} ${counts[index] === 1 ? model.modelName.toLowerCase() : model.collection.collectionName}`]
      : [],
  );
  const when = format(since, "HH:mm 'on' d MMM", { in: inNairobi });
  if (parts.length === 0) return `the data has changed since ${when}`;
  const listed = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${listed} changed since ${when}`;
}

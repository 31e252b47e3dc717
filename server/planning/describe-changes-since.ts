import { format } from 'date-fns';
import { type Model } from 'mongoose';

import { inNairobi } from '../domain/weeks';
import { Artisan } from '../models/artisan';
import { Job } from '../models/job';
import { Order } from '../models/order';
import { Product } from '../models/product';
import { Workshop } from '../models/workshop';

const WATCHED: [Model<{ updatedAt: Date }>, string, string][] = [
  [Order as unknown as Model<{ updatedAt: Date }>, 'order', 'orders'],
  [Job as unknown as Model<{ updatedAt: Date }>, 'job', 'jobs'],
  [Artisan as unknown as Model<{ updatedAt: Date }>, 'artisan', 'artisans'],
  [Workshop as unknown as Model<{ updatedAt: Date }>, 'workshop', 'workshops'],
  [Product as unknown as Model<{ updatedAt: Date }>, 'product', 'products'],
];

/**
 * "2 orders and 14 jobs changed since 14:05 on 21 Nov": what a planner needs to hear when their
 * proposal has gone stale. Only for messages; the staleness itself is decided by the data version.
 */
export async function describeChangesSince({ since }: { since: Date }): Promise<string> {
  const counts = await Promise.all(WATCHED.map(([model]) => model.countDocuments({ updatedAt: { $gt: since } })));
  const parts = WATCHED.flatMap(([, one, many], index) =>
    counts[index] > 0 ? [`${counts[index]} ${counts[index] === 1 ? one : many}`] : [],
  );
  const when = format(since, "HH:mm 'on' d MMM", { in: inNairobi });
  if (parts.length === 0) return `the data has changed since ${when}`;
  const listed = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${listed} changed since ${when}`;
}

/**
 * The designers' capacity check on the full demo network, as deployed: the embedded database runs
 * in its own process and the engine reads it over a real socket. Single products and 10-product
 * launches, over varied products, quantities, dates and both modes, each asked as of its own
 * instant (capacity is working time left as of then, computed afresh for every answer); what does
 * not depend on the instant (open demand, holds, capacity's kept figures) is kept between answers
 * until an event changes it, as in the running server. Then the first answer after each of a few
 * new orders, which reads open demand again. Run with `npm run bench:capacity-check` (RUNS=<n>
 * answers of each kind, ARTISANS=<n> for another network size). Targets: p95 ≤ 300 ms for a single
 * product, ≤ 1 s for a 10-product launch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { addDays } from 'date-fns';
import mongoose from 'mongoose';

import { checkCapacity } from '#server/capacity-check/check-capacity';
import { MAX_LAUNCH_LINES, type CheckMode } from '#server/capacity-check/check-question';
import { nairobiDateString } from '#server/domain/weeks';
import { Product } from '#server/models/index';
import { seedDemoNetwork } from '#server/seed/load-demo-network';
import { createOrder } from '#server/services/orders/create-order';

import { startEmbeddedServerProcess } from '../embedded-mongo/embedded-server-process';
import { makeActor } from '../factories/actors';

const RUNS = Number(process.env.RUNS ?? 40);
const ARTISANS = process.env.ARTISANS ? Number(process.env.ARTISANS) : undefined;
const TARGETS = { single: 300, launch: 1_000 };
/** New orders after which the next answer is timed. */
const CHANGES = 5;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const dbPath = mkdtempSync(join(tmpdir(), 'kiwanda-capacity-check-bench-'));
  const database = await startEmbeddedServerProcess({ dbPath, timeoutMs: 60_000 });
  try {
    await mongoose.connect(database.uri, { dbName: 'kiwanda_capacity_check_bench' });
    const seeded = await seedDemoNetwork({ options: ARTISANS ? { artisans: ARTISANS } : {}, replaceRealData: true });
    console.log(`demo network: ${JSON.stringify(seeded.counts)}`);
    const products = await Product.find({ active: true }, { _id: 1 }).sort({ sku: 1 }).lean();
    const modes: CheckMode[] = ['keep-orders', 'move-lower-priority'];
    const ask = (run: number, count: number, now = new Date()) => ({
      now,
      lines: Array.from({ length: count }, (_, k) => ({
        productId: String(products[(run * 7 + k * 13) % products.length]._id),
        quantity: 50 + ((run * 37 + k * 11) % 12) * 50,
      })),
      by: nairobiDateString(addDays(now, 7 + (run % 6) * 7)),
      mode: modes[run % 2],
    });

    // One answer of each kind first: module loading and the first reads are not what is measured.
    await checkCapacity(ask(0, 1));
    await checkCapacity(ask(0, MAX_LAUNCH_LINES));
    const p95s: Record<keyof typeof TARGETS, number> = { single: 0, launch: 0 };
    for (const [kind, count] of [
      ['single', 1],
      ['launch', MAX_LAUNCH_LINES],
    ] as const) {
      const samples: number[] = [];
      let fitting = 0;
      for (let run = 1; run <= RUNS; run++) {
        const started = performance.now();
        const { answer } = await checkCapacity(ask(run, count));
        samples.push(performance.now() - started);
        if (answer.allFit) fitting += 1;
      }
      samples.sort((a, b) => a - b);
      const [p50, p95] = [percentile(samples, 50), percentile(samples, 95)];
      p95s[kind] = p95;
      const verdict = p95 <= TARGETS[kind] ? 'within' : 'OVER';
      console.log(
        `${kind} (${count} product${count > 1 ? 's' : ''}): p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, ` +
          `max ${samples[samples.length - 1].toFixed(0)} ms over ${RUNS} answers (${fitting} fitting) — ` +
          `${verdict} the ${TARGETS[kind]} ms target`,
      );
    }

    // A new order drops what is kept: the next answer reads open demand again.
    const afterChange: number[] = [];
    for (let run = 1; run <= CHANGES; run++) {
      await createOrder({
        actor: makeActor('planner'),
        source: 'web',
        customer: { name: 'Bench customer', country: 'KE' },
        lines: [{ productId: String(products[(run * 5) % products.length]._id), quantity: 10 }],
        shipBy: addDays(new Date(), 21),
        placedAt: new Date(),
      });
      const started = performance.now();
      await checkCapacity(ask(run, 1));
      afterChange.push(performance.now() - started);
    }
    afterChange.sort((a, b) => a - b);
    console.log(
      `first single answer after a new order: p50 ${percentile(afterChange, 50).toFixed(0)} ms, ` +
        `max ${afterChange[afterChange.length - 1].toFixed(0)} ms over ${CHANGES} orders`,
    );
    const within = p95s.single <= TARGETS.single && p95s.launch <= TARGETS.launch;
    console.log(
      `p95: single ${p95s.single.toFixed(0)} ms (target ${TARGETS.single} ms) · ` +
        `10-product launch ${p95s.launch.toFixed(0)} ms (target ${TARGETS.launch} ms) — ${within ? 'both within' : 'OVER'}`,
    );
  } finally {
    await mongoose.disconnect();
    await database.stop();
    rmSync(dbPath, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

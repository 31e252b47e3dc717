/**
 * What one channel order costs the server: the orders of the intake benchmark (intake-orders.ts,
 * one in twenty a retry of an earlier one) sent one at a time, each once the last was answered,
 * so that no two share a pass of the promise engine or a transaction. The server's CPU per order
 * then depends on the work an order takes, not on how requests happened to queue up, and stays
 * comparable between runs on a machine others share (latencies, and bench:intake's open-loop
 * figures, do not).
 *
 * Run with `npm run bench:intake-cost` (ORDERS=<per run>, RUNS=<n>); with INTAKE_COUNT_COMMANDS=1
 * it also prints the database commands per order (the count costs CPU: read the two apart).
 */
import {
  type ChannelRequest,
  commandsPerRequest,
  orderBody,
  postChannelOrder,
  startIntakeServer,
} from './intake-orders';
import { seededRandom } from './seeded-random';

const ORDERS = Number(process.env.ORDERS ?? 1_000);
const RUNS = Number(process.env.RUNS ?? 3);
const REPLAY_SHARE = 0.05;

const { ready, count, close } = await startIntakeServer();

async function sendOrders({ run, orders }: { run: number; orders: number }) {
  const random = seededRandom(run + 1);
  const sent: ChannelRequest[] = [];
  const statuses = new Map<number, number>();
  for (let index = 0; index < orders; index++) {
    const replay = sent.length > 0 && random.next() < REPLAY_SHARE;
    const channel = ready.keys[index % ready.keys.length];
    const request = replay
      ? sent[random.between(0, sent.length - 1)]
      : {
          key: channel.key,
          idempotencyKey: `cost-${run}-${index}`,
          body: orderBody({ ready, channel, index: run * 1_000_000 + index, random }),
        };
    if (!replay) sent.push(request);
    const response = await postChannelOrder(ready.url, request);
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  }
  return { created: statuses.get(201) ?? 0, statuses };
}

console.log(`intake cost: ${ORDERS} orders one at a time per run, ${RUNS} runs, ${ready.keys.length} channels`);
// Warm the server's code paths (not measured).
await sendOrders({ run: 99, orders: 200 });
const results = [];
for (let run = 0; run < RUNS; run++) {
  const before = await count();
  const { created, statuses } = await sendOrders({ run, orders: ORDERS });
  const after = await count();
  if (after.orders - before.orders !== created)
    throw new Error(`run ${run}: ${created} created but ${after.orders - before.orders} stored`);
  if (process.env.INTAKE_COUNT_COMMANDS)
    console.log(`run ${run}: ${commandsPerRequest({ commands: after.commands, requests: ORDERS })}`);
  results.push({
    run,
    orders: ORDERS,
    answers: [...statuses].map(([status, n]) => `${n}× ${status}`).join(', '),
    'server CPU ms/order': Math.round(((after.cpuMicros - before.cpuMicros) / 1_000 / ORDERS) * 100) / 100,
  });
}
console.table(results);
close();

/**
 * What the intake benchmarks share: the intake server in its own process (intake-server.ts), its
 * counts, and the orders channels send it (web-shop orders of 1–3 lines of a few lots, retail
 * partners' purchase orders of 2–8 lines of many lots with a store, ship-by two to six weeks out).
 */
import { fork } from 'node:child_process';
import path from 'node:path';

import { addDays, format } from 'date-fns';

import { type IntakeServerReady } from './intake-server';
import { type LightAnswer, lightRequest } from './light-http';
import { type SeededRandom } from './seeded-random';

export interface ServerCount {
  orders: number;
  cpuMicros: number;
  stalls: number[];
  gcPauses: number[];
  /** Database commands the server sent since the last count, by name (with INTAKE_COUNT_COMMANDS). */
  commands: Record<string, number>;
}

/** Starts the intake server process; resolves once it has booted and seeded the demo network. */
export async function startIntakeServer() {
  const child = fork(path.resolve('test/bench/intake-server.ts'), [], {
    execArgv: ['--import', 'tsx', '--max-semi-space-size=64'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<IntakeServerReady>((resolve, reject) => {
    child.once('message', (message) => resolve(message as IntakeServerReady));
    child.once('exit', (code) => reject(new Error(`the intake server exited with code ${code}`)));
  });
  const count = () =>
    new Promise<ServerCount>((resolve) => {
      child.once('message', (message) => resolve(message as ServerCount));
      child.send({ type: 'count' });
    });
  const close = () => child.send({ type: 'close' });
  return { ready, count, close };
}

/** Commands per request, all and by name, as one line (from a count with INTAKE_COUNT_COMMANDS). */
export function commandsPerRequest({ commands, requests }: { commands: Record<string, number>; requests: number }) {
  const all = Object.values(commands).reduce((sum, count) => sum + count, 0);
  const byName = Object.entries(commands)
    .sort(([, a], [, b]) => b - a)
    .map(([name, count]) => `${name} ${(count / requests).toFixed(2)}`);
  return `${(all / requests).toFixed(2)} database commands per request (${byName.join(', ')})`;
}

/** The JSON body of one channel's order, drawn from `random`. */
export function orderBody({
  ready,
  channel,
  index,
  random,
}: {
  ready: IntakeServerReady;
  channel: IntakeServerReady['keys'][number];
  index: number;
  random: SeededRandom;
}): string {
  const retail = channel.kind === 'retail-partner';
  const lineCount = retail ? random.between(2, 8) : random.between(1, 3);
  const skus = new Map<string, number>();
  while (skus.size < lineCount) {
    const product = ready.catalogue[random.between(0, ready.catalogue.length - 1)];
    const lots = retail ? random.between(5, 20) : random.between(1, 3);
    skus.set(product.sku, product.minimumLot * lots);
  }
  return JSON.stringify({
    externalRef: `${channel.channel}-${process.pid}-${index}`,
    customer: retail
      ? { name: `Buyer ${random.between(1, 40)}`, store: `Store ${random.between(1, 300)}`, country: 'US' }
      : { name: `Web customer ${index}`, email: `customer${index}@example.com`, country: 'KE' },
    shipBy: format(addDays(new Date(), random.between(14, 42)), 'yyyy-MM-dd'),
    lines: [...skus].map(([sku, quantity]) => ({ sku, quantity })),
    ...(random.next() < 0.3 ? { notes: 'Gift wrap, please; hand-finished edges.' } : {}),
  });
}

/** One channel order as the benchmarks send it: the channel's key, its Idempotency-Key and the body. */
export interface ChannelRequest {
  key: string;
  idempotencyKey: string;
  body: string;
}

/** Sends `request` to `POST /api/v1/orders` as a channel does, the answer read to its end. */
export function postChannelOrder(url: string, request: ChannelRequest): Promise<LightAnswer> {
  return lightRequest(`${url}/api/v1/orders`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${request.key}`,
      'idempotency-key': request.idempotencyKey,
      'content-type': 'application/json',
    },
    body: request.body,
  });
}

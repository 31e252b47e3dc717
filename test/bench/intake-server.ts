/**
 * Child process of the intake benchmark: Kiwanda as deployed (the embedded database journaling
 * to disk, the whole server) on the demo network, with one API key per demo channel. Once ready
 * it sends { type: 'ready', url, keys, catalogue } and waits for { type: 'close' }.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import mongoose from 'mongoose';

import { loadConfig } from '#server/config';
import { SYSTEM_ACTOR } from '#server/domain/actor';
import { startEmbeddedMongoInThread } from '#server/embedded-mongo/thread/start-in-thread';
import { startKiwandaServer } from '#server/kiwanda-server';
import { createLogger } from '#server/logger';
import { Channel, Order, Product } from '#server/models/index';
import { seedDemoNetwork } from '#server/seed/load-demo-network';
import { createChannelKey } from '#server/services/channels/channel-keys';

import { watchEventLoopStalls } from './event-loop-stalls';

export interface IntakeServerReady {
  type: 'ready';
  url: string;
  keys: { channel: string; kind: string; key: string }[];
  catalogue: { sku: string; minimumLot: number }[];
  ordersBefore: number;
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'kiwanda-intake-bench-'));
const countingDatabase = process.env.INTAKE_COUNT_COMMANDS
  ? await startEmbeddedMongoInThread({ port: 0, dbPath: path.join(dataDir, 'db') })
  : undefined;
const config = loadConfig({
  NODE_ENV: 'production',
  PORT: '0',
  HOST: '127.0.0.1',
  // No MONGODB_URI: the server starts its embedded database under DATA_DIR, on its own thread, as
  // `npm start` does. With INTAKE_COUNT_COMMANDS set, this process starts it the same way and the
  // driver reports every command it sends (which costs CPU of its own: count commands and measure
  // CPU in separate runs).
  ...(countingDatabase
    ? { MONGODB_URI: `${countingDatabase.uri.replace('/?', '/kiwanda_intake_bench?')}&monitorCommands=true` }
    : {}),
  DATA_DIR: dataDir,
  SESSION_SECRET: 'kiwanda-intake-bench-secret-0123456789',
  LOG_LEVEL: 'warn',
  // The benchmark measures what the server sustains, not the per-channel limit that protects it.
  API_RATE_LIMIT_PER_MINUTE: '1000000',
});
const server = await startKiwandaServer({ config, logger: createLogger(config) });
await seedDemoNetwork({ replaceRealData: true });

const channels = await Channel.find({ active: true }, { name: 1, kind: 1 }).lean();
const keys = [];
for (const channel of channels) {
  const { key } = await createChannelKey({ actor: SYSTEM_ACTOR, channel: channel.name, label: 'intake benchmark' });
  keys.push({ channel: channel.name, kind: channel.kind, key });
}
const products = await Product.find({ active: true }, { sku: 1, minimumLot: 1 }).lean();
const ready: IntakeServerReady = {
  type: 'ready',
  url: server.url,
  keys,
  catalogue: products.map((product) => ({ sku: product.sku, minimumLot: product.minimumLot })),
  ordersBefore: await Order.countDocuments(),
};
// With INTAKE_PROFILE_DIR set, everything after boot and seeding (the runs) is recorded as a CPU
// profile there, for Chrome DevTools: the server's own work per order, not the demo network's loading.
const profiler = process.env.INTAKE_PROFILE_DIR ? new Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
const eventLoop = watchEventLoopStalls();
// The database commands the server sent, by name (only with INTAKE_COUNT_COMMANDS).
const commands = new Map<string, number>();
mongoose.connection.getClient().on('commandStarted', (event: { commandName: string }) => {
  commands.set(event.commandName, (commands.get(event.commandName) ?? 0) + 1);
});
process.send?.(ready);

process.on('message', async (message: { type: 'close' } | { type: 'count' }) => {
  if (message.type === 'count') {
    // With the CPU this process has used (user + system, µs): a figure the other work on a shared
    // machine does not inflate as it does latencies.
    const cpu = process.cpuUsage();
    process.send?.({
      type: 'count',
      orders: await Order.countDocuments(),
      cpuMicros: cpu.user + cpu.system,
      ...eventLoop.take(),
      commands: Object.fromEntries(commands),
    });
    commands.clear();
    return;
  }
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    const file = path.join(process.env.INTAKE_PROFILE_DIR as string, `intake-server-${Date.now()}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(`CPU profile of the runs: ${file}`);
  }
  await server.close();
  await countingDatabase?.stop();
  // The demo network's journal and snapshot: some 80 MB a run, of no use once it is over.
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});

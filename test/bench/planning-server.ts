/**
 * Child process of the planning benchmark: Kiwanda as deployed (embedded database, the whole
 * server with its Remix build, Socket.IO) on the demo network, so that the parent measures a
 * commit over HTTP while the server works in its own process.
 *
 * Messages from the parent: { type: 'note' } → { type: 'noted' } before a commit · { type:
 * 'undo', planId } → { type: 'undone' } after it · { type: 'close' }. Once ready it sends
 * { type: 'ready', url, jobs }.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { loadConfig } from '#server/config';
import { clearReadModelCaches } from '#server/dashboard/read-model-cache';
import { startEmbeddedMongo } from '#server/embedded-mongo/index';
import { startKiwandaServer } from '#server/kiwanda-server';
import { createLogger } from '#server/logger';
import { seedDemoNetwork } from '#server/seed/load-demo-network';

import { noteStatusesBeforeCommit, undoCommit, type StatusesBeforeCommit } from './undo-commit';

type Message = { type: 'note' } | { type: 'undo'; planId: string } | { type: 'close' };

const database = await startEmbeddedMongo({ port: 0 });
const config = loadConfig({
  NODE_ENV: 'production',
  PORT: '0',
  HOST: '127.0.0.1',
  MONGODB_URI: `mongodb://127.0.0.1:${database.port}/kiwanda_planning_bench?directConnection=true`,
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kiwanda-planning-bench-')),
  SESSION_SECRET: 'kiwanda-planning-bench-secret-0123456789',
  LOG_LEVEL: 'warn',
});
const server = await startKiwandaServer({ config, logger: createLogger(config) });
const artisans = process.env.ARTISANS ? Number(process.env.ARTISANS) : undefined;
const seeded = await seedDemoNetwork({ options: artisans ? { artisans } : {}, replaceRealData: true });
clearReadModelCaches();

let before: StatusesBeforeCommit | null = null;
process.on('message', async (message: Message) => {
  if (message.type === 'note') {
    before = await noteStatusesBeforeCommit();
    process.send?.({ type: 'noted' });
  } else if (message.type === 'undo') {
    if (before) await undoCommit({ planId: message.planId, ...before });
    clearReadModelCaches();
    process.send?.({ type: 'undone' });
  } else {
    await server.close();
    await database.stop();
    process.exit(0);
  }
});
process.send?.({ type: 'ready', url: server.url, jobs: seeded.counts.jobs });

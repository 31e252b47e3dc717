/**
 * Child process of the phone benchmark: Kiwanda as deployed (embedded database, the whole server
 * with its Remix build and service worker) with one workshop's artisan holding offers and work,
 * and a field officer with jobs to inspect. Once ready it sends { type: 'ready', url, artisan,
 * officer } (the two session cookies as name and value); { type: 'close' } stops it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Types } from 'mongoose';

import { loadConfig } from '#server/config';
import { isoWeekLabel } from '#server/domain/weeks';
import { startEmbeddedMongo } from '#server/embedded-mongo/index';
import { startKiwandaServer } from '#server/kiwanda-server';
import { createLogger } from '#server/logger';
import { Artisan, Job, User, Workshop } from '#server/models/index';

import { makeJob } from '../factories/jobs';
import { makeArtisan, makeWorkshop } from '../factories/network';
import { signIn } from '../support/sign-in';

const database = await startEmbeddedMongo({ port: 0 });
const config = loadConfig({
  NODE_ENV: 'production',
  PORT: '0',
  HOST: '127.0.0.1',
  MONGODB_URI: `mongodb://127.0.0.1:${database.port}/kiwanda_phone_bench?directConnection=true`,
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kiwanda-phone-bench-')),
  SESSION_SECRET: 'kiwanda-phone-bench-secret-0123456789',
  LOG_LEVEL: 'warn',
});
const server = await startKiwandaServer({ config, logger: createLogger(config) });

// What a busy artisan's and officer's phones show: a few offers, work in hand, visits to make.
const workshop = await Workshop.create(makeWorkshop({ area: 'Kibera' }));
const artisan = await Artisan.create(makeArtisan({ workshop: workshop._id }));
const week = isoWeekLabel(new Date());
await Job.create([
  ...[4, 6, 8].map((quantity) => makeJob({ workshop: workshop._id, quantity, plannedWeek: week })),
  ...[5, 3].map((quantity) =>
    makeJob({ workshop: workshop._id, quantity, plannedWeek: week, status: 'accepted', artisan: artisan._id }),
  ),
  ...[2, 7, 9].map((quantity) =>
    makeJob({ workshop: workshop._id, quantity, plannedWeek: week, status: 'ready_for_qc', artisan: artisan._id }),
  ),
  // A job for another workshop's artisan, so the pages hold no more than theirs.
  makeJob({ workshop: new Types.ObjectId(), quantity: 1, plannedWeek: week }),
]);
const artisanSession = await signIn({ baseUrl: server.url, role: 'artisan', artisanId: String(artisan._id) });
const officerSession = await signIn({ baseUrl: server.url, role: 'field_officer' });
await User.updateOne({ _id: officerSession.user.id }, { $set: { areas: ['Kibera'] } });

process.on('message', async () => {
  await server.close();
  await database.stop();
  process.exit(0);
});
process.send?.({
  type: 'ready',
  url: server.url,
  artisan: { name: artisanSession.name, value: artisanSession.value },
  officer: { name: officerSession.name, value: officerSession.value },
});

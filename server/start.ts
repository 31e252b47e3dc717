/**
 * `npm start`: serves the production build, building it first on a fresh clone, so that
 * `npm ci && npm start` is all it takes to run Kiwanda.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import { BUILD_PATH } from './remix-build';

process.env.NODE_ENV ??= 'production';

if (!existsSync(BUILD_PATH)) {
  console.log('No production build yet: running `npm run build` first…');
  // The build script also makes the phone pages' service worker (scripts/build-service-worker.ts).
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

await import('./index');

/**
 * `npm start`: serves the production build, building it first on a fresh clone, so that
 * `npm ci && npm start` is all it takes to run Kiwanda.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import { BUILD_PATH } from './remix-build';

process.env.NODE_ENV ??= 'production';

if (!existsSync(BUILD_PATH)) {
  console.log('No production build yet: running `remix build` first…');
  // The classic compiler loads Vite's CommonJS API only to warn that it is deprecated; nothing uses it.
  const build = spawnSync('npx', ['remix', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, VITE_CJS_IGNORE_WARNING: 'true' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

await import('./index');

import { spawnSync } from 'node:child_process';

/**
 * Builds the Remix app once per test run, then the phone pages' service worker from it, so server
 * and browser tests exercise the real bundle and the real worker (`npm run build` does the same).
 */
export default function buildRemixOnce() {
  const started = Date.now();
  const result = spawnSync('npx', ['remix', 'build'], {
    env: { ...process.env, NODE_ENV: 'production', VITE_CJS_IGNORE_WARNING: 'true' },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`remix build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  const worker = spawnSync('npx', ['tsx', 'scripts/build-service-worker.ts'], { encoding: 'utf8' });
  if (worker.status !== 0) {
    throw new Error(`service worker build failed (exit ${worker.status}):\n${worker.stdout}\n${worker.stderr}`);
  }
  console.log(`remix build and service worker for tests: ${Date.now() - started} ms`);
}

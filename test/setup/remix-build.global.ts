import { spawnSync } from 'node:child_process';

/** Builds the Remix app once per test run, so server and browser tests exercise the real bundle. */
export default function buildRemixOnce() {
  const started = Date.now();
  const result = spawnSync('npx', ['remix', 'build'], {
    env: { ...process.env, NODE_ENV: 'production', VITE_CJS_IGNORE_WARNING: 'true' },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`remix build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  console.log(`remix build for tests: ${Date.now() - started} ms`);
}

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{app,server,optimizer,test}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'build/**'],
    environment: 'node',
    // One embedded MongoDB-compatible server per run (unless MONGODB_URI is set), one Remix build.
    globalSetup: ['test/setup/embedded-mongo.global.ts', 'test/setup/remix-build.global.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});

import { type TestProject } from 'vitest/node';

import { startEmbeddedMongo } from '#server/embedded-mongo/index';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

/**
 * Starts one in-memory embedded MongoDB-compatible server for the whole test run and provides its URI as
 * 'mongoUri'. With MONGODB_URI set, that deployment is provided instead and nothing is started.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.MONGODB_URI;
  if (external) {
    project.provide('mongoUri', external);
    return undefined;
  }
  const server = await startEmbeddedMongo({ port: 0 });
  project.provide('mongoUri', server.uri);
  return async () => {
    await server.stop();
  };
}

import { existsSync, watch } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { broadcastDevReady, type ServerBuild } from '@remix-run/node';

import { type Logger } from './logger';

export const BUILD_PATH = path.resolve('build/index.js');

export class MissingBuildError extends Error {
  override name = 'MissingBuildError';
  constructor() {
    super(`No Remix build at ${BUILD_PATH}: run \`npm run build\` (npm start does this for you).`);
  }
}

async function importBuild(): Promise<ServerBuild> {
  if (!existsSync(BUILD_PATH)) throw new MissingBuildError();
  // The query string defeats Node's module cache so a rebuilt bundle is really reloaded.
  return (await import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`)) as ServerBuild;
}

/**
 * Loads the Remix server bundle. In development it follows `remix dev --manual`: each rebuild is
 * re-imported and announced back to the dev server so the browser reloads.
 */
export async function loadRemixBuild({
  development,
  logger,
}: {
  development: boolean;
  logger: Logger;
}): Promise<{ getBuild: () => ServerBuild; stopWatching: () => void }> {
  let build = await importBuild();
  if (!development) return { getBuild: () => build, stopWatching: () => {} };

  await broadcastDevReady(build);
  let reloading = Promise.resolve();
  const watcher = watch(path.dirname(BUILD_PATH), (_event, file) => {
    if (file !== path.basename(BUILD_PATH)) return;
    reloading = reloading.then(async () => {
      try {
        build = await importBuild();
        await broadcastDevReady(build);
        logger.info('remix build reloaded');
      } catch (error) {
        logger.error({ err: error }, 'remix build reload failed');
      }
    });
  });
  return { getBuild: () => build, stopWatching: () => watcher.close() };
}

import { listenFirst } from './boot-listener';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';

const SHUTDOWN_DEADLINE_MS = 5_000;

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config);
  // Listen first, so the port answers (with the preparing page) while the rest loads.
  const listener = await listenFirst({ config, logger });
  // MOCKS=true: the providers are answered by the mocks (server/provider-mocks.ts), loaded only then.
  const mocks = config.MOCKS
    ? await (await import('./provider-mocks')).installProviderMocks({ config, logger, ownUrl: listener.url })
    : undefined;
  if (mocks) config = mocks.config;
  const { startKiwandaServer } = await import('./kiwanda-server');
  const kiwanda = await startKiwandaServer({ config, logger, listener });

  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    // A hung connection or database must not keep the process alive past the deadline.
    setTimeout(() => {
      logger.error('shutdown deadline passed; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    kiwanda.close().then(
      () => {
        mocks?.close();
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

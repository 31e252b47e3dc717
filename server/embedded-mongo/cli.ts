import { pino } from 'pino';

import { CliUsageError, parseCliArguments, USAGE } from './cli-arguments';
import { startEmbeddedMongo } from './index';

/**
 * Runs the embedded server in the foreground: `npm run mongo:embedded -- --port 27017 --dbpath ./data`.
 * Prints `ready <uri>` on stdout once it accepts connections; logs go to stderr.
 */
async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArguments(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`mongo:embedded: ${error.message}\n${USAGE}\n`);
      process.exit(2);
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const logger = pino({ level: options.logLevel, base: { app: 'kiwanda-embedded-mongo' } }, pino.destination(2));
  const server = await startEmbeddedMongo({
    port: options.port,
    host: options.host,
    dbPath: options.dbPath,
    replicaSetName: options.replicaSetName,
    logger,
  });
  process.stdout.write(`ready ${server.uri}\n`);

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'embedded mongo: shutting down');
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'embedded mongo: failed to stop cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`mongo:embedded: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { pino } from 'pino';

import { authenticatedUri, CREDENTIALS_FILE_NAME, loadOrCreateCredentials } from './auth/credentials-file';
import { CliUsageError, parseCliArguments, USAGE } from './cli-arguments';
import { startEmbeddedMongo } from './index';
import { PRIVATE_DIRECTORY_MODE } from './journal/private-files';

/** Past this, a stop that hangs (a client that never lets go, a stuck disk) no longer keeps the process alive. */
const SHUTDOWN_DEADLINE_MS = 5_000;

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
  // NOTE: synchronous on purpose. pino's asynchronous destination flushes at exit with sonic-boom 4's
  // flushSync, which retries a broken pipe forever: with its log reader gone the process never exits.
  // A synchronous one has nothing to flush, and pino turns it into a no-op at the first EPIPE.
  const logger = pino(
    { level: options.logLevel, base: { app: 'kiwanda-embedded-mongo' } },
    pino.destination({ fd: 2, sync: true }),
  );
  const credentialsFile =
    options.credentialsFile ??
    (options.socketPath || !options.dbPath ? undefined : join(options.dbPath, CREDENTIALS_FILE_NAME));
  if (credentialsFile && options.dbPath) {
    mkdirSync(options.dbPath, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  }
  const credentials = credentialsFile ? loadOrCreateCredentials({ file: credentialsFile }) : undefined;
  const server = await startEmbeddedMongo({
    port: options.port,
    host: options.host,
    socketPath: options.socketPath,
    dbPath: options.dbPath,
    credentials,
    replicaSetName: options.replicaSetName,
    logger,
  });
  const address = options.socketPath ? encodeURIComponent(options.socketPath) : `${server.host}:${server.port}`;
  // The password stays in its file: the printed address names the user, and mongosh asks for the password.
  if (credentialsFile) writeLine(`credentials ${credentialsFile}`);
  writeLine(`ready ${authenticatedUri({ address, credentials, includePassword: false })}`);

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
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

/** Whoever started the server may stop reading its output; that must never stop the server itself. */
function writeLine(line: string): void {
  process.stdout.write(`${line}\n`, () => {});
}
process.stdout.on('error', () => {});

main().catch((error: unknown) => {
  process.stderr.write(`mongo:embedded: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

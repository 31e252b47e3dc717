import { pino, type Logger, type LoggerOptions } from 'pino';

import { type Config } from './config';

export type { Logger };

/**
 * Structured JSON logs, one line per event, for machines in production and tests. In development
 * a person reads them, so they go through pino-pretty (a development dependency): times in the
 * local clock, levels in words, no pid or host on every line.
 *
 * NOTE: not decided by `isTTY`: under `npm run dev` the server's output reaches the terminal
 * through `remix dev`'s pipe, so the server itself never sees a terminal.
 */
export function createLogger(
  config: Pick<Config, 'LOG_LEVEL' | 'NODE_ENV'>,
  /**
   * File descriptor to write to: 1 (stdout) for the server, 2 for CLIs whose stdout is their answer;
   * or where a page thread sends its lines, for the main thread to write (server/page-threads/).
   */
  fd: 1 | 2 | { write(line: string): void } = 1,
): Logger {
  const options: LoggerOptions = {
    level: config.LOG_LEVEL,
    base: { app: 'kiwanda' },
    redact: ['req.headers.cookie', 'res.headers["set-cookie"]'],
  };
  if (typeof fd === 'object') return pino(options, fd);
  if (config.NODE_ENV === 'development' && prettyPrinterInstalled()) {
    return pino({
      ...options,
      transport: {
        target: 'pino-pretty',
        options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app', destination: fd },
      },
    });
  }
  // NOTE: synchronous for stdout too. pino's asynchronous destination flushes at exit with sonic-boom 4's
  // flushSync, which retries a broken pipe forever: once the process reading the logs has gone, SIGTERM
  // (and even the shutdown deadline's process.exit) never ended the server. A synchronous destination has
  // nothing to flush, and pino turns it into a no-op at the first EPIPE.
  return pino(options, pino.destination({ fd, sync: true }));
}

/** pino-pretty is a development dependency: an install without them logs JSON instead of failing. */
function prettyPrinterInstalled(): boolean {
  try {
    import.meta.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

import { pino, type Logger } from 'pino';

import { type Config } from './config';

export type { Logger };

/** Structured JSON logs; pipe through `pino-pretty` in development for people. */
export function createLogger(
  config: Pick<Config, 'LOG_LEVEL'>,
  /** File descriptor to write to: 1 (stdout) for the server, 2 for CLIs whose stdout is their answer. */
  fd: 1 | 2 = 1,
): Logger {
  const options = {
    level: config.LOG_LEVEL,
    base: { app: 'kiwanda' },
    redact: ['req.headers.cookie', 'res.headers["set-cookie"]'],
  };
  return fd === 1 ? pino(options) : pino(options, pino.destination({ fd, sync: true }));
}

import { pino, type Logger } from 'pino';

import { type Config } from './config';

export type { Logger };

/** Structured JSON logs; pipe through `pino-pretty` in development for people. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({
    level: config.LOG_LEVEL,
    base: { app: 'kiwanda' },
    redact: ['req.headers.cookie', 'res.headers["set-cookie"]'],
  });
}

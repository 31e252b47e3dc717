import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { type Config } from './config';
import { type Logger } from './logger';

/**
 * The secret that signs session cookies. SESSION_SECRET wins; without it a random secret is
 * created once under DATA_DIR and reused, so `npm start` on a fresh clone is safe and sessions
 * survive restarts. Several app processes must share one SESSION_SECRET.
 */
export function resolveSessionSecret({
  config,
  logger,
}: {
  config: Pick<Config, 'SESSION_SECRET' | 'DATA_DIR'>;
  logger: Logger;
}): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  const file = path.resolve(config.DATA_DIR, 'session-secret');
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  logger.warn({ file }, 'SESSION_SECRET not set: generated one and stored it under DATA_DIR');
  return secret;
}

/**
 * `npm run --silent channel-key -- create --channel <name> [--label <text>]` prints a new key of
 * the channel on stdout (and nothing else there), for operations and tests; `revoke --key-id <id>`
 * revokes one. Uses the database the server would (MONGODB_URI, or the embedded one under
 * DATA_DIR). Bad usage exits 2, an unknown channel 1, with the reason on stderr.
 */
import { parseArgs } from 'node:util';

import { ConfigError, loadConfig } from '../config';
import { connectDatabase } from '../database';
import { SYSTEM_ACTOR } from '../domain/actor';
import { DomainError } from '../domain/errors';
import { createLogger } from '../logger';
import { ensureCollectionsAndIndexes } from '../models';
import { runCommand } from '../run-command';
import { createChannelKey, revokeChannelKey } from '../services/channels/channel-keys';

const USAGE = 'usage: npm run --silent channel-key -- create --channel <name> [--label <text>] | revoke --key-id <id>';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: { channel: { type: 'string' }, label: { type: 'string' }, 'key-id': { type: 'string' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    console.error(`channel-key: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [command] = parsed.positionals;
  const { channel, label, 'key-id': keyId } = parsed.values;
  if (!((command === 'create' && channel) || (command === 'revoke' && keyId))) {
    console.error(USAGE);
    return 2;
  }

  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 1;
  }
  const logger = createLogger(config, 2);
  const database = await connectDatabase({ config, logger });
  try {
    await ensureCollectionsAndIndexes();
    const actor = { ...SYSTEM_ACTOR, label: 'channel-key CLI' };
    if (command === 'create') {
      const created = await createChannelKey({ channel: channel as string, label, actor });
      console.log(created.key);
    } else {
      await revokeChannelKey({ keyId: keyId as string, at: new Date(), actor });
      console.error(`key ${keyId} revoked`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(`channel-key: ${error.message}`);
    return 1;
  } finally {
    await database.close();
  }
}

runCommand(main);

/**
 * `npm run seed`: loads the demo network into the database the server would use (MONGODB_URI,
 * or the embedded server under DATA_DIR). Flags: --artisans N, --weeks N, --seed S,
 * --reference-date YYYY-MM-DD, --replace. A bad flag exits with code 2 naming it.
 */
import { parseArgs } from 'node:util';

import { ConfigError, loadConfig } from '../config';
import { connectDatabase } from '../database';
import { createLogger } from '../logger';
import { runCommand } from '../run-command';
import { DatabaseNotEmptyError, seedDemoNetwork } from './load-demo-network';
import { parseSeedFlags, SeedFlagError } from './seed-flags';

async function main(): Promise<number> {
  let flags;
  try {
    const { values } = parseArgs({
      options: {
        artisans: { type: 'string' },
        weeks: { type: 'string' },
        seed: { type: 'string' },
        'reference-date': { type: 'string' },
        replace: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    flags = parseSeedFlags(values);
  } catch (error) {
    if (error instanceof SeedFlagError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`seed: ${(error as Error).message}`);
      console.error(
        'usage: npm run seed -- [--artisans 2400] [--weeks 52] [--seed kiwanda] [--reference-date 2026-03-02] [--replace]',
      );
      return 2;
    }
    throw error;
  }

  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 1;
  }
  const logger = createLogger(config);
  const database = await connectDatabase({ config, logger });
  try {
    const started = performance.now();
    const summary = await seedDemoNetwork({ options: flags.options, replaceRealData: flags.replace, logger });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    // CPU time beside wall time: on a shared machine the wall time says more about the neighbours.
    const { user, system } = process.cpuUsage();
    const cpuSeconds = ((user + system) / 1e6).toFixed(1);
    console.log(
      `demo network loaded in ${seconds} s (generate ${summary.generateMs} ms, write ${summary.writeMs} ms; process CPU ${cpuSeconds} s):`,
    );
    console.log(
      Object.entries(summary.counts)
        .map(([name, count]) => `  ${name}: ${count}`)
        .join('\n'),
    );
    return 0;
  } catch (error) {
    if (error instanceof DatabaseNotEmptyError) {
      console.error(`seed: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

runCommand(main);

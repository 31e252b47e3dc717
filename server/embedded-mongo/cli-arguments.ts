/** Options of `npm run mongo:embedded`, parsed from argv with errors that name the flag at fault. */
export interface CliOptions {
  port: number;
  host: string;
  dbPath?: string;
  /** A Unix socket to listen on instead of TCP. */
  socketPath?: string;
  /** Where the SCRAM-SHA-256 credentials are kept (created when missing); TCP needs them. */
  credentialsFile?: string;
  replicaSetName?: string;
  logLevel: string;
  help: boolean;
}

export class CliUsageError extends Error {}

export const USAGE = `usage: npm run mongo:embedded -- [--port <port>] [--host <address>] [--socket <path>] [--dbpath <dir>] [--credentials <file>] [--replSet <name>] [--log-level <level>]

  --port         TCP port to listen on (default 27017; 0 picks a free port)
  --host         address to bind (default 127.0.0.1)
  --socket       listen on this Unix socket instead of TCP, owner-only (0600); no credentials needed
  --dbpath       directory for the journal and snapshots (owner-only); without it data lives in memory only
  --credentials  JSON file {"username", "password"} clients must log in with (SCRAM-SHA-256), created with a
                 random password when missing; on TCP it is required, default <dbpath>/credentials.json
  --replSet    replica set name reported to clients (default kiwanda)
  --log-level  pino level for the logs on stderr (default info)`;

const LOG_LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

export function parseCliArguments(argv: string[]): CliOptions {
  const options: CliOptions = { port: 27017, host: '127.0.0.1', logLevel: 'info', help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || next === '' || (inline === undefined && next.startsWith('--')))
        throw new CliUsageError(`${flag} needs a value`);
      return next;
    };
    switch (flag) {
      case '--port': {
        const raw = value();
        const port = Number(raw);
        if (!/^\d+$/.test(raw) || port > 65535)
          throw new CliUsageError(`--port must be a number from 0 to 65535, got "${raw}"`);
        options.port = port;
        break;
      }
      case '--host':
      case '--bind_ip':
        options.host = value();
        break;
      case '--dbpath':
      case '--dbPath':
        options.dbPath = value();
        break;
      case '--socket':
        options.socketPath = value();
        break;
      case '--credentials':
        options.credentialsFile = value();
        break;
      case '--replSet':
        options.replicaSetName = value();
        break;
      case '--log-level': {
        const level = value();
        if (!LOG_LEVELS.has(level))
          throw new CliUsageError(`--log-level must be one of ${[...LOG_LEVELS].join(', ')}, got "${level}"`);
        options.logLevel = level;
        break;
      }
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new CliUsageError(`unknown option ${flag}`);
    }
  }
  // Anyone on the machine (or the network) can reach a TCP port: it is never left without credentials.
  if (!options.help && !options.socketPath && !options.credentialsFile && !options.dbPath) {
    throw new CliUsageError(
      'listening on TCP requires credentials: give --credentials <file> or --dbpath <dir> (they are generated there), or listen on --socket <path>',
    );
  }
  return options;
}

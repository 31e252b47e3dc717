import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

import { PRIVATE_FILE_MODE } from '../journal/private-files';

/** The one account of an embedded server that listens on TCP. */
export interface EmbeddedCredentials {
  username: string;
  password: string;
}

export const DEFAULT_USERNAME = 'kiwanda';
export const CREDENTIALS_FILE_NAME = 'credentials.json';

/**
 * Reads the credentials kept in `file`, creating them (a random 32-byte password, owner-only file) the first
 * time. The file is the only place the password lives: whoever may read it may use the database.
 */
export function loadOrCreateCredentials({ file }: { file: string }): EmbeddedCredentials {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const created: EmbeddedCredentials = {
      username: DEFAULT_USERNAME,
      password: randomBytes(32).toString('base64url'),
    };
    // 'wx': two processes starting at once must not overwrite each other's password.
    writeFileSync(file, `${JSON.stringify(created, null, 2)}\n`, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    return created;
  }
  const parsed: unknown = JSON.parse(text);
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    typeof (parsed as EmbeddedCredentials).username !== 'string' ||
    typeof (parsed as EmbeddedCredentials).password !== 'string' ||
    (parsed as EmbeddedCredentials).username === '' ||
    (parsed as EmbeddedCredentials).password === ''
  ) {
    throw new Error(`${file} must hold {"username": "...", "password": "..."}`);
  }
  return { username: (parsed as EmbeddedCredentials).username, password: (parsed as EmbeddedCredentials).password };
}

/** A connection string that logs in with SCRAM-SHA-256 against the `admin` database, as mongod's users do. */
export function authenticatedUri({
  address,
  credentials,
  includePassword = true,
}: {
  address: string;
  credentials?: EmbeddedCredentials;
  /** Without the password (for what is printed), mongosh asks for it and drivers must be given it. */
  includePassword?: boolean;
}): string {
  const password = credentials && includePassword ? `:${encodeURIComponent(credentials.password)}` : '';
  const user = credentials ? `${encodeURIComponent(credentials.username)}${password}@` : '';
  const auth = credentials ? '&authMechanism=SCRAM-SHA-256&authSource=admin' : '';
  return `mongodb://${user}${address}/?directConnection=true${auth}`;
}

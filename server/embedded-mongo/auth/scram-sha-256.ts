import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

import { ErrorCode, MongoCommandError } from '../errors';

/** MongoDB's default `scramSHA256IterationCount`; drivers refuse fewer than 4,096. */
export const SCRAM_ITERATIONS = 15_000;
export const SCRAM_MECHANISM = 'SCRAM-SHA-256';

/**
 * What the server keeps of a password (RFC 5802 §3): enough to check a proof and to prove itself, never
 * enough to log in as the user.
 */
export interface ScramCredential {
  username: string;
  salt: Buffer;
  iterations: number;
  storedKey: Buffer;
  serverKey: Buffer;
}

const hmac = (key: Buffer, text: string): Buffer => createHmac('sha256', key).update(text, 'utf8').digest();
const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();

/**
 * Derives the stored keys once at start. The password is used as given: SASLprep leaves the printable
 * ASCII passwords this server generates unchanged.
 */
export function deriveScramCredential({
  username,
  password,
  iterations = SCRAM_ITERATIONS,
}: {
  username: string;
  password: string;
  iterations?: number;
}): ScramCredential {
  const salt = randomBytes(28);
  const saltedPassword = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
  return {
    username,
    salt,
    iterations,
    storedKey: sha256(hmac(saltedPassword, 'Client Key')),
    serverKey: hmac(saltedPassword, 'Server Key'),
  };
}

function authenticationFailed(): MongoCommandError {
  // MongoDB gives every failure the same answer, so a client cannot tell a wrong user from a wrong password.
  return new MongoCommandError(ErrorCode.AuthenticationFailed, 'Authentication failed.');
}

/** Splits `a=1,b=2` into its attributes; SCRAM values never contain a comma. */
function attributes(message: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of message.split(',')) {
    const equals = part.indexOf('=');
    if (equals === 1) found.set(part[0], part.slice(2));
  }
  return found;
}

/** `=2C` and `=3D` are how SCRAM escapes commas and equal signs in user names (RFC 5802 §5.1). */
function decodeSaslName(name: string): string {
  return name.replace(/=2C/g, ',').replace(/=3D/g, '=');
}

/** One SCRAM-SHA-256 exchange on one connection: the client's first message, then its proof. */
export class ScramConversation {
  private authMessagePrefix = '';
  private nonce = '';
  private finished = false;

  constructor(private readonly credential: ScramCredential) {}

  /** Answers `n,,n=<user>,r=<client nonce>` with the salt, the iteration count and the combined nonce. */
  start(clientFirst: string): string {
    if (!clientFirst.startsWith('n,,')) {
      throw new MongoCommandError(ErrorCode.BadValue, 'SCRAM: channel binding is not supported (expected "n,,")');
    }
    const clientFirstBare = clientFirst.slice(3);
    const fields = attributes(clientFirstBare);
    const user = fields.get('n');
    const clientNonce = fields.get('r');
    if (user === undefined || clientNonce === undefined || clientNonce === '') {
      throw new MongoCommandError(ErrorCode.BadValue, 'SCRAM: the first message needs n= and r=');
    }
    if (decodeSaslName(user) !== this.credential.username) throw authenticationFailed();
    this.nonce = clientNonce + randomBytes(24).toString('base64');
    const serverFirst = `r=${this.nonce},s=${this.credential.salt.toString('base64')},i=${this.credential.iterations}`;
    this.authMessagePrefix = `${clientFirstBare},${serverFirst}`;
    return serverFirst;
  }

  /** Checks `c=biws,r=<nonce>,p=<proof>` and answers with the server's signature, proving it knows the key too. */
  finish(clientFinal: string): string {
    if (this.authMessagePrefix === '' || this.finished) throw authenticationFailed();
    this.finished = true;
    const proofAt = clientFinal.lastIndexOf(',p=');
    if (proofAt < 0) throw authenticationFailed();
    const withoutProof = clientFinal.slice(0, proofAt);
    const fields = attributes(withoutProof);
    if (fields.get('c') !== 'biws' || fields.get('r') !== this.nonce) throw authenticationFailed();
    const proof = Buffer.from(clientFinal.slice(proofAt + 3), 'base64');
    const authMessage = `${this.authMessagePrefix},${withoutProof}`;
    const clientSignature = hmac(this.credential.storedKey, authMessage);
    if (proof.length !== clientSignature.length) throw authenticationFailed();
    const clientKey = Buffer.alloc(proof.length);
    for (let i = 0; i < proof.length; i++) clientKey[i] = proof[i] ^ clientSignature[i];
    if (!timingSafeEqual(sha256(clientKey), this.credential.storedKey)) throw authenticationFailed();
    return `v=${hmac(this.credential.serverKey, authMessage).toString('base64')}`;
  }
}

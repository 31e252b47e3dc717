import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { MongoClient, MongoServerError } from 'mongodb';
import mongoose from 'mongoose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { connectDatabase } from '#server/database';
import { startEmbeddedMongo, type EmbeddedMongo } from '#server/embedded-mongo/index';
import { createLogger } from '#server/logger';

import { CONFORMANCE_CLIENT_OPTIONS, usingRealMongo } from './conformance-target';
import { findFiles } from './embedded-server-process';

const mode = (path: string): number => statSync(path).mode & 0o777;
const logger = createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });

/** Who may reach the data: the server's own account only, through its files and through the wire. */
describe.skipIf(usingRealMongo)('the embedded server locked to its owner', () => {
  let dir: string;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kiwanda-lock-'));
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  async function startWithCredentials(): Promise<EmbeddedMongo> {
    const server = await startEmbeddedMongo({ port: 0, credentials: { username: 'kiwanda', password: 's3cret-pw' } });
    cleanups.push(() => server.stop());
    return server;
  }

  async function connect(uri: string): Promise<MongoClient> {
    const client = new MongoClient(uri, { ...CONFORMANCE_CLIENT_OPTIONS, serverSelectionTimeoutMS: 3_000 });
    cleanups.push(() => client.close());
    return client.connect();
  }

  it('refuses every command but the handshake to a client that has not logged in (13 Unauthorized)', async () => {
    const server = await startWithCredentials();
    const anonymous = await connect(`mongodb://127.0.0.1:${server.port}/?directConnection=true`);
    expect(await anonymous.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
    const refused = await anonymous
      .db('kiwanda')
      .collection('users')
      .findOne({})
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MongoServerError);
    expect(refused).toMatchObject({ code: 13, codeName: 'Unauthorized' });
    await expect(anonymous.db('kiwanda').collection('users').insertOne({ email: 'x' })).rejects.toMatchObject({
      code: 13,
    });
  });

  it('refuses a wrong password with 18 AuthenticationFailed', async () => {
    const server = await startWithCredentials();
    const uri = `mongodb://kiwanda:wrong@127.0.0.1:${server.port}/?directConnection=true&authMechanism=SCRAM-SHA-256`;
    await expect(connect(uri)).rejects.toMatchObject({ code: 18 });
    const unknownUser = `mongodb://mallory:s3cret-pw@127.0.0.1:${server.port}/?directConnection=true`;
    await expect(connect(unknownUser)).rejects.toMatchObject({ code: 18 });
  });

  it('serves a client that logs in with SCRAM-SHA-256, as the driver speaks it', async () => {
    const server = await startWithCredentials();
    expect(server.uri).toContain('authMechanism=SCRAM-SHA-256');
    const client = await connect(server.uri);
    const users = client.db('kiwanda').collection('users');
    await users.insertOne({ _id: 1 as never, email: 'planner@example.org' });
    expect(await users.findOne({})).toEqual({ _id: 1, email: 'planner@example.org' });
    expect(await client.db('admin').command({ connectionStatus: 1 })).toMatchObject({ ok: 1 });
  });

  it('makes the data directory owner-only, existing files included, and the app reaches it on a private socket', async () => {
    // An install from before the lock: world-readable folders and files.
    const dbPath = join(dir, 'db');
    mkdirSync(dbPath, { mode: 0o755 });
    chmodSync(dir, 0o755);
    writeFileSync(join(dbPath, 'old-notes.txt'), 'left by an older version', { mode: 0o644 });
    chmodSync(join(dbPath, 'old-notes.txt'), 0o644);

    const database = await connectDatabase({ config: { MONGODB_URI: undefined, DATA_DIR: dir }, logger });
    cleanups.push(() => database.close());
    await mongoose.connection.db!.collection('users').insertOne({ email: 'admin@example.org' });
    expect(await mongoose.connection.db!.collection('users').countDocuments()).toBe(1);

    expect(mode(dir)).toBe(0o700);
    expect(mode(dbPath)).toBe(0o700);
    expect(mode(join(dbPath, 'mongod.sock'))).toBe(0o600);
    expect(statSync(join(dbPath, 'mongod.sock')).isSocket()).toBe(true);
    const files = findFiles({ dbPath, pattern: /./ }).filter((path) => !path.endsWith('.sock'));
    expect(files.length).toBeGreaterThanOrEqual(3); // journal, LOCK, the old file
    for (const file of files) expect({ file, mode: mode(file) }).toEqual({ file, mode: 0o600 });
  });

  it('falls back to TCP with credentials generated into the data directory when the socket path is too long', async () => {
    const deep = join(dir, 'x'.repeat(60), 'y'.repeat(60));
    const database = await connectDatabase({ config: { MONGODB_URI: undefined, DATA_DIR: deep }, logger });
    cleanups.push(() => database.close());
    await mongoose.connection.db!.collection('users').insertOne({ email: 'admin@example.org' });
    const credentialsFile = join(deep, 'db', 'credentials.json');
    expect(mode(credentialsFile)).toBe(0o600);

    const { host, port } = mongoose.connection.getClient().options.hosts[0] as { host: string; port: number };
    const anonymous = await connect(`mongodb://${host}:${port}/?directConnection=true`);
    await expect(anonymous.db('kiwanda').collection('users').countDocuments()).rejects.toMatchObject({ code: 13 });
  });
});

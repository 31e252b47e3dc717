import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';

import fc from 'fast-check';
import { type Model } from 'mongoose';
import { io as connectSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type RunningKiwanda } from '#server/kiwanda-server';
import { ALL_MODELS } from '#server/models/index';

import { startTestServer } from '../support/app-server';
import { clearDomainDatabase } from '../support/domain-database';
import { signIn } from '../support/sign-in';

/**
 * 2,000 malformed requests and 2,000 socket emits on every `npm test` (about 30 s on a busy
 * 2-core machine); KIWANDA_FUZZ_REQUESTS=<n> sends another number while investigating.
 */
const REQUESTS = Number(process.env.KIWANDA_FUZZ_REQUESTS ?? 2_000);
const EMITS = 2_000;
const CONCURRENCY = 8;

/** Every page route of app/routes as a path, `:param` where the file names a parameter. */
function pageRoutes(): string[] {
  return readdirSync('app/routes')
    .filter((file) => file.endsWith('.tsx'))
    .map((file) =>
      file
        .replace(/\.tsx$/, '')
        .replaceAll('[.]', '\u0000')
        .split('.')
        .filter((part) => part !== '_index')
        .map((part) => (part === '$' ? ':splat' : part.startsWith('$') ? ':param' : part))
        .join('/')
        .replaceAll('\u0000', '.'),
    )
    .map((path) => `/${path}`);
}

const API_ROUTES = ['/api/v1/orders', '/api/v1/orders/:param', '/api/v1/orders/:param/cancel', '/api/v1/openapi.json'];
const NASTY = [
  '9999-W52',
  '0000-W00',
  '2026-W99',
  '10000-01-01',
  '-1',
  '1e308',
  'NaN',
  '%00',
  '%0d%0aSet-Cookie:x=y',
  '%2F%09%2Fevil.example',
  '..%2F..%2Fetc%2Fpasswd',
  '%E0%A4%A',
  '{"$gt":""}',
  'ffffffffffffffffffffffff',
  'x'.repeat(300),
];

const token = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 20 }), fc.integer().map(String));
const CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'application/json',
  'text/plain',
  'multipart/form-data; boundary=zzz',
  'multipart/form-data',
  'application/octet-stream',
  'image/png',
];

const malformedRequest = fc.record({
  method: fc.constantFrom('GET', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
  route: fc.constantFrom(...pageRoutes(), ...API_ROUTES, '/healthz', '/build/../server/config.ts'),
  param: token,
  query: fc.array(
    fc.tuple(fc.constantFrom('from', 'weeks', 'skill', 'year', 'page', 'redirectTo', 'status', 'q'), token),
    {
      maxLength: 4,
    },
  ),
  contentType: fc.constantFrom(...CONTENT_TYPES),
  body: fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.json({ maxDepth: 3 }),
    fc.constant('--zzz\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated'),
    fc.constant('email=a%40b.c&password=&intent=plan&redirectTo=%2F%2Fevil'),
    fc.constant('x'.repeat(20 * 1024)),
  ),
  // Mostly visitors (every route's guard and parsing); one in ten signed in as an admin (its loaders).
  signedIn: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  origin: fc.constantFrom(undefined, undefined, undefined, 'null', 'https://evil.example'),
});

/** A fingerprint of every collection, to prove that malformed input changed nothing. */
async function databaseFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const model of ALL_MODELS as readonly Model<unknown>[]) {
    const documents = await model.collection.find({}).sort({ _id: 1 }).toArray();
    hash.update(`${model.collection.collectionName}:${JSON.stringify(documents)}`);
  }
  return hash.digest('hex');
}

describe('fuzzing every route, the API and the socket with malformed input', { timeout: 240_000 }, () => {
  let server: RunningKiwanda;
  let cookie: string;

  beforeAll(async () => {
    server = await startTestServer({
      env: {
        MAX_REQUEST_BODY_BYTES: String(16 * 1024),
        SIGN_IN_FAILURES_PER_ACCOUNT: '10000',
        SIGN_IN_FAILURES_PER_ADDRESS: '100000',
      },
    });
    // An empty network: the fuzz is about parsing and guards, not about how fast big pages render.
    await clearDomainDatabase();
    ({ cookie } = await signIn({ baseUrl: server.url, role: 'admin' }));
  });
  afterAll(async () => {
    await server?.close();
  });

  it(`answers ${REQUESTS} malformed requests and ${EMITS} socket emits without a 5xx, a crash or a change`, async () => {
    const before = await databaseFingerprint();
    const requests = fc.sample(malformedRequest, { seed: 17, numRuns: REQUESTS });
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const sample = requests[next++];
        const path = sample.route.replace(':param', encodeURIComponent(sample.param)).replace(':splat', sample.param);
        const query = sample.query.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
        const headers: Record<string, string> = { 'content-type': sample.contentType };
        // Signing out would end the session the other samples use.
        if (sample.signedIn && !path.startsWith('/logout')) headers.cookie = cookie;
        if (sample.origin) headers.origin = sample.origin;
        const hasBody = !['GET', 'HEAD', 'OPTIONS'].includes(sample.method);
        const response = await fetch(`${server.url}${path}${query ? `?${query}` : ''}`, {
          method: sample.method,
          headers,
          body: hasBody ? sample.body : undefined,
          redirect: 'manual',
        });
        await response.arrayBuffer();
        if (response.status >= 500) failures.push(`${response.status} ${sample.method} ${path}?${query}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(failures).toEqual([]);

    const socket = connectSocket(server.url, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie } });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const emits = fc.sample(
      fc.tuple(
        fc.oneof(fc.constantFrom('server:ping', 'job:status', 'plan:committed', 'session:ended'), fc.string()),
        fc.array(fc.oneof(fc.anything(), fc.json()), { maxLength: 3 }),
      ),
      { seed: 17, numRuns: EMITS },
    );
    for (const [name, args] of emits) (socket.emit as (event: string, ...rest: unknown[]) => void)(name, ...args);
    // The server still answers on the same socket, and over HTTP, after all of it.
    const reply = (await socket.timeout(10_000).emitWithAck('server:ping')) as { serverTime: string };
    expect(Date.parse(reply.serverTime)).not.toBeNaN();
    expect(socket.connected).toBe(true);
    socket.disconnect();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await databaseFingerprint()).toBe(before);
  });
});

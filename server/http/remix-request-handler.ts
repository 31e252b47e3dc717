import {
  createRequestHandler as createRemixHandler,
  writeReadableStreamToWritable,
  type ServerBuild,
} from '@remix-run/node';
import express, { type NextFunction, type Request as ExpressRequest, type Response as ExpressResponse } from 'express';

import { type AppContext, type RequestClient, type RequestLoadContext } from '../app-context';
import { SESSION_COOKIE_NAME } from '../auth/session-storage';
import { type PageThreads } from '../page-threads/start-page-threads';

/**
 * Express → Remix, with the body read first under a size limit (413 above it, through
 * body-parser's `raw`), so no route ever streams an unbounded body into `formData()`.
 *
 * NOTE: this replaces @remix-run/express's handler, which streams `req` into the Request and
 * offers no limit; the two small conversions below follow that adapter.
 */
export function remixRequestHandler({
  getBuild,
  mode,
  context,
  clientOf,
  bodyLimitBytes,
  pageThreads,
}: {
  getBuild: () => ServerBuild;
  mode: 'development' | 'production';
  /** The services every loader and action is handed (with the request's client: RequestLoadContext). */
  context: AppContext;
  clientOf: (req: ExpressRequest, res: ExpressResponse) => RequestClient;
  bodyLimitBytes: number;
  /** Where GET and HEAD requests are rendered when threads are running (server/page-threads/). */
  pageThreads?: Pick<PageThreads, 'serve'>;
}) {
  // In development the build is swapped on every rebuild, so Remix is handed a function and reads
  // it again for each request. In production it never changes: handed the build itself, Remix
  // derives its routes and data handler once, instead of once per request (about a millisecond of
  // each page, route patterns compiled again for every route).
  const handle =
    mode === 'production' ? createRemixHandler(getBuild(), mode) : createRemixHandler(async () => getBuild(), mode);
  const readBody = express.raw({ type: () => true, limit: bodyLimitBytes });
  return [
    readBody,
    (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
      let url: URL;
      try {
        url = requestUrlOf(req);
      } catch {
        res.status(400).type('text/plain').send('The request’s address or Host header cannot be read.');
        return;
      }
      const answerHere = () => {
        const answer = async () => {
          const loadContext: RequestLoadContext = { ...context, client: clientOf(req, res) };
          const response = await handle(remixRequestOf(req, res, url), loadContext);
          await send(res, keptPrivate(response, req.headers.cookie));
        };
        answer().catch(next);
      };
      // GET and HEAD only read: a page thread may render them. Everything that writes stays here,
      // where the sockets, the plan runs and the background work live.
      const reads = req.method === 'GET' || req.method === 'HEAD';
      if (
        reads &&
        pageThreads?.serve({
          req,
          res,
          method: req.method as 'GET' | 'HEAD',
          url: url.href,
          headers: headerPairsOf(req),
          client: clientOf(req, res),
          answerHere,
          fail: next,
        })
      )
        return;
      answerHere();
    },
  ];
}

/** A signed-in page is for that person's browser only: no shared or back-button cache keeps it. */
export function keptPrivate(response: Response, cookieHeader: string | null | undefined): Response {
  if (cookieHeader?.includes(`${SESSION_COOKIE_NAME}=`)) response.headers.set('Cache-Control', 'private, no-store');
  return response;
}

/**
 * The reason a request's signal gives once its answer went out in full. A client that leaves
 * early still gets the usual AbortError; for every other request (all of them, on a busy server)
 * making that DOMException, with its stack, cost more than the rest of ending the request.
 */
export const ANSWER_SENT = new Error('The answer was sent; the request is over.');

/** The request's header lines, repeated headers one pair each, as `Headers` takes them. */
function headerPairsOf(req: ExpressRequest): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, values] of Object.entries(req.headers)) {
    if (values === undefined) continue;
    for (const value of Array.isArray(values) ? values : [values]) pairs.push([name, value]);
  }
  return pairs;
}

/** Concatenated, not resolved: a path starting with `//` must not name another host. Throws when unreadable. */
function requestUrlOf(req: ExpressRequest): URL {
  return new URL(`${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`);
}

function remixRequestOf(req: ExpressRequest, res: ExpressResponse, url: URL): Request {
  // Loaders and actions stop when the client goes away before the answer is written. Once it is
  // written the request is over, and its signal ends it too: Remix keeps a timer on every page
  // (its stream timeout, five seconds) that it clears only when the request is aborted, and with
  // it the page's loader data, hundreds of pages at once on a busy server.
  const controller = new AbortController();
  res.on('close', () => controller.abort(res.writableFinished ? ANSWER_SENT : undefined));
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const body = hasBody && Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : hasBody ? new Uint8Array() : undefined;
  return new Request(url.href, {
    method: req.method,
    headers: new Headers(headerPairsOf(req)),
    body,
    signal: controller.signal,
  });
}

async function send(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.headers.get('Content-Type')?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

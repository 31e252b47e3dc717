import { createRequire } from 'node:module';

import type * as RemixRouter from '@remix-run/router';
import type * as StaticRouter from 'react-router-dom/server';
import { describe, expect, it } from 'vitest';

/**
 * The server keeps what it derives from its route tree instead of deriving it for every page
 * (patches/, applied on install): the router keeps each tree's ranked branches and each compiled
 * path, Remix keeps the server routes made from the build, and the static router keeps the data
 * routes made from them (rendered-pages.test.ts checks that last one in the running app). These
 * are the modules the server itself loads (CommonJS, by require).
 */
const require = createRequire(import.meta.url);
const router = require('@remix-run/router') as typeof RemixRouter;
const staticRouter = require('react-router-dom/server') as typeof StaticRouter;

const tree = () => [
  {
    id: 'root',
    path: '/',
    children: [
      { id: 'orders', path: 'orders' },
      { id: 'order', path: 'orders/:orderId' },
      { id: 'workshops', path: 'workshops/*' },
    ],
  },
];

/** Counts the regular expressions built while `work` runs. */
function regExpsBuiltBy(work: () => void): number {
  const original = globalThis.RegExp;
  let built = 0;
  globalThis.RegExp = new Proxy(original, {
    construct(target, args) {
      built += 1;
      return Reflect.construct(target, args);
    },
  });
  try {
    work();
  } finally {
    globalThis.RegExp = original;
  }
  return built;
}

const matchedIds = (routes: ReturnType<typeof tree>, pathname: string) =>
  router.matchRoutes(routes, pathname)?.map((match) => [match.route.id, match.params]) ?? null;

describe('route matching', () => {
  it('matches a tree it has seen without flattening it or compiling a path again', () => {
    const routes = tree();
    const pages = ['/orders/KW-7', '/workshops/w-1/jobs', '/nowhere'];
    const first = pages.map((page) => matchedIds(routes, page));
    expect(first).toEqual([
      [
        ['root', { orderId: 'KW-7' }],
        ['order', { orderId: 'KW-7' }],
      ],
      [
        ['root', { '*': 'w-1/jobs' }],
        ['workshops', { '*': 'w-1/jobs' }],
      ],
      null,
    ]);
    const builtAgain = regExpsBuiltBy(() => {
      expect(pages.map((page) => matchedIds(routes, page))).toEqual(first);
    });
    expect(builtAgain).toBe(0);
  });

  it('sees routes patched into a tree it has already matched', () => {
    const live = router
      .createRouter({ routes: tree(), history: router.createMemoryHistory({ initialEntries: ['/orders'] }) })
      .initialize();
    const routes = live.routes as unknown as ReturnType<typeof tree>;
    expect(matchedIds(routes, '/capacity')).toBeNull();
    live.patchRoutes('root', [{ id: 'capacity', path: 'capacity' }]);
    expect(matchedIds(routes, '/capacity')).toEqual([
      ['root', {}],
      ['capacity', {}],
    ]);
    live.dispose();
  });

  it('gives a static router the same data routes for the same routes', () => {
    const routes = tree();
    const context = (pathname: string) => ({
      basename: '/',
      location: { pathname, search: '', hash: '', state: null, key: 'default' },
      matches: [],
      loaderData: {},
      actionData: null,
      errors: null,
      statusCode: 200,
      loaderHeaders: {},
      actionHeaders: {},
      activeDeferreds: null,
    });
    const first = staticRouter.createStaticRouter(routes, context('/orders'));
    const second = staticRouter.createStaticRouter(routes, context('/workshops'));
    expect(second.routes).toBe(first.routes);
    expect(second.state.location.pathname).toBe('/workshops');
  });
});

/**
 * Remix 2 classic compiler. Every v3 future flag but two is on so that moving to
 * React Router 7 is a codemod rather than a rewrite.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}'],
  serverModuleFormat: 'esm',
  serverPlatform: 'node',
  serverDependenciesToBundle: [/^recharts/, /^d3-/, /^internmap/, /^es-toolkit/, /^victory-vendor/],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // NOTE: off. Lazy route discovery is for apps of thousands of routes; Kiwanda has about fifty,
    // whose whole manifest is one cached 3 KB (gzipped) file. With it on, every page matched its
    // URL's parent paths against all routes again to inline a partial manifest (about 6% of the
    // server's CPU per planner page), and browsers asked /__manifest for the links they showed.
    // React Router 7 keeps this as `routeDiscovery: { mode: 'initial' }`.
    v3_lazyRouteDiscovery: false,
    v3_singleFetch: true,
    // NOTE: v3_routeConfig is off because Remix implements it only for its Vite
    // compiler (it asserts Vite at startup), and this project uses the classic compiler.
    v3_routeConfig: false,
  },
};

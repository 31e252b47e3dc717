/**
 * Remix 2 classic compiler. Every v3 future flag is on so that moving to
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
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
    // NOTE: v3_routeConfig is the one v3 flag left off: Remix implements it only for its Vite
    // compiler (it asserts Vite at startup), and this project uses the classic compiler.
    v3_routeConfig: false,
  },
};

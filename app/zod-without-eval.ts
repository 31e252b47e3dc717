/**
 * The Content-Security-Policy forbids eval, so in the browser zod must not compile its parsers
 * with `new Function` (its probe for whether it may is itself reported as a violation). Imported
 * first by root.tsx: route modules build their schemas as they load, before entry.client runs.
 * The server keeps zod's faster compiled parsers.
 *
 * NOTE: this writes zod's global configuration object (`globalThis.__zod_globalConfig`, the one
 * `z.config()` changes) instead of importing zod: an import here, in the root, would put all the
 * zod code of every route into the scripts of every page (about 90 KB gzipped), pages that build
 * no schema included. zod-without-eval.test.ts checks that zod reads this object.
 */
interface ZodGlobalConfig {
  jitless?: boolean;
}

export function turnOffZodEval(): void {
  const scope = globalThis as { __zod_globalConfig?: ZodGlobalConfig };
  // Changed in place: zod keeps a reference to the object once it has loaded.
  scope.__zod_globalConfig ??= {};
  scope.__zod_globalConfig.jitless = true;
}

if (typeof document !== 'undefined') turnOffZodEval();

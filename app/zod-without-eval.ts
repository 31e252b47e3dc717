import { config as configureZod } from 'zod';

/**
 * The Content-Security-Policy forbids eval, so in the browser zod must not compile its parsers
 * with `new Function` (its probe for whether it may is itself reported as a violation). Imported
 * first by root.tsx: route modules build their schemas as they load, before entry.client runs.
 * The server keeps zod's faster compiled parsers.
 */
if (typeof document !== 'undefined') configureZod({ jitless: true });

import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false', '1', '0', '']).transform((value) => value === 'true' || value === '1');

/** Every setting Kiwanda reads from the environment. `.env.example` lists the same names. */
const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    MONGODB_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
      .optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    /**
     * Redis shared by several app processes (Socket.IO rooms and events, plan runs, rate limits,
     * cache invalidation); unset, one process keeps all of it in its own memory.
     */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
    /**
     * Threads rendering pages beside the main one (server/page-threads/); unset: one fewer than the
     * machine's cores in production (at least one), none in development and tests.
     */
    PAGE_THREADS: z.coerce.number().int().min(0).max(32).optional(),
    SESSION_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MOCKS: booleanFlag.default(false),
    /** Quiet time after new orders or capacity changes before a suggested re-plan; 0 turns it off. */
    REPLAN_DEBOUNCE_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
    /** Requests a channel may make to the API per minute before it is answered 429. */
    /** How often (ms) the outbox of status webhooks is looked at; 0 turns sending off. */
    WEBHOOK_POLL_MS: z.coerce.number().int().min(0).max(600_000).default(2_000),
    /** Wait (ms) before a webhook's 2nd attempt; each later wait doubles it. */
    WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(30_000),
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(12),
    /**
     * The web shop on Shopify: the secret its webhooks are signed with (Shopify admin → Settings →
     * Notifications → Webhooks, "signed with"); unset, /integrations/shopify/webhooks answers 503.
     */
    SHOPIFY_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    /** The Kiwanda channel (its handle) that Shopify orders are recorded under. */
    SHOPIFY_CHANNEL: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a channel handle like web-shop')
      .default('web-shop'),
    /** Shopify orders carry no ship-by date: they are due this many days after they arrive (2–3 week turnaround). */
    SHOPIFY_LEAD_DAYS: z.coerce.number().int().min(1).max(120).default(21),
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(3_000),
    // Payouts by M-Pesa B2C (Safaricom Daraja); any of them unset turns payouts off (see integrations/mpesa).
    MPESA_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    MPESA_CONSUMER_KEY: z.string().min(1).optional(),
    MPESA_CONSUMER_SECRET: z.string().min(1).optional(),
    MPESA_SHORTCODE: z
      .string()
      .regex(/^\d{5,9}$/, 'must be a 5–9 digit shortcode')
      .optional(),
    MPESA_INITIATOR_NAME: z.string().min(1).optional(),
    MPESA_INITIATOR_PASSWORD: z.string().min(1).optional(),
    MPESA_CERTIFICATE_PATH: z.string().min(1).optional(),
    /** The unguessable path segment under which Daraja's result and timeout callbacks are accepted. */
    MPESA_CALLBACK_SECRET: z.string().min(24, 'must be at least 24 characters').optional(),
    /** How often (ms) the payout worker sends, checks and queries payouts; 0 turns it off. */
    PAYOUT_POLL_MS: z.coerce.number().int().min(0).max(600_000).default(2_000),
    /** How long (ms) a sent payout waits for M-Pesa's result before it counts as unknown and is queried. */
    PAYOUT_RESULT_WAIT_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(300_000),
    // SMS and USSD by Africa's Talking; unset turns SMS off.
    AT_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    AT_USERNAME: z.string().min(1).optional(),
    AT_API_KEY: z.string().min(1).optional(),
    AT_SENDER_ID: z.string().min(1).max(11).optional(),
    /**
     * USSD for artisans on feature phones (Africa's Talking): the unguessable path segment of the
     * callback URL the provider is configured with, {PUBLIC_BASE_URL}/integrations/ussd/{secret};
     * unset turns USSD off. The provider does not sign its requests, so the path is the proof.
     */
    USSD_CALLBACK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{24,128}$/, 'must be 24 to 128 letters, digits, - or _')
      .optional(),
    /** The service code artisans dial (e.g. *384*1234#); when set, requests for any other code are refused. */
    USSD_SERVICE_CODE: z
      .string()
      .regex(/^\*[\d*]+#$/, 'must look like *384*1234#')
      .optional(),
    /** The unguessable path segment under which Africa's Talking's SMS delivery reports are accepted. */
    AT_CALLBACK_SECRET: z.string().min(24, 'must be at least 24 characters').optional(),
    /** How often (ms) the SMS sender looks at the outbox; 0 turns sending off. */
    SMS_POLL_MS: z.coerce.number().int().min(0).max(600_000).default(2_000),
    /** Where the providers reach Kiwanda's callbacks, e.g. https://kiwanda.example.org (no trailing slash). */
    PUBLIC_BASE_URL: z
      .url({ protocol: /^https?$/ })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
    /** Hours a designer's capacity hold keeps its capacity unless the launch's orders are created. */
    CAPACITY_HOLD_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(72),
    /** 1 loads the demo network on an empty database without asking (scripts, tests, a quick look). */
    KIWANDA_DEMO: booleanFlag.default(false),
    /** Session cookies are Secure (HTTPS only) in production; `false` allows a plain-HTTP lab install. */
    SESSION_COOKIE_SECURE: booleanFlag.optional(),
    /** Wrong passwords for one account, and from one address, before sign-in answers 429 for a while. */
    SIGN_IN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(10_000).default(10),
    SIGN_IN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(50),
    /** Seconds the failures are counted over, and the wait once there were too many. */
    /** Largest request body (forms, JSON, uploads) any route accepts; larger ones answer 413. */
    MAX_REQUEST_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1_024)
      .max(100 * 1024 * 1024)
      .default(1024 * 1024),
    SIGN_IN_THROTTLE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  })
  .refine((config) => !(config.MOCKS && config.NODE_ENV === 'production'), {
    path: ['MOCKS'],
    message: 'must not be true with NODE_ENV=production: mocks would answer M-Pesa and SMS instead of the providers',
  });

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once at boot; a wrong value throws a ConfigError naming it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset", as they do for most twelve-factor apps.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(env[String(issue.path[0])])})`,
    );
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

import { createClient } from 'redis';

import { type Logger } from '../logger';

export type RedisClient = ReturnType<typeof createClient>;

/** The Redis connections one app process holds when REDIS_URL is set. */
export interface RedisClients {
  /**
   * Commands that may wait for Redis to come back: Socket.IO's adapter and the event relay publish
   * through it, so what is emitted during a short Redis restart goes out once it is back.
   */
  queued: RedisClient;
  /**
   * Commands that must answer at once or fail (rate limits, plan-run claims, locks): a sign-in
   * does not hang while Redis restarts, it falls back to this process's own counts.
   */
  direct: RedisClient;
  /** Subscribed to the event relay's channel (a subscribed connection can do nothing else). */
  subscriber: RedisClient;
  close(): Promise<void>;
}

/**
 * Logs a lost connection once and its return once. Without an 'error' listener a lost connection
 * would be thrown as an unhandled 'error' event and end the process. (The copies Socket.IO's
 * adapter makes with duplicate(), to read the stream and to subscribe, get a listener of its own.)
 */
function watchConnection(client: RedisClient, role: string, logger: Logger): RedisClient {
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.error({ err: error, redis: role }, 'redis connection lost; reconnecting');
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info({ redis: role }, 'redis connection back');
  });
  return client;
}

/** Waits at most 5 s between attempts, however long Redis stays away: a restart never ends the process. */
const reconnectDelay = (retries: number) => Math.min(100 * 2 ** Math.min(retries, 6), 5_000);

/**
 * Connects to Redis. A lost connection is logged once and retried until Redis is back; the app
 * keeps serving meanwhile: socket emissions and relayed events wait in the queued client, rate
 * limits count in this process, a plan run goes ahead without the network-wide claim.
 */
export async function connectRedis({ url, logger }: { url: string; logger: Logger }): Promise<RedisClients> {
  const make = (role: string, disableOfflineQueue: boolean) =>
    watchConnection(
      createClient({ url, disableOfflineQueue, socket: { reconnectStrategy: reconnectDelay } }),
      role,
      logger,
    );
  const queued = make('queued', false);
  const direct = make('direct', true);
  const subscriber = make('subscriber', false);
  await Promise.all([queued.connect(), direct.connect(), subscriber.connect()]);
  logger.info('redis connected: socket rooms, events, plan runs and rate limits are shared between processes');
  return {
    queued,
    direct,
    subscriber,
    async close() {
      // close() lets queued commands finish; a client that is reconnecting is destroyed instead.
      await Promise.all(
        [queued, direct, subscriber].map((client) =>
          client.isReady ? client.close().catch(() => client.destroy()) : client.destroy(),
        ),
      );
    },
  };
}

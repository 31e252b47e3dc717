import { createAdapter } from '@socket.io/redis-streams-adapter';

import { type RedisClient } from './redis-clients';

/**
 * Socket.IO across app processes: Redis Streams adapter. An emission to a room reaches that
 * room's sockets on every process; a phone that reconnects to another process still gets the
 * events it missed (connection-state recovery keeps its session in Redis); and because the
 * adapter reads the stream from its last offset, a Redis restart only delays what was emitted
 * meanwhile instead of losing it, as plain pub/sub would.
 */
export function redisStreamsAdapter(client: RedisClient) {
  return createAdapter(client, {
    streamName: 'kiwanda:socket.io',
    sessionKeyPrefix: 'kiwanda:socket.io:session:',
    // Every payload is JSON (the event contract, server/domain/events.ts): no binary checks.
    onlyPlaintext: true,
  });
}

import { type EmbeddedMongoOptions } from '../embedded-server';

/** What the thread is started with: the server's options, less the logger, which stays with the caller. */
export type ThreadedMongoOptions = Omit<EmbeddedMongoOptions, 'logger'>;

export type LogLevel = 'info' | 'warn' | 'error' | 'debug';

/** From the database's thread to the thread that started it. */
export type FromDatabaseThread =
  | { type: 'started'; uri: string; host: string; port: number }
  | { type: 'start-failed'; error: Error }
  | { type: 'log'; level: LogLevel; obj: object | string; msg?: string }
  | { type: 'stopped' };

/** From the starting thread to the database's thread. */
export type ToDatabaseThread = { type: 'stop' };

import { type EmbeddedMongoOptions } from '../embedded-server';

/** What the embedded server's thread and the thread that started it tell each other. */
export type FromEmbeddedThread =
  | { type: 'ready'; uri: string; host: string; port: number }
  | { type: 'failed'; message: string }
  | { type: 'log'; level: 'info' | 'warn' | 'error' | 'debug'; obj: object | string; msg?: string }
  | { type: 'stopped' };

export type ToEmbeddedThread = { type: 'stop' };

/** The server's options as they cross to its thread: everything but the logger, which stays here. */
export type EmbeddedThreadOptions = Omit<EmbeddedMongoOptions, 'logger'>;

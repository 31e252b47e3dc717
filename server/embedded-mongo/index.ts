/**
 * Kiwanda's embedded MongoDB-compatible server: speaks the MongoDB wire protocol over TCP so the official
 * driver and Mongoose work against it unchanged, with an optional on-disk journal. See README.md.
 */
export { startEmbeddedMongo, type EmbeddedMongo, type EmbeddedMongoOptions } from './embedded-server';
export { type EmbeddedLogger } from './server-context';

import { domainEvents } from '../../domain-events';
import { type ChannelDoc } from '../../models/channel';

/**
 * Keys the channels' API has verified, with their channel, so that a busy channel's requests do
 * not each read its key and its channel again (two of an order's database round trips).
 *
 * Entries are found by the presented key's HMAC (channel-key-format.ts), computed per request, so
 * only a key whose secret matched its stored hash is ever remembered. Revocation still takes
 * effect at once: revoking a key, or changing a channel's webhook settings, publishes
 * `channel:changed` after its commit, which empties this memory in every app process (the event
 * relay carries it with REDIS_URL). A lookup that was under way when the event came is not
 * remembered (the generation check), so it cannot bring back what the event dropped.
 *
 * NOTE: the age limit is the backstop for a change no app process hears of: a key revoked by the
 * operations CLI (`npm run channel-key -- revoke`) while a server runs elsewhere, or an event lost
 * while Redis restarts. Such a key is refused within MAX_AGE_MS.
 */
export interface VerifiedKey {
  keyRecordId: string;
  channel: ChannelDoc;
  /** When the key's last use was last written (see authenticateChannelKey). */
  lastUsedAt?: Date;
  verifiedAt: number;
}

const MAX_AGE_MS = 10_000;
/** Only verified keys are kept, so this bounds nothing an attacker controls; a plain safety cap. */
const MAX_KEPT = 1_000;

const verified = new Map<string, VerifiedKey>();
let generation = 0;
let watching = false;

function forgetAll(): void {
  generation += 1;
  verified.clear();
}

function watchForChanges(): void {
  if (watching) return;
  watching = true;
  domainEvents.subscribe('channel:changed', forgetAll);
}

/** The verified key with this hash, if it was verified less than MAX_AGE_MS ago. */
export function rememberedKey({ secretHash, now }: { secretHash: string; now: number }): VerifiedKey | undefined {
  watchForChanges();
  const entry = verified.get(secretHash);
  if (entry && now - entry.verifiedAt < MAX_AGE_MS) return entry;
  if (entry) verified.delete(secretHash);
  return undefined;
}

/** The generation to hand back to `rememberKey`: take it before reading the key from the database. */
export function keyCacheGeneration(): number {
  watchForChanges();
  return generation;
}

/** Remembers a key just verified, unless a change was announced since `readAtGeneration`. */
export function rememberKey({
  secretHash,
  entry,
  readAtGeneration,
}: {
  secretHash: string;
  entry: VerifiedKey;
  readAtGeneration: number;
}): void {
  if (readAtGeneration !== generation) return;
  if (verified.size >= MAX_KEPT) verified.clear();
  verified.set(secretHash, entry);
}

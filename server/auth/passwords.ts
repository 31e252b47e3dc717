import { hash, verify } from '@node-rs/argon2';

/**
 * Password hashing with Argon2id (the library's default algorithm and OWASP's first choice),
 * at the library's default cost: 19 MiB, 2 passes.
 */
export async function hashPassword({ password, salt }: { password: string; salt?: Uint8Array }): Promise<string> {
  // NOTE: `salt` is only for the demo network, whose hashes must be identical for the same seed;
  // every real password gets a fresh random salt from the library.
  return hash(password, salt ? { salt } : undefined);
}

export async function verifyPassword({
  passwordHash,
  password,
}: {
  passwordHash: string;
  password: string;
}): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed sign-in, not a crash.
    return false;
  }
}

/** A valid hash of nothing anyone knows: verified against when no user matches an e-mail, so a
 * sign-in takes as long whether or not the account exists. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hash(`decoy-${Math.random()}-${Date.now()}`);
  return decoyHash;
}

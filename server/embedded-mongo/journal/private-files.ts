import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data directory holds every user's password hash: nobody but the server's own account may read it.
 * Files are created with these modes (the umask can only narrow them), and `lockDownDirectory` narrows
 * whatever an older version or a copy left wider.
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIRECTORY_MODE = 0o700;

/** Makes `dir` and everything below it owner-only; symbolic links are left alone (their targets are not ours). */
export function lockDownDirectory({ dir }: { dir: string }): void {
  chmodSync(dir, PRIVATE_DIRECTORY_MODE);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) lockDownDirectory({ dir: path });
    else if ((lstatSync(path).mode & 0o777) !== PRIVATE_FILE_MODE) chmodSync(path, PRIVATE_FILE_MODE);
  }
}

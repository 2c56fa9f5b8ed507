import { randomBytes } from 'node:crypto';
import { chmod, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fsyncDirectory } from '../evidence/durable-fs';

/**
 * Writes a small file through a temp file in the same folder (fsynced, then renamed), so a
 * crash leaves the old file or the new one, never half of one. The temp file is created with
 * `mode` already set, so a secret is never readable by others, not even for a moment.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    // open() applies the umask; chmod makes the mode exact.
    await chmod(temp, mode);
    await rename(temp, path);
  } catch (e) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw e;
  }
  fsyncDirectory(dirname(path));
}

import { randomBytes } from 'node:crypto';
import { chmod, link, open, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SscpError } from '../../shared/errors';
import { fsyncDirectory } from '../evidence/durable-fs';
import { writeFileAtomic } from './write-file-atomic';

/**
 * Writes a small file that must not replace an existing one unless `force` is given, with
 * the same all-or-nothing guarantee as writeFileAtomic: the data goes to a temp file in the
 * same folder, fsynced, then hard-linked to the name (which fails if the name is taken, so
 * two writers cannot both win). File systems without hard links (FAT, exFAT) fall back to a
 * check and a rename. Errors are SscpErrors naming the path.
 */
export async function writeNewFile(path: string, data: Uint8Array | string, options: { readonly mode?: number; readonly force?: boolean; readonly what: string }): Promise<void> {
  const mode = options.mode ?? 0o644;
  try {
    const existing = await stat(path).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return null;
      throw e;
    });
    if (existing?.isDirectory()) throw new SscpError('invalid-input', `${path} is a folder.`, `Choose a file name for the ${options.what}.`);
    // A device, pipe or socket (or a link to one) is never replaced by a rename, even when forced.
    if (existing && !existing.isFile()) throw new SscpError('invalid-input', `${path} is not an ordinary file.`, `Choose a file name for the ${options.what}.`);
    if (existing && !options.force) throw exists(path, options.what);
    if (options.force) {
      await writeFileAtomic(path, data, mode);
      return;
    }
    const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
      await handle.close();
      await chmod(temp, mode);
      try {
        await link(temp, path);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw exists(path, options.what);
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
        // No hard links here: as close as a rename gets to "only if new".
        if (await stat(path).then(() => true, () => false)) throw exists(path, options.what);
        await writeFileAtomic(path, data, mode);
      }
    } finally {
      await handle.close().catch(() => undefined);
      await rm(temp, { force: true });
    }
    fsyncDirectory(dirname(path));
  } catch (e) {
    if (e instanceof SscpError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new SscpError(
      code === 'ENOENT' ? 'not-found' : 'unreadable',
      `The ${options.what} cannot be written to ${path}${code === 'ENOENT' ? ': that folder does not exist' : ` (${code ?? (e as Error).message})`}.`,
      'Choose a file in an existing folder you may write to, on a disk with free space.',
    );
  }
}

function exists(path: string, what: string): SscpError {
  return new SscpError('conflict', `There is already a file at ${path}; the ${what} was not written.`, 'Choose another file name, or allow replacing the existing file.');
}

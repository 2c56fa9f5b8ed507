import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type * as Fs from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeWriteFailure } from '../../../main/fs/write-errors';
import { openWorkspace } from '../../../main/services/workspace';
import { sscp, tempFolder } from '../../cli/run-sscp';
import { appHintOf, cliHintOf } from '../../setup/error-words';
import { createIdentity, newAssessment, writePassphraseFile } from '../../cli/cli-fixtures';

/**
 * Write failures the test machine cannot produce on demand (a read-only disk, a full disk, a
 * quota): injected at the writers' seam, node:fs/promises, for files in one folder only, so
 * the real writers run their real error handling and clean-up. What this proves: each writer
 * turns the failure into a plain message naming the file the person chose, exits 2, and
 * leaves no temp file. It does not prove the kernel's own codes (destination.test.ts does,
 * for EACCES, with a real one).
 */
interface Injection {
  readonly folder: string;
  readonly code: string;
  /** open: the temp file cannot be created; write: a write to it fails (no path, as from a full disk); publish: putting it in place fails. */
  readonly at: 'open' | 'write' | 'publish';
}
let injection: Injection | null = null;

function errno(code: string, syscall: string, path?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected, ${syscall}${path ? ` '${path}'` : ''}`), { code, syscall, ...(path ? { path } : {}) });
}

const injectedHere = (path: unknown): boolean =>
  typeof path === 'string' && injection !== null && dirname(path) === injection.folder && basename(path).startsWith('.');

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const failingHandle = (handle: FileHandle, code: string): FileHandle =>
    new Proxy(handle, {
      get(target, prop) {
        if (prop === 'write' || prop === 'writeFile') return () => Promise.reject(errno(code, 'write'));
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  const open = async (...args: Parameters<typeof real.open>) => {
    const [path] = args;
    if (injectedHere(path) && injection?.at === 'open') throw errno(injection.code, 'open', String(path));
    const handle = await real.open(...args);
    return injectedHere(path) && injection?.at === 'write' ? failingHandle(handle, injection.code) : handle;
  };
  const publishing =
    <F extends (from: string, to: string) => Promise<void>>(fn: F) =>
    async (from: string, to: string) => {
      if (injectedHere(from) && injection?.at === 'publish') throw errno(injection.code, fn.name, from);
      return fn(from, to);
    };
  const mocked = { ...real, open, rename: publishing(real.rename), link: publishing(real.link) };
  return { ...mocked, default: mocked };
});

// The signing commit puts the pack in place synchronously, inside its database transaction.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof Fs>();
  const publishing =
    <F extends (from: string, to: string) => void>(fn: F) =>
    (from: string, to: string) => {
      if (injectedHere(from) && injection?.at === 'publish') throw errno(injection.code, fn.name, from);
      return fn(from, to);
    };
  const mocked = { ...real, renameSync: publishing(real.renameSync), linkSync: publishing(real.linkSync) };
  return { ...mocked, default: mocked };
});

describe('describeWriteFailure: every fs failure in plain words', () => {
  const target = { path: '/media/usb/pack.pdf', what: 'pack', temp: '/media/usb/.pack.pdf.1a2b.partial' };
  it.each([
    ['EROFS', 'The folder /media/usb is read-only, so the pack cannot be written there.', 'Choose another folder for the pack.'],
    ['EACCES', 'You do not have permission to write the pack to /media/usb/pack.pdf.', 'Choose a folder you may write to'],
    ['EPERM', 'You do not have permission to write the pack to /media/usb/pack.pdf.', 'Choose a folder you may write to'],
    ['ENOSPC', 'The disk holding /media/usb is full: the pack did not fit, and nothing was written.', 'Free some space'],
    ['EDQUOT', 'Your disk quota for /media/usb is used up', 'Free some space'],
    ['EFBIG', 'FAT32 drives hold at most 4 GiB', 'NTFS, exFAT'],
    ['EISDIR', '/media/usb/pack.pdf is a folder, so the pack cannot be written there.', 'Choose a file name'],
    ['ENOTDIR', '/media/usb is not a folder', 'Choose an existing folder'],
    ['ENOENT', 'The folder /media/usb does not exist', 'Choose an existing folder for the pack'],
    ['EBUSY', 'in use by another program', 'Close the file'],
    ['EIO', 'reported an error', 'still connected'],
  ])('%s', (code, message, hint) => {
    const e = describeWriteFailure(errno(code, 'open', target.temp), target);
    expect(e?.message).toContain(message);
    expect(e?.message).not.toContain('.partial');
    expect(cliHintOf(e)).toContain(hint);
    expect(appHintOf(e!)).not.toMatch(/--|sscp /);
  });

  it('leaves alone a failure on some other file (an evidence file being read), and an error that is not from fs', () => {
    expect(describeWriteFailure(errno('EACCES', 'open', '/home/me/evidence.pdf'), target)).toBeNull();
    expect(describeWriteFailure(errno('EACCES', 'read'), target)).toBeNull();
    expect(describeWriteFailure(new Error('bug'), target)).toBeNull();
    expect(describeWriteFailure(errno('ENOSPC', 'write'), target)?.kind).toBe('unwritable');
  });
});

describe('the CLI writers, when the disk refuses', () => {
  const { dir, db, cleanup } = tempFolder();
  const passFile = join(dir, 'pass.txt');
  let id = '';
  beforeAll(async () => {
    writePassphraseFile(dir);
    id = await newAssessment(db);
    await createIdentity({ passFile, db, withRoot: true });
    const evidence = join(dir, 'policy.txt');
    writeFileSync(evidence, 'policy\n'.repeat(10_000));
    expect((await sscp('attach', id, '1.1.1', evidence, '--db', db)).code).toBe(0);
  });
  afterEach(() => {
    injection = null;
  });
  afterAll(() => cleanup());

  const leftovers = () => readdirSync(dir).filter((n) => n.startsWith('.'));
  const state = () => {
    const ws = openWorkspace(db, { mustExist: true });
    try {
      return ws.getAssessment(id).assessment.state;
    } finally {
      ws.close();
    }
  };

  it('identity export-cert on a read-only disk: the folder is named, exit 2, no temp file', async () => {
    injection = { folder: dir, code: 'EROFS', at: 'open' };
    const out = join(dir, 'root.pem');
    const r = await sscp('identity', 'export-cert', 'ada', '--db', db, '--root', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `sscp: The folder ${dir} is read-only, so the certificate cannot be written there.\nChoose another folder for the certificate.\n`,
    );
    expect(leftovers()).toEqual([]);
    expect(() => readFileSync(out)).toThrow();
  });

  it('export-form on a full disk: the temp file it had begun is removed, an existing form is untouched', async () => {
    const out = join(dir, 'form.docx');
    writeFileSync(out, 'last year');
    injection = { folder: dir, code: 'ENOSPC', at: 'write' };
    const r = await sscp('export-form', id, '--db', db, '--out', out, '--force');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`The disk holding ${dir} is full: the Word form did not fit, and nothing was written.`);
    expect(r.err).not.toContain('Unexpected error');
    expect(leftovers()).toEqual([]);
    expect(readFileSync(out, 'utf8')).toBe('last year');
  });

  it('export on a full disk while the evidence is embedded: plain words, no .partial file, the assessment not signed', async () => {
    injection = { folder: dir, code: 'ENOSPC', at: 'write' };
    const out = join(dir, 'pack.pdf');
    const r = await sscp('export', id, '--db', db, '--identity', 'ada', '--out', out, '--passphrase-file', passFile, '--accept-exceptions');
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      `sscp: The disk holding ${dir} is full: the pack did not fit, and nothing was written.\nFree some space on that disk, or choose a folder on another disk.`,
    );
    expect(leftovers()).toEqual([]);
    expect(() => readFileSync(out)).toThrow();
    expect(state()).toBe('draft');
  });

  it('export when the file cannot be put in place (open in a PDF viewer that locks it): plain words, no .partial file', async () => {
    injection = { folder: dir, code: 'EBUSY', at: 'publish' };
    const out = join(dir, 'pack.pdf');
    const r = await sscp('export', id, '--db', db, '--identity', 'ada', '--out', out, '--passphrase-file', passFile, '--accept-exceptions');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`sscp: ${out} is in use by another program, so the pack cannot be written there.`);
    expect(leftovers()).toEqual([]);
    expect(state()).toBe('draft');
  });
});

import { linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSscpError, type SscpError } from '../../../shared/errors';
import { checkDestination, type DestinationRequest } from '../../../main/fs/destination';
import { writeFileAtomic } from '../../../main/fs/write-file-atomic';
import { makeTempDir } from '../evidence/temp-dir';
import { cliHintOf } from '../../setup/error-words';

let dir: string;
let db: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir('sscp-dest-'));
  db = join(dir, 'work.sscp');
  writeFileSync(db, 'SQLite format 3\0 the database');
  mkdirSync(`${db}.evidence/ab`, { recursive: true });
  writeFileSync(`${db}.evidence/ab/abcdef`, 'evidence');
});
afterEach(() => cleanup());

const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

const request = (over: Partial<DestinationRequest> = {}): DestinationRequest => ({ what: 'pack', database: db, replace: false, ...over });

async function refusal(path: string, over: Partial<DestinationRequest> = {}): Promise<SscpError> {
  const e: unknown = await checkDestination(path, request(over)).then(
    () => null,
    (x: unknown) => x,
  );
  if (!isSscpError(e)) throw new Error(`expected ${path} to be refused, got ${String(e)}`);
  return e;
}

describe('checkDestination: the open database is never a destination', () => {
  it('refuses the database, its -wal, -shm and -journal, even with consent to replace', async () => {
    for (const [suffix, words] of [
      ['', 'the assessments database itself'],
      ['-wal', 'write-ahead log'],
      ['-shm', 'shared-memory file'],
      ['-journal', 'rollback journal'],
    ] as const) {
      const e = await refusal(db + suffix, { replace: true });
      expect(e.kind).toBe('conflict');
      expect(e.message).toContain(words);
      expect(e.message).toContain(db + suffix);
      expect(cliHintOf(e)).toContain('another name');
    }
  });

  it('refuses anything inside the evidence folder, and the folder itself', async () => {
    for (const path of [`${db}.evidence/ab/abcdef`, `${db}.evidence/new.pdf`, `${db}.evidence/ab/zz/new.pdf`, `${db}.evidence`]) {
      const e = await refusal(path, { replace: true });
      expect(e.message, path).toMatch(/evidence folder|does not exist/);
    }
    expect((await refusal(`${db}.evidence/new.pdf`)).message).toContain("inside the database's evidence folder");
  });

  it('sees through relative paths and .. spellings', async () => {
    mkdirSync(join(dir, 'sub'));
    expect((await refusal(relative(process.cwd(), db), { replace: true })).message).toContain('database itself');
    expect((await refusal(join(dir, 'sub', '..', 'work.sscp'), { replace: true })).message).toContain('database itself');
    expect((await refusal(`${join(dir, 'sub')}/../work.sscp-wal`, { replace: true })).message).toContain('write-ahead log');
  });

  it('sees through a symbolic link as the name, to the database or to its -wal that does not exist yet', async () => {
    symlinkSync(db, join(dir, 'pack.pdf'));
    expect((await refusal(join(dir, 'pack.pdf'), { replace: true })).message).toContain('database itself');
    symlinkSync('work.sscp-wal', join(dir, 'dangling.pdf'));
    expect((await refusal(join(dir, 'dangling.pdf'), { replace: true })).message).toContain('write-ahead log');
    symlinkSync('link2.pdf', join(dir, 'link1.pdf'));
    symlinkSync('work.sscp', join(dir, 'link2.pdf'));
    expect((await refusal(join(dir, 'link1.pdf'), { replace: true })).message).toContain('database itself');
  });

  it('sees through a symbolic link to a folder, into the evidence folder or onto the database', async () => {
    symlinkSync(dir, join(dir, 'alias'));
    symlinkSync(`${db}.evidence`, join(dir, 'packs'));
    expect((await refusal(join(dir, 'alias', 'work.sscp'), { replace: true })).message).toContain('database itself');
    expect((await refusal(join(dir, 'packs', 'pack.pdf'), { replace: true })).message).toContain('evidence folder');
  });

  it('refuses a hard link to the database (same device and inode), even with consent', async () => {
    linkSync(db, join(dir, 'pack.pdf'));
    const e = await refusal(join(dir, 'pack.pdf'), { replace: true });
    expect(e.message).toContain('hard link');
  });

  it('refuses a database opened through a symbolic link, by its real name', async () => {
    symlinkSync(db, join(dir, 'alias.sscp'));
    const e = await checkDestination(db, request({ database: join(dir, 'alias.sscp'), replace: true })).catch((x: unknown) => x);
    expect(isSscpError(e) && e.message).toContain('database itself');
  });
});

describe('checkDestination: what the person named must be a file in a folder', () => {
  it('refuses a folder, with a file name to use instead', async () => {
    mkdirSync(join(dir, 'out'));
    const e = await refusal(join(dir, 'out'), { replace: true, exampleName: 'evidence-pack.pdf' });
    expect(e.message).toBe(`${join(dir, 'out')} is a folder, so the pack cannot be written there.`);
    expect(cliHintOf(e)).toContain(join(dir, 'out', 'evidence-pack.pdf'));
    expect((await refusal(`${join(dir, 'new-folder')}/`)).message).toContain('names a folder');
  });

  it('refuses a missing folder and a file used as a folder, in plain words', async () => {
    const missing = await refusal(join(dir, 'nope', 'pack.pdf'));
    expect(missing.kind).toBe('not-found');
    expect(missing.message).toBe(`The folder ${join(dir, 'nope')} does not exist, so the pack cannot be written there.`);
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'x');
    expect((await refusal(join(file, 'pack.pdf'))).message).toContain(`${file} is a file, not a folder`);
    expect((await refusal(join(file, 'deeper', 'pack.pdf'))).message).toContain('part of that path is a file');
  });

  it('refuses a device or a pipe, also behind a link such as /dev/stdout', async () => {
    expect((await refusal('/dev/null', { replace: true, database: undefined })).message).toContain('not an ordinary file');
    if (process.platform !== 'linux') return;
    mkfifo(join(dir, 'pipe'));
    expect((await refusal(join(dir, 'pipe'), { replace: true })).message).toContain('not an ordinary file');
    symlinkSync(join(dir, 'pipe'), join(dir, 'to-pipe.pdf'));
    expect((await refusal(join(dir, 'to-pipe.pdf'), { replace: true })).message).toContain('not an ordinary file');
  });

  it('a link to nothing yet is a name in the way: replaced only with consent', async () => {
    symlinkSync(join(dir, 'nothing-yet.pdf'), join(dir, 'dangling.pdf'));
    expect((await refusal(join(dir, 'dangling.pdf'))).message).toContain('already exists');
    expect(await checkDestination(join(dir, 'dangling.pdf'), request({ replace: true }))).toBe(join(dir, 'dangling.pdf'));
  });

  it('refuses an existing file without consent, names it, and accepts it with consent', async () => {
    const pack = join(dir, 'pack.pdf');
    writeFileSync(pack, 'last year');
    const e = await refusal(pack, { existsHint: 'Add --force to replace it, or give --out another name.' });
    expect(e.kind).toBe('conflict');
    expect(e.message).toBe(`${pack} already exists; it was left as it was.`);
    expect(cliHintOf(e)).toContain('--force');
    expect(await checkDestination(pack, request({ replace: true }))).toBe(pack);
    expect(await checkDestination(join(dir, 'new.pdf'), request())).toBe(join(dir, 'new.pdf'));
  });
});

describe('writeFileAtomic', () => {
  it('without consent refuses a file that exists when it is put in place (another process wrote it meanwhile), and leaves no temp file', async () => {
    const path = join(dir, 'root.pem');
    writeFileSync(path, 'the other process');
    const e = await writeFileAtomic(path, 'mine', { what: 'certificate', replace: false }).catch((x: unknown) => x);
    expect(isSscpError(e) && e.message).toBe(`${path} already exists; it was left as it was.`);
    expect(readFileSync(path, 'utf8')).toBe('the other process');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('two writers of the same new name at once, neither with consent: one writes, the other is refused, no temp file stays', async () => {
    const path = join(dir, 'root.pem');
    const results = await Promise.allSettled(['first', 'second', 'third'].map((text) => writeFileAtomic(path, text, { replace: false })));
    const written = results.flatMap((r, i) => (r.status === 'fulfilled' ? [['first', 'second', 'third'][i]] : []));
    expect(written).toHaveLength(1);
    expect(readFileSync(path, 'utf8')).toBe(written[0]);
    for (const r of results) if (r.status === 'rejected') expect(isSscpError(r.reason) && r.reason.message).toContain('already exists');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('removes the temp files a killed earlier write of the same file left, but not one a live write is using', async () => {
    const path = join(dir, 'root.pem');
    const stale = join(dir, '.root.pem.0123456789ab.tmp');
    const live = join(dir, '.root.pem.ba9876543210.tmp');
    const other = join(dir, '.form.docx.0123456789ab.tmp');
    for (const f of [stale, live, other]) writeFileSync(f, 'half');
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    utimesSync(stale, hourAgo, hourAgo);
    utimesSync(other, hourAgo, hourAgo);
    await writeFileAtomic(path, 'new', { replace: false });
    expect(
      readdirSync(dir)
        .filter((n) => n.endsWith('.tmp'))
        .sort(),
    ).toEqual(['.form.docx.0123456789ab.tmp', '.root.pem.ba9876543210.tmp']);
  });

  it('replaces an existing file by default, and writes a new one without consent', async () => {
    const path = join(dir, 'root.pem');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    await writeFileAtomic(join(dir, 'fresh.pem'), 'fresh', { replace: false });
    expect(readFileSync(join(dir, 'fresh.pem'), 'utf8')).toBe('fresh');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('says in plain words when the folder refuses writes (a real EACCES from sysfs, even as root), naming the file, not the temp file', async () => {
    if (process.platform !== 'linux') return;
    const e = await writeFileAtomic('/sys/sscp-test.pem', 'x', { what: 'certificate' }).catch((x: unknown) => x);
    expect(isSscpError(e)).toBe(true);
    if (!isSscpError(e)) return;
    expect(e.kind).toBe('unwritable');
    expect(e.message).toBe('You do not have permission to write the certificate to /sys/sscp-test.pem.');
    expect(e.message).not.toContain('.tmp');
  });
});

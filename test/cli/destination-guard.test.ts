import { linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowJson } from '../../main/cli/commands/show';
import { sscp, sscpBin, tempFolder } from './run-sscp';
import { createIdentity, newAssessment, writePassphraseFile } from './cli-fixtures';

/**
 * Nothing `sscp` writes can destroy the user's data: every command that writes a file the
 * user names refuses the database, its companions and its evidence folder whatever the
 * spelling, and replaces an existing file only with --force.
 */
const { dir, db, cleanup } = tempFolder();
const passFile = join(dir, 'pass.txt');
let id = '';
let blob = '';

beforeAll(async () => {
  writePassphraseFile(dir);
  id = await newAssessment(db);
  await createIdentity({ passFile, db, withRoot: true });
  writeFileSync(join(dir, 'policy.txt'), 'Secure development policy\n');
  expect((await sscp('attach', id, '1.1.1', join(dir, 'policy.txt'), '--db', db)).code).toBe(0);
  const shard = readdirSync(`${db}.evidence`).find((n) => /^[0-9a-f]{2}$/.test(n))!;
  blob = join(`${db}.evidence`, shard, readdirSync(join(`${db}.evidence`, shard))[0]!);
});
afterAll(() => cleanup());

interface Writer {
  readonly name: string;
  readonly argv: (out: string, assessmentId: string) => string[];
  /** What a good file of this kind starts with. */
  readonly magic: string;
  readonly what: string;
}

const WRITERS: readonly Writer[] = [
  {
    name: 'export',
    argv: (out, a) => ['export', a, '--db', db, '--identity', 'ada', '--out', out, '--passphrase-file', passFile, '--accept-exceptions'],
    magic: '%PDF-',
    what: 'pack',
  },
  { name: 'export-form', argv: (out, a) => ['export-form', a, '--db', db, '--out', out], magic: 'PK', what: 'Word form' },
  {
    name: 'export-cdx',
    argv: (out, a) => ['export-cdx', a, '--db', db, '--out', out],
    magic: '{\n  "$schema": "http://cyclonedx.org/schema/bom-1.6.schema.json"',
    what: 'attestation',
  },
  {
    name: 'identity export-cert',
    argv: (out) => ['identity', 'export-cert', 'ada', '--db', db, '--root', '--out', out],
    magic: '-----BEGIN CERTIFICATE-----',
    what: 'certificate',
  },
];

/** The database still opens, the assessment is still a draft with its evidence, and no temp file was left. */
async function expectDataIntact(): Promise<void> {
  expect(readFileSync(db).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  const show = await sscp('show', id, '--db', db, '--json');
  expect(show.code, show.err).toBe(0);
  const detail = JSON.parse(show.out) as ShowJson;
  expect(detail.assessment.state).toBe('draft');
  expect(detail.evidence).toHaveLength(1);
  expect(readFileSync(blob, 'utf8')).toBe('Secure development policy\n');
  expect((await sscp('identity', 'list', '--db', db)).out).toContain('ada');
  expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
}

describe.each(WRITERS)('sscp $name --out', (w) => {
  const run = (out: string, ...extra: string[]) => sscp(...w.argv(out, id), ...extra);

  it('refuses the database itself, even with --force, and says why', async () => {
    for (const extra of [[], ['--force']]) {
      const r = await run(db, ...extra);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`sscp: The ${w.what} cannot be written to ${db}: that is the assessments database itself (${db}).`);
      expect(r.err).toContain(`Choose another name for the ${w.what}, outside the database and its evidence folder.`);
      await expectDataIntact();
    }
  });

  it('refuses the -wal and -shm files beside it, creating nothing', async () => {
    for (const suffix of ['-wal', '-shm']) {
      const r = await run(db + suffix, '--force');
      expect(r.code).toBe(2);
      expect(r.err).toContain(`that is the database's`);
    }
    // SQLite itself may leave its own -wal/-shm beside a database it opened read-only; what
    // matters is that none of them holds what the command writes.
    for (const name of readdirSync(dir).filter((n) => n.includes('-wal') || n.includes('-shm'))) {
      const head = readFileSync(join(dir, name)).subarray(0, 5).toString('latin1');
      expect(head.startsWith('%PDF') || head.startsWith('PK') || head.startsWith('-----'), name).toBe(false);
    }
    await expectDataIntact();
  });

  it('refuses a file inside the evidence folder, existing or new', async () => {
    for (const out of [blob, join(`${db}.evidence`, 'pack.pdf')]) {
      const r = await run(out, '--force');
      expect(r.code).toBe(2);
      expect(r.err).toContain("inside the database's evidence folder");
    }
    expect(readdirSync(`${db}.evidence`)).not.toContain('pack.pdf');
    await expectDataIntact();
  });

  it('refuses the database through a relative ../ spelling, a symbolic link and a hard link', async () => {
    const spelled = relative(process.cwd(), db);
    expect(spelled.startsWith('..')).toBe(true);
    const sym = join(dir, `sym-${w.name}.out`);
    const hard = join(dir, `hard-${w.name}.out`);
    symlinkSync(db, sym);
    linkSync(db, hard);
    for (const [out, words] of [
      [spelled, 'database itself'],
      [sym, 'database itself'],
      [hard, `database itself under another name: a hard link to ${db}`],
    ] as const) {
      const r = await run(out, '--force');
      expect(r.code, out).toBe(2);
      expect(r.err).toContain(words);
    }
    await expectDataIntact();
  });

  it('refuses an existing file without --force and leaves it as it was; replaces it with --force', async () => {
    const out = join(dir, `existing-${w.name}.out`);
    writeFileSync(out, 'last year');
    const refused = await run(out);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      `sscp: ${out} already exists; it was left as it was.\nAdd --force to replace it, or give --out another name.\n`,
    );
    expect(readFileSync(out, 'utf8')).toBe('last year');
    await expectDataIntact();

    // export signs and freezes what it exports: replace with a fresh assessment's pack.
    const fresh = w.name === 'export' ? await newAssessment(db) : id;
    const forced = await sscp(...w.argv(out, fresh), '--force');
    expect(forced.code, forced.err).toBe(0);
    expect(readFileSync(out).subarray(0, w.magic.length).toString('latin1')).toBe(w.magic);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('refuses a folder and a missing or file parent folder before any work, in plain words', async () => {
    const folder = join(dir, 'out-folder');
    mkdirSync(folder, { recursive: true });
    const asFolder = await run(folder, '--force');
    expect(asFolder.code).toBe(2);
    expect(asFolder.err).toContain(
      `sscp: ${folder} is a folder, so the ${w.what} cannot be written there.\nGive the file name for the ${w.what} inside that folder, for example ${folder}/`,
    );
    const missing = await run(join(dir, 'no-such-folder', 'x.out'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(
      `sscp: The folder ${join(dir, 'no-such-folder')} does not exist, so the ${w.what} cannot be written there.`,
    );
    const underFile = await run(join(passFile, 'x.out'));
    expect(underFile.code).toBe(2);
    expect(underFile.err).toContain(`${passFile} is a file, not a folder`);
    expect(readdirSync(folder)).toEqual([]);
    await expectDataIntact();
  });

  it('says plainly when the folder refuses writes (sysfs: a real EACCES, even as root), leaving nothing', async () => {
    if (process.platform !== 'linux') return;
    const r = await run('/sys/sscp-guard-test.out');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`sscp: You do not have permission to write the ${w.what} to /sys/sscp-guard-test.out.`);
    expect(r.err).not.toMatch(/Unexpected error|\.tmp|\.partial/);
    await expectDataIntact();
  });
});

describe('two commands writing the same new file at once', () => {
  it('without --force, one writes the form and the other is refused; the file is whole', async () => {
    const out = join(dir, 'same-name.docx');
    const [a, b] = await Promise.all([
      sscp('export-form', id, '--db', db, '--out', out),
      sscp('export-form', id, '--db', db, '--out', out),
    ]);
    expect([a.code, b.code].sort()).toEqual([0, 2]);
    expect((a.code === 2 ? a : b).err).toContain(`${out} already exists; it was left as it was.`);
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
    await expectDataIntact();
  });
});

describe('the real sscp binary, from the database folder', () => {
  it('refuses ./sub/../assessments.sscp as the form when the database was given as assessments.sscp', async () => {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    const r = await sscpBin(dir, 'export-form', id, '--db', 'assessments.sscp', '--out', './sub/../assessments.sscp', '--force');
    expect(r.code).toBe(2);
    expect(r.err).toContain('that is the assessments database itself');
    await expectDataIntact();
  });
});

describe('sscp demo --out', () => {
  it('refuses a file as the folder, and a folder it may not create, in plain words', async () => {
    const r = await sscp('demo', '--out', passFile);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `sscp: ${passFile} is a file, not a folder.\nGive --out a new folder, or an empty one: the demo never overwrites files.\n`,
    );
    expect(readFileSync(passFile, 'utf8')).toBe('correct horse battery staple\n');
    if (process.platform !== 'linux') return;
    const denied = await sscp('demo', '--out', '/sys/sscp-demo-test');
    expect(denied.code).toBe(2);
    expect(denied.err).toContain('sscp: You do not have permission to write the demo folder to /sys/sscp-demo-test.');
  });
});

import { copyFileSync, createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../main/services/workspace';
import type { TestSigner } from '../pack/fixtures';
import { buildSmallPack, cli, doctorPack, makeSigner, makeTempDir, snapshot } from './helpers';

/**
 * Every unusable input: a clear message on stderr, exit 2, and the database and evidence
 * folder exactly as before (row counts of every table an import touches, and the files).
 */
describe('sscp import refuses unusable input with exit 2 and writes nothing', () => {
  const tmp = makeTempDir('import-bad');
  let signer: TestSigner;
  let pack: string;
  let dbPath: string;
  beforeAll(async () => {
    signer = await makeSigner(false);
    pack = await buildSmallPack(tmp.dir, signer, 'pack.pdf');
    dbPath = join(tmp.dir, 'db.sscp');
    // A database with something in it, so "unchanged" is not trivially empty.
    const ws = openWorkspace(dbPath);
    ws.createAssessment({ organisation: 'Existing Ltd', role: 'reseller' });
    ws.close();
    expect(
      (
        await cli(
          'import',
          await buildSmallPack(tmp.dir, signer, 'other.pdf', 'customer'),
          '--db',
          dbPath,
          '--fingerprint',
          signer.fingerprint,
        )
      ).code,
    ).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  async function expectRefused(file: string, message: RegExp | string, ...extra: string[]): Promise<void> {
    const before = snapshot(dbPath);
    const r = await cli('import', file, '--db', dbPath, ...extra);
    expect(r.code, r.stderr).toBe(2);
    if (typeof message === 'string') expect(r.stderr).toContain(message);
    else expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(snapshot(dbPath)).toEqual(before);
  }

  it('a file that is neither a PDF nor a .docx', async () => {
    const file = join(tmp.dir, 'notes.pdf');
    writeFileSync(file, 'These are my notes, saved with the wrong extension.\n');
    await expectRefused(
      file,
      `${file} is neither an evidence pack (PDF), the official Word form (.docx), nor a contribution (.sscp-contribution).`,
    );
  });

  it('a PDF that is not an evidence pack', async () => {
    const file = join(tmp.dir, 'letter.pdf');
    const doc = new PDFDocument({ pdfVersion: '1.7' });
    const out = createWriteStream(file);
    doc.pipe(out);
    doc.text('Dear customer, please find our evidence attached.');
    doc.end();
    await finished(out);
    await expectRefused(file, 'letter.pdf is a PDF but not an SSCP evidence pack');
  });

  it('a truncated pack', async () => {
    const file = join(tmp.dir, 'truncated.pdf');
    const bytes = readFileSync(pack);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expectRefused(file, /truncated\.pdf is damaged or incomplete, so it cannot be read as an evidence pack/);
  });

  it.each([
    ['a relative path', '../../x'],
    ['an absolute path', '/etc/passwd'],
  ])('an attachment named with %s', async (_label, evil) => {
    const file = join(tmp.dir, `evil-${evil.length}.pdf`);
    await doctorPack(pack, file, {
      rename: (name) => (name === 'policy.pdf' ? evil : name),
      manifest: (m) => ({ ...m, files: m.files.map((f) => (f.name === 'policy.pdf' ? { ...f, name: evil } : f)) }),
    });
    await expectRefused(file, `names an attachment "${evil}", which is not a safe file name`);
  });

  it('an attachment larger than its manifest says (stored as is)', async () => {
    const file = join(tmp.dir, 'larger-raw.pdf');
    await doctorPack(pack, file, {
      manifest: (m) => ({ ...m, files: m.files.map((f) => (f.name === 'policy.pdf' ? { ...f, size: f.size - 100 } : f)) }),
    });
    // assessment.json still says the true size, so the pack contradicts itself.
    await expectRefused(file, /larger-raw\.pdf is inconsistent: its manifest and its assessment data disagree about evidence file 1/);
  });

  it('an attachment larger than its manifest says (compressed, so only inflating shows it)', async () => {
    const file = join(tmp.dir, 'larger-deflated.pdf');
    const shrink = <T extends { fileName?: string; name?: string; size: number }>(f: T, key: 'fileName' | 'name'): T =>
      f[key] === 'build-log.txt' ? { ...f, size: f.size - 100 } : f;
    await doctorPack(pack, file, {
      manifest: (m) => ({ ...m, files: m.files.map((f) => shrink(f, 'name')) }),
      assessment: (a) => {
        const d = a.detail as { evidence: { fileName: string; size: number }[] };
        return { ...a, detail: { ...d, evidence: d.evidence.map((e) => shrink(e, 'fileName')) } };
      },
    });
    // Decoding stops at the 800 bytes it may have: a few kilobytes must not inflate to terabytes.
    await expectRefused(
      file,
      'larger-deflated.pdf does not match its own manifest: "build-log.txt" is wrong (it has more than 800 bytes, not 800).',
    );
  });

  it('a manifest listing a file that is not in the pack', async () => {
    const file = join(tmp.dir, 'missing.pdf');
    await doctorPack(pack, file, { rename: (name) => (name === 'build-log.txt' ? null : name) });
    await expectRefused(file, 'missing.pdf lists "build-log.txt" in its manifest, but the file is not in the pack.');
  });

  it('an empty file', async () => {
    const file = join(tmp.dir, 'empty.pdf');
    writeFileSync(file, '');
    await expectRefused(file, `${file} is empty.`);
  });

  // Tests run as root, for whom chmod 000 does not stop a read; a folder and a missing path
  // are the unreadable inputs root still meets.
  it('an unreadable path: a folder, and a file that does not exist', async () => {
    const folder = join(tmp.dir, 'a-folder.pdf');
    mkdirSync(folder);
    await expectRefused(folder, `${folder} is a folder, not a file.`);
    await expectRefused(join(tmp.dir, 'nowhere.pdf'), `There is no file at ${join(tmp.dir, 'nowhere.pdf')}.`);
  });

  it('a pack imported before', async () => {
    const again = join(tmp.dir, 'other-again.pdf');
    copyFileSync(join(tmp.dir, 'other.pdf'), again);
    await expectRefused(
      again,
      /This pack was already imported on \d{4}-\d{2}-\d{2} as assessment [0-9a-f-]{36}\./,
      '--fingerprint',
      signer.fingerprint,
    );
  });

  it('a pack whose signature fails is refused with exit 1 and the verification shown; nothing written', async () => {
    const before = snapshot(dbPath);
    const r = await cli('import', pack, '--db', dbPath, '--fingerprint', 'cd'.repeat(32), '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as {
      imported: boolean;
      assessmentId: string | null;
      verification: { valid: boolean; problems: string[] };
    };
    expect(json).toMatchObject({ imported: false, assessmentId: null, verification: { valid: false } });
    expect(json.verification.problems.join(' ')).toMatch(/not who you expected/);
    expect(snapshot(dbPath)).toEqual(before);
  });

  it('imports a good pack with exit 0, printing the verification then the new assessment', async () => {
    const r = await cli('import', pack, '--db', dbPath, '--fingerprint', signer.fingerprint);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Verification: Valid: signed by Zoë Okafor, whom you trust/);
    const id = /Imported as assessment ([0-9a-f-]{36}) \(signed, read-only\)/.exec(r.stdout)?.[1];
    expect(id).toBeDefined();
    const show = await cli('show', id!, '--db', dbPath, '--json');
    expect(JSON.parse(show.stdout)).toMatchObject({ assessment: { id, state: 'signed', origin: 'imported-pack' } });
  });
});

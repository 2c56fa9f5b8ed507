import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceDirFor } from '../../../main/evidence/index';
import { discardPreparedImport, importPack, PackVerificationFailed, preparePackImport } from '../../../main/import/pack-import';
import { openEmbeddedFileIndex } from '../../../main/pack/read-embedded';
import { openWorkspace } from '../../../main/services/workspace';
import type { TestSigner } from '../pack/fixtures';
import { caught } from '../services/workspace-fixture';
import { buildSmallPack, cli, makeSigner, makeTempDir, smallEvidence, snapshot } from './helpers';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every file under a folder (relative paths), or null when the folder does not exist. */
function filesUnder(dir: string): string[] | null {
  if (!existsSync(dir)) return null;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('an import reads the pack once, writing its evidence out as it is checked', () => {
  const tmp = makeTempDir('one-pass-import');
  let signer: TestSigner;
  let good: string;
  let tampered: string;
  const evidence = smallEvidence();
  const shaOf = (name: string) => sha(evidence.find((e) => e.fileName === name)!.content);
  const trusted = () => ({ fingerprint: signer.fingerprint });

  beforeAll(async () => {
    signer = await makeSigner(false);
    good = await buildSmallPack(tmp.dir, signer, 'good.pdf');
    // One byte of policy.pdf (stored as it is) changed inside the pack: its bytes no longer
    // match the manifest, and the signature no longer holds.
    const index = await openEmbeddedFileIndex(good);
    const policy = index.files.find((f) => f.name === 'policy.pdf')!;
    await index.close();
    expect(policy.deflated).toBe(false);
    const bytes = readFileSync(good);
    bytes[policy.start + 100] = bytes[policy.start + 100]! ^ 0xff;
    tampered = join(tmp.dir, 'tampered.pdf');
    writeFileSync(tampered, bytes);
  });
  afterAll(() => tmp.cleanup());

  it('keeps only the files whose bytes match the manifest, and a refused pack leaves nothing behind', async () => {
    const dbPath = join(tmp.dir, 'new.sscp');
    const evidenceDir = evidenceDirFor(dbPath);
    const prepared = await preparePackImport(tampered, trusted(), { stageInto: evidenceDir });
    expect(prepared.preview.verification.valid).toBe(false);
    // Written while the pack was read: the two intact files, synced and waiting; the tampered
    // one was deleted as soon as its hash was known.
    const staged = await prepared.staged!.files();
    expect([...staged.keys()].sort()).toEqual([shaOf('build-log.txt'), shaOf('pen-test.pdf')].sort());
    for (const [hash, file] of staged) expect(sha(readFileSync(file.tempPath))).toBe(hash);
    expect(filesUnder(evidenceDir)?.every((f) => f.startsWith('tmp/'))).toBe(true);
    expect(filesUnder(evidenceDir)).toHaveLength(2);

    // Refused: what was written goes, with the folders the import made; no database either.
    await discardPreparedImport(prepared);
    expect(existsSync(evidenceDir)).toBe(false);
    expect(existsSync(dbPath)).toBe(false);
  });

  it('stores nothing from a tampered pack into an existing database, and records nothing', async () => {
    const dbPath = join(tmp.dir, 'existing.sscp');
    const ws = openWorkspace(dbPath);
    try {
      const before = snapshot(dbPath);
      const e = await caught(() => importPack(ws, tampered, trusted()));
      expect(e).toBeInstanceOf(PackVerificationFailed);
      expect(snapshot(dbPath)).toEqual(before);
      expect(filesUnder(ws.evidenceDir)).toEqual([]);
    } finally {
      ws.close();
    }
  });

  it('stores every file of a sound pack from what the one read wrote out', async () => {
    const dbPath = join(tmp.dir, 'sound.sscp');
    const ws = openWorkspace(dbPath);
    try {
      const result = await importPack(ws, good, trusted());
      expect(result.evidence).toEqual({ stored: 3, alreadyHeld: 0, withheld: 0 });
      for (const e of evidence) expect(readFileSync(ws.evidenceBlobPath(sha(e.content)))).toEqual(e.content);
      expect(readdirSync(join(ws.evidenceDir, 'tmp'))).toEqual([]);
      expect(result.preview.file.sha256).toBe(sha(readFileSync(good)));
    } finally {
      ws.close();
    }
  });

  it('sscp import of a tampered pack into a new database creates neither the database nor its evidence folder', async () => {
    const dbPath = join(tmp.dir, 'cli-new.sscp');
    const run = await cli('import', tampered, '--db', dbPath, '--fingerprint', signer.fingerprint);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Not imported: the pack failed verification/);
    expect(existsSync(dbPath)).toBe(false);
    expect(existsSync(evidenceDirFor(dbPath))).toBe(false);

    const ok = await cli('import', good, '--db', dbPath, '--fingerprint', signer.fingerprint);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Evidence: 3 files stored, 0 already held/);
    expect(filesUnder(evidenceDirFor(dbPath))?.filter((f) => !f.startsWith('tmp/'))).toHaveLength(3);
  });
});

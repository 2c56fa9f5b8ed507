import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobStore, hashFile, verifyEvidence } from '../../../main/evidence/index';
import type { EvidenceItem } from '../../../shared/domain/types';
import { makeTempDir } from './temp-dir';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir('sscp-blobs-')));
afterEach(() => cleanup());

const sha = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');

function item(sha256: string, fileName: string): EvidenceItem {
  return {
    id: fileName,
    sha256,
    fileName,
    size: 1,
    mediaType: 'text/plain',
    description: '',
    effectiveDate: null,
    expiryDate: null,
    confidential: false,
    withholdDetails: false,
    kind: 'file',
    owner: '',
    present: true,
    addedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** A pid that certainly belongs to no running process: a child that has exited and been reaped. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

describe('BlobStore', () => {
  it('ingests by streaming, names the blob by its hash, and leaves tmp/ empty', async () => {
    const store = new BlobStore(join(dir, 'db.sscp.evidence'));
    const src = join(dir, 'src.bin');
    const content = Buffer.alloc(2_500_000, 3);
    writeFileSync(src, content);
    const blob = await store.ingest(src);
    expect(blob).toEqual({ sha256: sha(content), size: content.length });
    expect(await hashFile(store.blobPath(blob.sha256))).toEqual(blob);
    expect(readdirSync(store.tmpDir)).toEqual([]);
    expect(store.listBlobs()).toEqual({ blobs: [blob.sha256], strays: [] });
  });

  it('ingests an empty file', async () => {
    const store = new BlobStore(join(dir, 'ev'));
    const src = join(dir, 'empty');
    writeFileSync(src, '');
    expect(await store.ingest(src)).toEqual({ sha256: sha(''), size: 0 });
  });

  it('replaces a damaged blob of the wrong size when the same bytes come in again', async () => {
    const store = new BlobStore(join(dir, 'ev'));
    const src = join(dir, 'src.txt');
    writeFileSync(src, 'the real bytes');
    const { sha256 } = await store.ingest(src);
    writeFileSync(store.blobPath(sha256), 'short');
    await store.ingest(src);
    expect((await hashFile(store.blobPath(sha256))).sha256).toBe(sha256);
  });

  it('removes temp files of processes that are gone, keeps those of live ones', () => {
    const root = join(dir, 'ev');
    mkdirSync(join(root, 'tmp'), { recursive: true });
    const dead = `${deadPid()}-aaaa.part`;
    const live = `${process.ppid}-bbbb.part`;
    writeFileSync(join(root, 'tmp', dead), 'half');
    writeFileSync(join(root, 'tmp', live), 'in progress elsewhere');
    writeFileSync(join(root, 'tmp', 'junk'), 'x');
    const store = new BlobStore(root);
    expect(readdirSync(store.tmpDir)).toEqual([live]);
  });

  it('refuses something that is not a SHA-256 as a blob name', () => {
    const store = new BlobStore(join(dir, 'ev'));
    expect(() => store.blobPath('../../etc/passwd')).toThrow(/not a SHA-256/);
  });

  it('verifyEvidence re-hashes referenced blobs and lists unreferenced ones for information', async () => {
    const store = new BlobStore(join(dir, 'ev'));
    const write = async (name: string, content: string) => {
      writeFileSync(join(dir, name), content);
      return (await store.ingest(join(dir, name))).sha256;
    };
    const good = await write('good.txt', 'good');
    const orphan = await write('orphan.txt', 'orphan');
    const missing = sha('never stored');
    const report = await verifyEvidence(
      [item(good, 'good.txt'), item(missing, 'gone.pdf'), { ...item(sha('hash only'), 'withheld.pdf'), present: false }],
      store,
    );
    expect(report).toEqual({
      ok: false,
      checked: 2,
      missing: [{ sha256: missing, fileNames: ['gone.pdf'] }],
      mismatched: [],
      unreferenced: [orphan],
      strays: [],
    });
    expect(existsSync(store.blobPath(orphan))).toBe(true);
  });
});

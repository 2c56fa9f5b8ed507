import { appendFileSync, openSync, closeSync, readdirSync, renameSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobStore } from '../../../main/evidence/index';
import { openWorkspace } from '../../../main/services/workspace';
import { makeTempDir } from './temp-dir';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir('sscp-torn-')));
afterEach(() => cleanup());

const SIZE = 3 * 1024 * 1024;

/** A source file last modified a day ago, so any write now moves its modification time. */
function source(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.alloc(SIZE, 7));
  const yesterday = new Date(Date.now() - 86_400_000);
  utimesSync(path, yesterday, yesterday);
  return path;
}

/**
 * The seam: the copy reports progress after each chunk it has read, and the test changes the
 * file right then, after the first chunk and before the rest: deterministic, no sleeps.
 */
function changeOnFirstChunk(change: () => void): { onProgress: () => void } {
  let done = false;
  return {
    onProgress: () => {
      if (done) return;
      done = true;
      change();
    },
  };
}

const CHANGED = { kind: 'conflict', message: expect.stringContaining('changed while it was being copied in, so it was not added') };

describe('evidence that changes while it is copied in is refused, not stored torn', () => {
  it.each([
    ['appended to (a download still arriving)', (p: string) => appendFileSync(p, 'the new tail\n')],
    [
      'overwritten in place at the same size',
      (p: string) => {
        const fd = openSync(p, 'r+');
        writeSync(fd, Buffer.alloc(1024, 9), 0, 1024, SIZE - 1024);
        closeSync(fd);
      },
    ],
    [
      'replaced by another file under the same name',
      (p: string) => {
        writeFileSync(`${p}.new`, Buffer.alloc(SIZE, 7));
        utimesSync(`${p}.new`, new Date(Date.now() - 86_400_000), new Date(Date.now() - 86_400_000));
        renameSync(`${p}.new`, p);
      },
    ],
  ])('the blob store refuses a file %s', async (_what, change) => {
    const store = new BlobStore(join(dir, 'db.sscp.evidence'));
    const src = source('policy.pdf');
    await expect(
      store.ingest(
        src,
        changeOnFirstChunk(() => change(src)),
      ),
    ).rejects.toMatchObject(CHANGED);
    expect(store.listBlobs()).toEqual({ blobs: [], strays: [] });
    expect(readdirSync(store.tmpDir)).toEqual([]);
  });

  it('attach records nothing for a file that grew while copied, and takes it once it is still', async () => {
    const ws = openWorkspace(join(dir, 'a.sscp'));
    try {
      const a = ws.createAssessment({ organisation: 'Acme', role: 'reseller' });
      const src = source('build-log.txt');
      await expect(
        ws.attachEvidence(
          a.id,
          '1.1.1',
          src,
          {},
          changeOnFirstChunk(() => appendFileSync(src, 'more log\n')),
        ),
      ).rejects.toMatchObject(CHANGED);
      expect(ws.getAssessment(a.id).evidence).toEqual([]);
      expect(ws.auditEntries(a.id).map((e) => e.action)).toEqual(['assessment.created']);
      const item = await ws.attachEvidence(a.id, '1.1.1', src);
      expect(item.size).toBe(SIZE + 'more log\n'.length);
    } finally {
      ws.close();
    }
  });
});

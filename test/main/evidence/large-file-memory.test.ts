import { closeSync, openSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../../main/services/workspace';
import { makeTempDir } from './temp-dir';

/**
 * Just over 2 GiB: past what fs.readFile can return in one Buffer and past every 32-bit
 * signed size or offset, so a copy that held the file in memory, or counted its bytes in an
 * int32, fails here as surely as with a bigger file, and a pass over it costs a third less
 * than the 3 GiB this used to be. Peak RSS is bounded at 200 MB: a tenth of the file.
 */
const SIZE = 2 * 1024 ** 3 + 1024 ** 2;
// SHA-256 of SIZE zero bytes, computed apart from our code: head -c 2148532224 /dev/zero | openssl dgst -sha256
const ZEROS_SHA256 = 'f9c8466cdac8f598a9dbbe999b62b47c2745c7b7368cd6bfcee1b636368a9071';

let dir: string;
let cleanup: () => void;
let ws: Workspace;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir('sscp-large-'));
  ws = openWorkspace(join(dir, 'large.sscp'));
});
afterEach(() => {
  ws.close();
  cleanup();
});

describe('attaching a several-GiB file', () => {
  it('keeps memory flat: RSS grows by far less than the file size', async () => {
    const src = join(dir, 'disk-image.bin');
    const fd = openSync(src, 'w');
    ftruncateSync(fd, SIZE); // sparse: instant, and reads back as zeros
    closeSync(fd);
    const a = ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });

    const before = process.memoryUsage().rss;
    let peak = before;
    // Sampled between stream chunks: the pipeline yields to the event loop after each one.
    const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
    const sampler = setInterval(sample, 20);
    try {
      const item = await ws.attachEvidence(a.id, '2.1.1', src, {}, { onProgress: sample });
      expect(item.size).toBe(SIZE);
      expect(item.sha256).toBe(ZEROS_SHA256);
      expect(peak - before).toBeLessThan(200 * 1024 * 1024);

      // Verifying re-hashes the stored copy, streaming too.
      const report = await ws.checkIntegrity();
      expect(report.ok).toBe(true);
      expect(report.evidence.checked).toBe(1);
      expect(peak - before).toBeLessThan(200 * 1024 * 1024);
    } finally {
      clearInterval(sampler);
    }
  }, 600_000); // Gigabytes through a shared disk: time to finish on a loaded machine, nothing asserted on it.
});

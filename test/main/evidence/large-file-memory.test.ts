import { closeSync, openSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../../main/services/workspace';
import { makeTempDir } from './temp-dir';

// SHA-256 of 3 GiB of zero bytes (computed once with a separate script).
const ZEROS_3GIB_SHA256 = '305b66a59d15b252092fbda9d09711230c429f351897cbd430e7b55a35fd3b97';
const SIZE = 3 * 1024 ** 3;

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
      expect(item.sha256).toBe(ZEROS_3GIB_SHA256);
      expect(peak - before).toBeLessThan(200 * 1024 * 1024);

      // Verifying re-hashes the stored copy, streaming too.
      const report = await ws.checkIntegrity();
      expect(report.ok).toBe(true);
      expect(report.evidence.checked).toBe(1);
      expect(peak - before).toBeLessThan(200 * 1024 * 1024);
    } finally {
      clearInterval(sampler);
    }
  });
});

import { createHash, randomFillSync } from 'node:crypto';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchFile } from './bench-assessment';

const MIB = 1024 * 1024;

/**
 * Writes `totalBytes` of evidence: incompressible random binaries (the largest half the
 * total, the rest in three more files) plus about 1 % of text logs, hashing as it writes.
 */
export async function generateEvidence(dir: string, totalBytes: number): Promise<BenchFile[]> {
  const textBytes = Math.max(MIB, Math.floor(totalBytes * 0.01));
  const binary = totalBytes - textBytes;
  const sizes = [Math.floor(binary / 2), Math.floor(binary / 6), Math.floor(binary / 6)];
  sizes.push(binary - sizes.reduce((a, b) => a + b, 0));
  const block = randomFillSync(Buffer.alloc(8 * MIB));
  const files: BenchFile[] = [];
  let counter = 0;
  for (const [i, size] of sizes.entries()) {
    files.push(
      await writeFile(join(dir, `build-artifact-${i + 1}.bin`), size, 'application/octet-stream', () => {
        // Vary each block so no two are alike: still random, never compressible.
        block.writeBigUInt64LE(BigInt(counter++), 0);
        return block;
      }),
    );
  }
  const line = Buffer.from('2026-11-22T10:00:00Z build=4711 step=sign artefact=widget-agent status=ok duration_ms=1234\n');
  const text = Buffer.concat(Array.from({ length: Math.ceil(MIB / line.length) }, () => line)).subarray(0, MIB);
  files.push(await writeFile(join(dir, 'build-log.txt'), textBytes, 'text/plain', () => text));
  return files;
}

async function writeFile(path: string, size: number, mediaType: string, nextBlock: () => Buffer): Promise<BenchFile> {
  const handle = await open(path, 'w');
  const hash = createHash('sha256');
  try {
    for (let written = 0; written < size; ) {
      const block = nextBlock();
      const n = Math.min(block.length, size - written);
      const chunk = block.subarray(0, n);
      hash.update(chunk);
      await handle.write(chunk, 0, n, written);
      written += n;
    }
  } finally {
    await handle.close();
  }
  return { fileName: path.split('/').pop()!, path, size, sha256: hash.digest('hex'), mediaType };
}

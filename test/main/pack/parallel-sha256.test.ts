import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../helpers/sha256';
import { makeTempDir } from '../evidence/temp-dir';
import { ParallelSha256, SLOT_BYTES } from '../../../main/pack/parallel-sha256';

const temp = makeTempDir('sscp-ring-');
const dir = temp.dir;
afterAll(temp.cleanup);

/** Copies `chunk` into slots and has the thread write it at `position` (and hash it into `id`), as the pack's appender does. */
async function writeThrough(ring: ParallelSha256, chunk: Uint8Array, position: number, id: number | null = 0): Promise<void> {
  for (let done = 0; done < chunk.length;) {
    const slot = await ring.acquire();
    const n = Math.min(SLOT_BYTES, chunk.length - done);
    slot.view.set(chunk.subarray(done, done + n));
    ring.commit(slot, 0, n, id, position + done);
    done += n;
  }
}

describe('the hashing thread', () => {
  it('hashes pieces in the order given, through slots and copies, across far more bytes than the ring holds', async () => {
    const ring = new ParallelSha256();
    try {
      const a = randomBytes(SLOT_BYTES * 40 + 17);
      const b = randomBytes(3 * SLOT_BYTES - 5);
      await ring.update(a);
      // A piece read straight into a slot, committed from an offset within it.
      const slot = await ring.acquire();
      slot.view.set(b.subarray(0, 1000), 10);
      ring.commit(slot, 10, 1000);
      const branch = ring.copy();
      await ring.update(b.subarray(1000));
      await ring.update(b, branch);
      expect((await ring.digest()).toString('hex')).toBe(sha256Hex(a, b));
      expect((await ring.digest(branch)).toString('hex')).toBe(sha256Hex(a, b.subarray(0, 1000), b));
    } finally {
      await ring.close();
    }
  });

  it('writes each piece at its position, whichever thread writes it, and hashes what it is asked to', async () => {
    const path = join(dir, 'written.bin');
    writeFileSync(path, '');
    const fd = openSync(path, 'r+');
    const ring = new ParallelSha256({ writeFd: fd });
    try {
      const data = randomBytes(SLOT_BYTES * 70 + 123);
      const hashed = SLOT_BYTES * 36;
      // The tail first, written and not hashed: positions, not the order of commands, place bytes.
      await writeThrough(ring, data.subarray(hashed), hashed, null);
      // One slot the caller writes itself (as the pack does when the thread is behind): only hashed there.
      const slot = await ring.acquire();
      slot.view.set(data.subarray(0, SLOT_BYTES));
      writeSync(fd, slot.view, 0, SLOT_BYTES, 0);
      ring.commitWritten(slot, SLOT_BYTES);
      await writeThrough(ring, data.subarray(SLOT_BYTES, hashed), SLOT_BYTES);
      await ring.drain();
      expect(readFileSync(path).equals(data)).toBe(true);
      expect((await ring.digest()).toString('hex')).toBe(sha256Hex(data.subarray(0, hashed)));
    } finally {
      await ring.close();
      closeSync(fd);
    }
  });

  it('fails every later call with the write error, its code kept for the caller to word', async () => {
    const path = join(dir, 'read-only.bin');
    writeFileSync(path, 'x');
    const fd = openSync(path, 'r');
    const ring = new ParallelSha256({ writeFd: fd });
    try {
      await writeThrough(ring, randomBytes(4096), 0);
      const failure = await ring.digest().then(
        () => null,
        (e: NodeJS.ErrnoException) => e,
      );
      expect(failure?.code).toBe('EBADF');
      await expect(ring.acquire()).rejects.toMatchObject({ code: 'EBADF' });
      expect(readFileSync(path, 'utf8')).toBe('x');
    } finally {
      await ring.close();
      closeSync(fd);
    }
  });
});

import { closeSync, copyFileSync, openSync, writeSync, writeFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listTarEntries } from '../../../main/contribution/tar';
import type * as RegularFile from '../../../main/fs/regular-file';
import { isSscpError } from '../../../shared/errors';
import { contribute, makeContributor, makeTempDir, type Contributor } from './helpers';

/**
 * The attacker's moment: after the import has read the file `swapAfter` times, contribution.json
 * is rewritten in place (same file, same length, new words). Counted on every read of the open
 * handle, so the schedule covers every moment, whatever order the reader reads in.
 */
const swap = vi.hoisted(() => ({ swapAfter: 0, reads: 0, swapped: false, apply: () => {} }));

vi.mock('../../../main/fs/regular-file', async (importOriginal) => {
  const real = await importOriginal<typeof RegularFile>();
  const watch = (handle: FileHandle): FileHandle =>
    new Proxy(handle, {
      get(target, prop, receiver) {
        if (prop !== 'read') return Reflect.get(target, prop, receiver) as unknown;
        return async (...args: Parameters<FileHandle['read']>) => {
          const result = await target.read(...args);
          swap.reads += 1;
          if (swap.reads === swap.swapAfter && !swap.swapped) {
            swap.swapped = true;
            swap.apply();
          }
          return result;
        };
      },
    });
  return {
    ...real,
    openRegularFile: async (...args: Parameters<typeof real.openRegularFile>) => {
      const opened = await real.openRegularFile(...args);
      return { ...opened, handle: watch(opened.handle) };
    },
  };
});

const { prepareContributionImport } = await import('../../../main/contribution/read-contribution');

describe('a contribution changed in place while it is imported', () => {
  const tmp = makeTempDir('contrib-read-once');
  const good = join(tmp.dir, 'good.sscp-contribution');
  let owner: Contributor;
  let at = 0;
  let swapped: Buffer;
  beforeAll(async () => {
    owner = await makeContributor('Tom Toctou');
    const ev = join(tmp.dir, 'ev.txt');
    writeFileSync(ev, 'evidence '.repeat(20_000));
    await contribute(owner, good, [{ claimId: '1.2.1', result: 'met', evidenceText: 'reviewed by the team', files: [ev] }]);
    const h = await open(good, 'r');
    try {
      const entry = (await listTarEntries(h, (await h.stat()).size, { maxEntries: 10 })).find((e) => e.name === 'contribution.json')!;
      const original = Buffer.alloc(entry.size);
      await h.read(original, 0, entry.size, entry.offset);
      at = entry.offset;
      // Same length, valid JSON, different words: only the signed hash tells them apart.
      swapped = Buffer.from(original.toString('utf8').replaceAll('reviewed by the team', 'NOT REVIEWED AT ALL!'), 'utf8');
      expect(swapped.length).toBe(original.length);
      expect(swapped.equals(original)).toBe(false);
    } finally {
      await h.close();
    }
  });
  afterAll(() => tmp.cleanup());

  it('is refused, or read as exactly what was signed, whichever read it is swapped after', async () => {
    const signed = await prepareContributionImport(good, { fingerprints: [owner.fingerprint] });
    const expected = JSON.stringify(signed.contribution);
    await signed.close();
    expect(expected).toContain('reviewed by the team');

    let outcomes = { refused: 0, signed: 0 };
    for (let k = 1; ; k++) {
      const file = join(tmp.dir, `swap-${k}.sscp-contribution`);
      copyFileSync(good, file);
      Object.assign(swap, {
        swapAfter: k,
        reads: 0,
        swapped: false,
        apply: () => {
          const fd = openSync(file, 'r+');
          try {
            writeSync(fd, swapped, 0, swapped.length, at);
          } finally {
            closeSync(fd);
          }
        },
      });
      let used: string | null = null;
      try {
        const p = await prepareContributionImport(file, { fingerprints: [owner.fingerprint] });
        used = JSON.stringify(p.contribution);
        await p.close();
      } catch (e) {
        if (!isSscpError(e)) throw e;
        expect(e.kind, `swapped after read ${k}: ${e.message}`).toBe('integrity');
      }
      if (used === null) outcomes = { ...outcomes, refused: outcomes.refused + 1 };
      else {
        expect(used, `swapped after read ${k}, the import used words nobody signed`).toBe(expected);
        outcomes = { ...outcomes, signed: outcomes.signed + 1 };
      }
      // Past the last read, the swap never happened: every moment has been tried.
      if (!swap.swapped) break;
    }
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.signed).toBeGreaterThan(0);
  });
});

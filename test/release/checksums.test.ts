import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHECKSUMS_FILE, formatChecksumLine, writeChecksums } from '../../scripts/checksums.mjs';

const run = promisify(execFile);
const SCRIPT = resolve(__dirname, '../../scripts/checksums.mjs');

/** Runs GNU sha256sum -c in `dir`, as a customer would; resolves with its exit code and output. */
async function sha256sumCheck(dir: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('sha256sum', ['-c', CHECKSUMS_FILE], { cwd: dir });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe('scripts/checksums.mjs', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sscp-checksums-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists every release file so that sha256sum -c accepts them, and rejects a changed byte', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 17, 7);
    await writeFile(join(dir, 'SSCP Evidence Pack-0.1.0.AppImage'), big);
    await writeFile(join(dir, 'sscp-evidence-pack_0.1.0_amd64.deb'), 'deb bytes');
    await writeFile(join(dir, 'sbom.cdx.json'), '{"bomFormat":"CycloneDX"}\n');
    await writeFile(join(dir, 'builder-debug.yml'), 'not an artefact');
    await mkdir(join(dir, 'linux-unpacked'));
    await writeFile(join(dir, 'linux-unpacked', 'inner.bin'), 'leftover');

    const result = await writeChecksums(dir);
    expect(result.files.map((f) => f.name)).toEqual([
      'SSCP Evidence Pack-0.1.0.AppImage',
      'sbom.cdx.json',
      'sscp-evidence-pack_0.1.0_amd64.deb',
    ]);
    expect(result.files[0]!.size).toBe(big.length);

    const ok = await sha256sumCheck(dir);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('SSCP Evidence Pack-0.1.0.AppImage: OK');

    big[big.length - 1] = 8;
    await writeFile(join(dir, 'SSCP Evidence Pack-0.1.0.AppImage'), big);
    const bad = await sha256sumCheck(dir);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('SSCP Evidence Pack-0.1.0.AppImage: FAILED');
  });

  it('writes names with a backslash or a newline the way sha256sum reads them back', async () => {
    await writeFile(join(dir, 'a\\b.zip'), 'one');
    await writeFile(join(dir, 'two\nlines.zip'), 'two');
    await writeChecksums(dir);
    const text = await readFile(join(dir, CHECKSUMS_FILE), 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(2);
    expect(formatChecksumLine('ab', 'plain name')).toBe('ab  plain name');
    const check = await sha256sumCheck(dir);
    expect(check.code).toBe(0);
    expect(check.out.match(/: OK/g)).toHaveLength(2);
  });

  it('replaces an earlier SHA256SUMS rather than listing it', async () => {
    await writeFile(join(dir, 'app.exe'), 'v1');
    await writeChecksums(dir);
    await writeFile(join(dir, 'app.exe'), 'v2');
    const again = await writeChecksums(dir);
    expect(again.files.map((f) => f.name)).toEqual(['app.exe']);
    expect((await sha256sumCheck(dir)).code).toBe(0);
  });

  it('says what to do when the folder is missing or empty, and exits 1 from the command line', async () => {
    await expect(writeChecksums(join(dir, 'nope'))).rejects.toThrow(/Build the release first/);
    await expect(writeChecksums(dir)).rejects.toThrow(/no files to list/);
    await expect(run(process.execPath, [SCRIPT, dir])).rejects.toMatchObject({ code: 1 });
  });

  it('runs as a command and prints how customers check a download', async () => {
    await writeFile(join(dir, 'app.dmg'), 'dmg');
    const { stdout } = await run(process.execPath, [SCRIPT, dir]);
    expect(stdout).toContain('1 file(s) listed');
    expect(stdout).toContain('sha256sum -c');
    expect((await sha256sumCheck(dir)).code).toBe(0);
  });
});

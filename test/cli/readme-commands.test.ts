import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/sscp.mjs');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The first ```sh block after `marker` in the README, exactly as a reader would copy it. */
function shBlockAfter(marker: string): string {
  const at = README.indexOf(marker);
  expect(at, `README has "${marker}"`).toBeGreaterThanOrEqual(0);
  const match = /```sh\n([\s\S]*?)```/.exec(README.slice(at));
  expect(match, `a sh block after "${marker}"`).not.toBeNull();
  return match![1]!;
}

/**
 * Runs README commands verbatim in bash (-e: the first failing command fails the test), with
 * `npx sscp` meaning this checkout's bin/sscp.mjs and SSCP_HOME a temp key store.
 */
async function runInBash(script: string, cwd: string, home: string): Promise<{ code: number; out: string; err: string }> {
  const prelude = `set -euo pipefail\nnpx() { if [ "$1" = sscp ]; then shift; node ${JSON.stringify(BIN)} "$@"; else command npx "$@"; fi; }\n`;
  try {
    const { stdout, stderr } = await promisify(execFile)('bash', ['-c', prelude + script], {
      cwd,
      env: { ...process.env, SSCP_HOME: home, SSCP_DEBUG: '' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof x.code === 'number' ? x.code : -1, out: x.stdout ?? '', err: x.stderr ?? '' };
  }
}

describe("the README's command-line walk-through, run verbatim", () => {
  const dir = mkdtempSync(join(tmpdir(), 'sscp-readme-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('year one and year two: a new database signs with the identity from the key store, renewed under the root recipients already have', async () => {
    writeFileSync(join(dir, 'handbook.pdf'), '%PDF-1.4\n% SDL handbook v3\n%%EOF\n');
    writeFileSync(join(dir, 'pentest.pdf'), '%PDF-1.4\n% penetration test report\n%%EOF\n');
    writeFileSync(join(dir, 'pass.txt'), 'correct horse battery staple\n');
    writeFileSync(join(dir, 'backup-pass.txt'), 'a different long backup password\n');
    const r = await runInBash(shBlockAfter("A year's work, step by step"), dir, join(dir, 'home'));
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    expect(r.out).toContain('Withheld file 1 (confidential)');
    expect(r.out).toContain('Wrote a backup of signing identity "ada" and its organisation root key to ada.p12');
    expect(r.out).toContain('Organisation root fingerprint (unchanged)');
    // Both years verify against the one root.pem: the second is signed by a renewed certificate.
    const verified = r.out.match(/VALID: signed by[^\n]*/g) ?? [];
    expect(verified).toHaveLength(2);
    const signers = [...r.out.matchAll(/Signer {7}([0-9a-f]{64})/g)].map((m) => m[1]);
    expect(signers).toHaveLength(2);
    expect(signers[0]).not.toBe(signers[1]);
  }, 600_000);

  it('a contribution round trip: assign, request, contribute without a database, import pending, review, accept', async () => {
    const here = mkdtempSync(join(tmpdir(), 'sscp-readme-contrib-'));
    try {
      writeFileSync(join(here, 'pass.txt'), 'correct horse battery staple\n');
      writeFileSync(join(here, 'sbom.json'), '{"bomFormat":"CycloneDX","components":[]}\n');
      const r = await runInBash(shBlockAfter('Claim owners and CI contribute; the SRO decides.'), here, join(here, 'sro-home'));
      expect(r.code, `${r.out}\n${r.err}`).toBe(0);
      expect(r.out).toContain('Signed contribution written to');
      expect(r.out).toMatch(/Imported as contribution [0-9a-f]{8} into assessment/);
      expect(r.out).toContain('Result:  not-assessed -> met');
      expect(r.out).toContain('1.2.1  accepted from Bob Builder');
      expect(r.out).toMatch(/sbom\.json {2}\(contributed by Bob Builder on \d{4}-\d{2}-\d{2}\)/);
    } finally {
      rmSync(here, { recursive: true, force: true });
    }
  }, 600_000);

  it("restores the backup on a new computer (another key store) with the README's command", async () => {
    const newComputer = join(dir, 'new-computer-home');
    const r = await runInBash(shBlockAfter('On a new computer, restore the backup'), dir, newComputer);
    expect(r.code, `${r.out}\n${r.err}`).toBe(0);
    expect(r.out).toContain('Imported signing identity "ada" (org-issued, p256');
    const listed = await runInBash('npx sscp identity list --json', dir, newComputer);
    const [identity] = (JSON.parse(listed.out) as { identities: { renewable: boolean; rootFingerprint: string }[] }).identities;
    expect(identity).toMatchObject({ renewable: true });
    const root = await runInBash('openssl x509 -in root.pem -noout -fingerprint -sha256', dir, newComputer);
    expect(root.out.split('=')[1]!.trim().replaceAll(':', '').toLowerCase()).toBe(identity!.rootFingerprint);
  }, 300_000);
});

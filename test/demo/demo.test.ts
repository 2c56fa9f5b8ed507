import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_CATALOG, listClaims } from '../../shared/catalog/index';
import { runCli } from '../../main/cli/run';
import { shellWord } from '../../main/cli/io';
import { DEMO_FILES, type DemoResult } from '../../main/demo/run-demo';
import { verifyPack } from '../../main/pack/verify/verify-pack';
import { cdxProblems } from '../main/attestation/cdx-validate';
import { createHash } from 'node:crypto';
import { openWorkspace } from '../../main/services/workspace';

const BIN = resolve(__dirname, '../../bin/sscp.mjs');

/** Runs the real `sscp` binary in a child process, as a newcomer would. */
async function sscpBin(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...argv], {
      cwd,
      env: { ...process.env, SSCP_DEBUG: '' },
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    if (typeof x.code !== 'number') throw e;
    return { code: x.code, out: x.stdout ?? '', err: x.stderr ?? '' };
  }
}

function tool(command: string, args: readonly string[]): { status: number | null; out: string } {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('sscp demo', () => {
  let base: string;
  let out: string;
  let pack: string;
  let printed: { code: number; out: string; err: string };

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'sscp-demo-'));
    out = join(base, 'demo out');
    printed = await sscpBin(base, 'demo', '--out', out);
    pack = join(out, DEMO_FILES.pack);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('runs, and tells the newcomer what it made and the exact commands to check it', () => {
    expect(printed.err).not.toMatch(/Unexpected error/);
    expect(printed.code).toBe(0);
    const made = readdirSync(out).sort();
    expect(made).toEqual(
      expect.arrayContaining([
        DEMO_FILES.database,
        DEMO_FILES.pack,
        DEMO_FILES.attestation,
        DEMO_FILES.rootCertificate,
        DEMO_FILES.passphrase,
        'sbom.cdx.json',
        'sbom-build.cdx.json',
      ]),
    );
    // The folder has a space in it: the printed commands quote it so they paste as they are.
    expect(printed.out).toContain(
      `npx sscp verify ${shellWord(join('demo out', DEMO_FILES.pack))} --trust ${shellWord(join('demo out', 'root.pem'))}`,
    );
    expect(printed.out).toContain(`pdfsig ${shellWord(join('demo out', DEMO_FILES.pack))}`);
    expect(printed.out).toMatch(/root certificate SHA-256 {2}[0-9a-f]{64}/);
  });

  it('signs with the honest gaps as accepted exceptions, listed in its output and in the pack', () => {
    expect(printed.out).toContain('Signed with 2 accepted exceptions');
    expect(printed.out).toContain('Claim 2.1.2');
    expect(printed.out).toContain('Claim 2.2.1');
    const text = tool('pdftotext', [pack, '-']).out.replace(/\s+/g, ' ');
    expect(text).toContain('Exceptions accepted at signing');
    expect(text).toMatch(/Claim 2\.1\.2 \(Users re-authenticate regularly\) has not been assessed yet/);
  });

  it('writes the demo passphrase readable by its owner only', () => {
    const passphraseFile = join(out, DEMO_FILES.passphrase);
    expect(statSync(passphraseFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(passphraseFile, 'utf8')).toMatch(/^[A-Za-z0-9_-]{32}\n$/);
  });

  it('makes a pack that verifyPack finds valid and trusted against the demo root, and not trusted without it', async () => {
    const rootPem = readFileSync(join(out, DEMO_FILES.rootCertificate), 'utf8');
    const trusted = await verifyPack(pack, { rootsPem: [rootPem] });
    expect(trusted.problems).toEqual([]);
    expect(trusted.valid).toBe(true);
    expect(trusted.trusted).toBe(true);
    expect(trusted.profile).toBe('certification');
    expect(trusted.files.length).toBeGreaterThanOrEqual(15);
    expect(trusted.files.every((f) => f.status === 'ok')).toBe(true);
    const untrusted = await verifyPack(pack);
    expect(untrusted.valid).toBe(true);
    expect(untrusted.trusted).toBe(false);
  });

  it('writes the signed assessment as a valid CycloneDX 1.6 attestation naming the pack, and the pack embeds one', async () => {
    const text = readFileSync(join(out, DEMO_FILES.attestation), 'utf8');
    expect(await cdxProblems(text)).toBeNull();
    const doc = JSON.parse(text) as {
      declarations: {
        claims: unknown[];
        affirmation: { signatories: { name: string; externalReference: { hashes: { content: string }[] } }[] };
      };
    };
    // 45 claims less the 2 not assessed.
    expect(doc.declarations.claims).toHaveLength(43);
    expect(doc.declarations.affirmation.signatories[0]!.externalReference.hashes[0]!.content).toBe(
      createHash('sha256').update(readFileSync(pack)).digest('hex'),
    );
    expect(printed.out).toContain(DEMO_FILES.attestation);
    const verified = await verifyPack(pack);
    expect(verified.files.find((f) => f.name === 'attestation.cdx.json')?.status).toBe('ok');
    // export-cdx of the demo's database writes exactly the demo's file.
    const again = join(base, 'again.cdx.json');
    const r = await sscpBin(
      base,
      'export-cdx',
      (JSON.parse(text) as { metadata: { properties: { name: string; value: string }[] } }).metadata.properties.find(
        (p) => p.name === 'sscp:assessment-id',
      )!.value,
      '--db',
      join(out, DEMO_FILES.database),
      '--out',
      again,
    );
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(text);
  });

  it('is what the printed verify command accepts (exit 0)', async () => {
    const r = await sscpBin(base, 'verify', pack, '--trust', join(out, DEMO_FILES.rootCertificate));
    expect(r.code).toBe(0);
    expect(r.out).toContain('VALID: signed by');
  });

  it('passes pdfsig: the whole document signed and the signature valid; trusted once the root is in an NSS database', () => {
    const plain = tool('pdfsig', [pack]).out;
    expect(plain).toContain('Signature Validation: Signature is Valid.');
    expect(plain).toContain('Total document signed');
    const nss = join(base, 'nss');
    mkdirSync(nss, { recursive: true });
    expect(tool('certutil', ['-N', '--empty-password', '-d', `sql:${nss}`]).status).toBe(0);
    expect(
      tool('certutil', ['-A', '-n', 'demo-root', '-t', 'C,C,C', '-i', join(out, DEMO_FILES.rootCertificate), '-d', `sql:${nss}`]).status,
    ).toBe(0);
    const withTrust = tool('pdfsig', ['-nssdir', `sql:${nss}`, pack]).out;
    expect(withTrust).toContain('Signature is Valid.');
    expect(withTrust).toContain('Certificate is Trusted.');
  });

  it('leaves a database holding the signed self-assessment, its evidence intact', async () => {
    const ws = openWorkspace(join(out, DEMO_FILES.database), { mustExist: true });
    try {
      const [summary] = ws.listAssessments();
      expect(summary?.assessment).toMatchObject({
        organisation: 'SSCP Evidence Pack project',
        state: 'signed',
        role: 'developer-distributor',
      });
      const detail = ws.getAssessment(summary!.assessment.id);
      expect(detail.responses.map((r) => r.claimId).sort()).toEqual(
        listClaims(CURRENT_CATALOG)
          .map((c) => c.claim.id)
          .sort(),
      );
      expect(detail.responses.filter((r) => r.result === 'not-assessed').map((r) => r.claimId)).toEqual(['2.1.2', '2.2.1']);
      expect(detail.evidence.map((e) => e.fileName)).toEqual(
        expect.arrayContaining(['SECURITY.md', 'threat-model.md', 'sbom.cdx.json', 'package-lock.json']),
      );
      expect(detail.actions.length).toBeGreaterThan(20);
      const report = await ws.checkIntegrity();
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
    } finally {
      ws.close();
    }
  });

  it('refuses a folder that already has files in it, and prints JSON when asked', async () => {
    const busy = join(base, 'busy');
    rmSync(busy, { recursive: true, force: true });
    const outputs: string[] = [];
    const errors: string[] = [];
    const io = {
      stdout: { write: (s: string) => outputs.push(s) },
      stderr: { write: (s: string) => errors.push(s) },
      env: { SSCP_HOME: process.env.SSCP_HOME },
      isTTY: false,
    };
    mkdirSync(busy, { recursive: true });
    writeFileSync(join(busy, 'keep.txt'), 'mine');
    expect(await runCli(['demo', '--out', busy], io)).toBe(2);
    expect(errors.join('')).toContain('is not empty');
    expect(readFileSync(join(busy, 'keep.txt'), 'utf8')).toBe('mine');

    outputs.length = 0;
    expect(await runCli(['demo', '--out', join(base, 'json'), '--json'], io)).toBe(0);
    const result = JSON.parse(outputs.join('')) as DemoResult;
    expect(result.acceptedExceptions).toHaveLength(2);
    expect(result.results).toMatchObject({ 'not-assessed': 2 });
    expect(result.packSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('shellWord', () => {
  it('leaves plain paths alone and single-quotes the rest so a shell reads them back unchanged', () => {
    expect(shellWord('demo/out.pdf')).toBe('demo/out.pdf');
    const awkward = "Zoë's pack (final).pdf";
    const quoted = shellWord(awkward);
    expect(tool('sh', ['-c', `printf %s ${quoted}`]).out).toBe(awkward);
  });
});

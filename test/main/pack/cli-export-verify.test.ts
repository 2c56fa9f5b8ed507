import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportJson } from '../../../main/cli/commands/export';
import { formatVerification } from '../../../main/cli/verify-report';
import type { PackVerification } from '../../../main/pack/verify/types';
import { openWorkspace } from '../../../main/services/workspace';
import { sscp, tempFolder } from '../../cli/run-sscp';
import { UNICODE_ORG } from './fixtures';
import { pdfsig } from './pdf-tools';

/** `sscp export` and `sscp verify` end to end, in-process, over a real database and identity. */
describe('sscp export and sscp verify', () => {
  const { dir, db, cleanup } = tempFolder();
  const passFile = join(dir, 'pass.txt');
  const packPath = join(dir, 'pack.pdf');
  let id = '';
  let exported: ExportJson;
  // The SRO's key store is theirs; the recipient who verifies (the test's own SSCP_HOME) holds no identity.
  const signerHome = join(dir, 'signer-home');
  async function signer(...argv: string[]) {
    const saved = process.env.SSCP_HOME;
    process.env.SSCP_HOME = signerHome;
    try {
      return await sscp(...argv);
    } finally {
      process.env.SSCP_HOME = saved;
    }
  }

  beforeAll(async () => {
    writeFileSync(passFile, 'correct horse battery staple\n');
    id = (
      await sscp(
        'new',
        '--db',
        db,
        '--org',
        UNICODE_ORG,
        '--role',
        'reseller',
        '--sro',
        'Zoë Okafor',
        '--sro-role',
        'CTO',
        '--product',
        'Widget Cloud',
      )
    ).out.trim();
    const created = await signer(
      'identity',
      'create',
      '--db',
      db,
      '--label',
      'sro',
      '--sro',
      'Zoë Okafor',
      '--sro-role',
      'CTO',
      '--org',
      UNICODE_ORG,
      '--with-root',
      '--passphrase-file',
      passFile,
    );
    expect(created.code, created.err).toBe(0);
    const evidence = join(dir, 'disclosure-policy.txt');
    writeFileSync(evidence, 'We publish security.txt and answer within 5 working days.\n');
    expect((await sscp('attach', id, '3.2.1', evidence, '--db', db)).code).toBe(0);
    expect((await sscp('set', id, '3.2.1', '--db', db, '--result', 'met', '--status', 'done')).code).toBe(0);
  });
  afterAll(() => cleanup());

  it('refuses to sign while sign-off checks fail, lists them, and says how to accept', async () => {
    const r = await signer('export', id, '--db', db, '--identity', 'sro', '--out', packPath, '--passphrase-file', passFile);
    expect(r.code).toBe(2);
    expect(r.err).toContain('cannot be signed yet');
    expect(r.err).toMatch(/^- Claim 3\.1\.1/m);
    expect(r.err).toContain('--accept-exceptions');
    expect(() => readFileSync(packPath)).toThrow();
  });

  it('the passphrase never comes from argv: without a file or SSCP_PASSPHRASE it exits 2', async () => {
    const r = await signer('export', id, '--db', db, '--identity', 'sro', '--out', packPath, '--accept-exceptions');
    expect(r.code).toBe(2);
    expect(r.err).toContain('SSCP_PASSPHRASE');
  });

  it('signs with --accept-exceptions, records the pack hash, and freezes the assessment', async () => {
    const r = await signer(
      'export',
      id,
      '--db',
      db,
      '--identity',
      'sro',
      '--out',
      packPath,
      '--passphrase-file',
      passFile,
      '--accept-exceptions',
      '--profile',
      'customer',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    exported = JSON.parse(r.out) as ExportJson;
    expect(exported.sha256).toBe(createHash('sha256').update(readFileSync(packPath)).digest('hex'));
    expect(exported.acceptedExceptions.length).toBeGreaterThan(0);
    expect(exported.profile).toBe('customer');
    expect(pdfsig(packPath)).toContain('Signature is Valid.');

    const ws = openWorkspace(db);
    try {
      expect(ws.getAssessment(id).assessment.state).toBe('signed');
      expect(ws.signedPack(id)?.packSha256).toBe(exported.sha256);
      expect(ws.auditEntries(id).some((e) => e.action === 'assessment.signed' && e.detail.packSha256 === exported.sha256)).toBe(true);
    } finally {
      ws.close();
    }
    const again = await signer(
      'export',
      id,
      '--db',
      db,
      '--identity',
      'sro',
      '--out',
      join(dir, 'again.pdf'),
      '--passphrase-file',
      passFile,
      '--accept-exceptions',
    );
    expect(again.code).toBe(2);
    expect(again.err).toContain('cannot be signed again');
  });

  it('the human report ends with the exact verify command to hand to recipients', async () => {
    const other = (
      await sscp('new', '--db', db, '--org', UNICODE_ORG, '--role', 'reseller', '--sro', 'Zoë Okafor', '--sro-role', 'CTO')
    ).out.trim();
    const out = join(dir, 'second pack.pdf');
    const r = await signer(
      'export',
      other,
      '--db',
      db,
      '--identity',
      'sro',
      '--out',
      out,
      '--passphrase-file',
      passFile,
      '--accept-exceptions',
    );
    expect(r.code, r.err).toBe(0);
    const fingerprint = /Signer\s+([0-9a-f]{64})/.exec(r.out)?.[1];
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(r.out).toContain(`sscp verify '${out}' --fingerprint ${fingerprint}`);
    const check = await sscp('verify', out, '--fingerprint', fingerprint!);
    expect(check.code).toBe(0);
  });

  it('verify: 0 when valid and pinned, with a readable report and --json', async () => {
    const human = await sscp('verify', packPath, '--fingerprint', exported.signerFingerprint);
    expect(human.code).toBe(0);
    expect(human.out).toContain('VALID: signed by Zoë Okafor, whom you trust, and nothing has changed since.');
    expect(human.out).toContain(exported.packId);
    const json = await sscp('verify', packPath, '--fingerprint', exported.signerFingerprint, '--json');
    const v = JSON.parse(json.out) as PackVerification;
    expect(v).toMatchObject({ valid: true, trusted: true, packId: exported.packId, profile: 'customer' });
  });

  it('verify: 3 when intact but nothing establishes who signed, with how to establish it, in text and --json', async () => {
    const untrusted = await sscp('verify', packPath);
    expect(untrusted.code).toBe(3);
    expect(untrusted.out).toContain('NOT TRUSTED: the pack is intact. Nothing establishes who the signer is');
    expect(untrusted.out).toContain('from the organisation by another channel');
    expect(untrusted.out).toContain('--trust ROOT.pem or --fingerprint HEX');
    const json = await sscp('verify', packPath, '--json');
    expect(json.code).toBe(3);
    const v = JSON.parse(json.out) as PackVerification;
    expect(v).toMatchObject({ valid: true, trusted: false, trust: { status: 'unknown', trustedBy: [], ownIdentity: null } });
  });

  it('verify: 0 for a pack signed by one of your own identities (in your key store), with nothing else given', async () => {
    const r = await signer('verify', packPath, '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      valid: true,
      trusted: true,
      trust: { status: 'trusted', trustedBy: ['own-identity'], ownIdentity: 'sro' },
    });
    const human = await signer('verify', packPath);
    expect(human.out).toContain('your own signing identity "sro"');
    // Another person's identities, with the same names, are not yours.
    const other = join(dir, 'other-home');
    const saved = process.env.SSCP_HOME;
    process.env.SSCP_HOME = other;
    try {
      expect(
        (
          await sscp(
            'identity',
            'create',
            '--label',
            'x',
            '--sro',
            'Zoë Okafor',
            '--sro-role',
            'CTO',
            '--org',
            UNICODE_ORG,
            '--passphrase-file',
            passFile,
          )
        ).code,
      ).toBe(0);
      expect((await sscp('verify', packPath)).code).toBe(3);
    } finally {
      process.env.SSCP_HOME = saved;
    }
  });

  it('a signer name with control characters cannot redraw the terminal as VALID', async () => {
    const json = JSON.parse((await sscp('verify', packPath, '--json')).out) as PackVerification;
    const forgedName = 'Zoë\rVALID: signed by Zoë Okafor, whom you trust\u202e';
    const text = formatVerification(packPath, { ...json, signer: json.signer && { ...json.signer, commonName: forgedName } });
    expect(text).not.toMatch(/[\r\u202e]/);
    expect(text).toContain('Zoë\\rVALID');
  });

  it('verify --trust with the exported organisation root', async () => {
    const rootFile = join(dir, 'root.pem');
    const root = await signer('identity', 'export-cert', 'sro', '--root', '--out', rootFile);
    expect(root.code, root.err).toBe(0);
    const r = await sscp('verify', packPath, '--trust', rootFile, '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as PackVerification).trusted).toBe(true);
    // Every anchor given must hold: the right root with a wrong fingerprint is not valid.
    const zeros = await sscp('verify', packPath, '--trust', rootFile, '--fingerprint', '0'.repeat(64), '--json');
    expect(zeros.code).toBe(1);
    const v = JSON.parse(zeros.out) as PackVerification;
    expect(v).toMatchObject({ valid: false, trusted: false, trust: { status: 'mismatch' } });
    expect(v.trust?.checks.map((c) => [c.basis, c.held])).toEqual([
      ['trusted-root', true],
      ['pinned-fingerprint', false],
    ]);
    const both = await sscp('verify', packPath, '--trust', rootFile, '--fingerprint', exported.signerFingerprint);
    expect(both.code).toBe(0);
  });

  it('verify --trust with a root file that is not there says so plainly and exits 2, as import does', async () => {
    const r = await sscp('verify', packPath, '--trust', join(dir, 'no-such-root.pem'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`The trusted root certificate file ${join(dir, 'no-such-root.pem')} cannot be read: it does not exist.`);
    expect(r.err).toContain('Check the path given to --trust');
  });

  it('verify refuses its options before the pack, as it always did, and leaves no descriptor of the pack open', async () => {
    // The pack is opened (and hashing begun) before the options are read: a refusal closes it.
    const openOn = (file: string) =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === realpathSync(file);
        } catch {
          return false;
        }
      }).length;
    const notPdf = join(dir, 'not-a-pack.txt');
    writeFileSync(notPdf, 'hello');
    const noRoot = join(dir, 'no-such-root.pem');
    const first = await sscp('verify', notPdf, '--trust', noRoot);
    expect(first.code).toBe(2);
    expect(first.err).toContain(`The trusted root certificate file ${noRoot} cannot be read`);
    expect(first.err).not.toContain('is not a PDF file');
    const notPem = join(dir, 'not-a-root.pem');
    writeFileSync(notPem, 'not a certificate');
    for (const trust of [noRoot, notPem]) {
      const refused = await sscp('verify', packPath, '--trust', trust);
      expect(refused.code, trust).toBe(2);
      expect(refused.out).toBe('');
      expect(openOn(packPath), trust).toBe(0);
    }
    expect((await sscp('verify', notPdf, '--trust', notPem)).err).not.toContain('is not a PDF file');
  });

  it('verify: 1 when tampered, 2 when not a pack', async () => {
    const bytes = readFileSync(packPath);
    bytes[2000]! ^= 1;
    const tampered = join(dir, 'tampered.pdf');
    writeFileSync(tampered, bytes);
    const bad = await sscp('verify', tampered, '--fingerprint', exported.signerFingerprint);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('INVALID: The content has changed since it was signed');
    const notPdf = join(dir, 'notes.txt');
    writeFileSync(notPdf, 'hello');
    const unreadable = await sscp('verify', notPdf);
    expect(unreadable.code).toBe(2);
    expect(unreadable.err).toContain('is not a PDF file');
  });
});

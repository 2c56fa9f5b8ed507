import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSigner } from '../pack/fixtures';
import { buildPack } from '../../../main/pack/build-pack';
import { makePackInput } from '../pack/fixtures';
import { buildSmallPack, cli, makeSigner, makeTempDir, smallEvidence, snapshot } from './helpers';

const BIN = fileURLToPath(new URL('../../../bin/sscp.mjs', import.meta.url));
const FORM = fileURLToPath(new URL('../../fixtures/form/form-45.docx', import.meta.url));

describe('sscp import', () => {
  const tmp = makeTempDir('import-cli');
  let orgSigner: TestSigner;
  let pack: string;
  beforeAll(async () => {
    orgSigner = await makeSigner(true);
    pack = await buildSmallPack(tmp.dir, orgSigner, 'org-pack.pdf', 'customer');
  });
  afterAll(() => tmp.cleanup());

  it('--trust ROOT.pem trusts a signer issued by that root; --json prints the documented shape', async () => {
    const root = join(tmp.dir, 'root.pem');
    writeFileSync(root, orgSigner.rootPem!);
    const db = join(tmp.dir, 'trust.sscp');
    const r = await cli('import', pack, '--db', db, '--trust', root, '--json');
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      kind: 'pack',
      imported: true,
      profile: 'customer',
      schemaVersion: 1,
      verification: { valid: true, trusted: true, problems: [], signer: { commonName: 'Zoë Okafor', fingerprint: orgSigner.fingerprint } },
      assessment: { claims: 45, evidenceFiles: 3, evidenceWithheld: 1 },
      evidence: { stored: 2, alreadyHeld: 0, withheld: 1 },
      renamed: [],
      cleaned: [],
    });
    expect(json.assessmentId).toMatch(/^[0-9a-f-]{36}$/);
    expect((json.file as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('needs every --trust and --fingerprint given to hold, and reads a missing trust file as an error, before touching the database', async () => {
    const db = join(tmp.dir, 'args.sscp');
    const root = join(tmp.dir, 'root-args.pem');
    writeFileSync(root, orgSigner.rootPem!);
    const both = await cli('import', pack, '--db', db, '--trust', root, '--fingerprint', '0'.repeat(64), '--json');
    expect(both.code).toBe(1);
    expect(JSON.parse(both.stdout)).toMatchObject({
      imported: false,
      signerTrust: 'mismatch',
      verification: { valid: false, trust: { status: 'mismatch' } },
    });
    const missing = await cli('import', pack, '--db', db, '--trust', join(tmp.dir, 'nope.pem'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('The trusted root');
    expect(missing.stderr).toContain('cannot be read: it does not exist.');
    expect(snapshot(db)).toEqual({ counts: {}, files: [] });
  });

  it('recognises the Word form by content, whatever its name, and imports it as a draft', async () => {
    const disguised = join(tmp.dir, 'form-saved-as.pdf.bin');
    copyFileSync(FORM, disguised);
    const db = join(tmp.dir, 'form.sscp');
    const r = await cli('import', disguised, '--db', db, '--org', 'Acme Ltd', '--json');
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { kind: string; assessmentId: string; placed: unknown[] };
    expect(json.kind).toBe('form');
    expect(json.placed).toHaveLength(45);
    const show = await cli('show', json.assessmentId, '--db', db, '--json');
    expect(JSON.parse(show.stdout)).toMatchObject({ assessment: { origin: 'imported-form', state: 'draft', organisation: 'Acme Ltd' } });
  });

  it('runs through the real binary with the documented exit codes', () => {
    const db = join(tmp.dir, 'bin.sscp');
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
    const ok = run('import', pack, '--db', db, '--fingerprint', orgSigner.fingerprint);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Imported as assessment [0-9a-f-]{36} \(signed, read-only\)/);
    const again = run('import', pack, '--db', db, '--fingerprint', orgSigner.fingerprint);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/This pack was already imported on/);
    const text = join(tmp.dir, 'readme.txt');
    writeFileSync(text, 'hello');
    const neither = run('import', text, '--db', db);
    expect(neither.status).toBe(2);
    expect(neither.stderr).toContain(
      `${text} is neither an evidence pack (PDF), the official Word form (.docx), nor a contribution (.sscp-contribution).`,
    );
  });

  let forged = '';

  describe('a pack re-signed by a self-made identity with the same names and another organisation', () => {
    beforeAll(async () => {
      // Anyone can make a certificate saying "Zoë Okafor, Chief Technology Officer"; here the
      // assessment inside also claims a different organisation.
      const forger = await makeSigner(false);
      const input = makePackInput(tmp.dir, forger.signer, { profile: 'certification' }, smallEvidence());
      forged = join(tmp.dir, 'forged.pdf');
      await buildPack(
        { ...input, detail: { ...input.detail, assessment: { ...input.detail.assessment, organisation: 'Victim Holdings plc' } } },
        forged,
      );
    });

    it('is refused without trust: exit 3, how to establish trust, the fingerprint to compare, nothing written', async () => {
      const db = join(tmp.dir, 'forged-refused.sscp');
      const r = await cli('import', forged, '--db', db);
      expect(r.code).toBe(3);
      expect(r.stdout).toContain('Not imported: forged.pdf is intact, but nothing establishes who signed it');
      expect(r.stdout).toMatch(/Fingerprint:\s+[0-9a-f]{64}/);
      expect(r.stderr).toContain('from the organisation by another channel');
      expect(r.stderr).toContain('--allow-untrusted');
      expect(snapshot(db)).toEqual({ counts: {}, files: [] });
      const bin = spawnSync(process.execPath, [BIN, 'import', forged, '--db', db], { encoding: 'utf8' });
      expect(bin.status).toBe(3);
      const json = await cli('import', forged, '--db', db, '--json');
      expect(json.code).toBe(3);
      expect(JSON.parse(json.stdout)).toMatchObject({
        imported: false,
        assessmentId: null,
        signerTrust: 'unknown',
        verification: { valid: true, trusted: false, trust: { status: 'unknown' } },
      });
      // The signer's own organisation root would not vouch for it either: exit 1.
      const root = join(tmp.dir, 'root-forged.pem');
      writeFileSync(root, orgSigner.rootPem!);
      expect((await cli('import', forged, '--db', db, '--trust', root)).code).toBe(1);
    });

    it('with --allow-untrusted it is imported and marked unverified in list, show, diff and carry-forward, text and JSON', async () => {
      const db = join(tmp.dir, 'forged-accepted.sscp');
      const genuine = JSON.parse((await cli('import', pack, '--db', db, '--fingerprint', orgSigner.fingerprint, '--json')).stdout) as {
        assessmentId: string;
        signerTrust: string;
      };
      expect(genuine.signerTrust).toBe('trusted');
      const r = await cli('import', forged, '--db', db, '--allow-untrusted', '--json');
      expect(r.code, r.stderr).toBe(0);
      const imported = JSON.parse(r.stdout) as {
        assessmentId: string;
        signerTrust: string;
        verification: { signer: { fingerprint: string } };
      };
      expect(imported.signerTrust).toBe('unverified');
      const id = imported.assessmentId;
      const fp = imported.verification.signer.fingerprint;
      const human = await cli('import', forged, '--db', join(tmp.dir, 'forged-human.sscp'), '--allow-untrusted');
      expect(human.stdout).toContain('marked as from an UNVERIFIED signer');

      const list = JSON.parse((await cli('list', '--db', db, '--json')).stdout) as {
        assessments: { id: string; organisation: string; unverifiedSigner: unknown }[];
      };
      expect(list.assessments.find((a) => a.id === id)).toMatchObject({
        organisation: 'Victim Holdings plc',
        unverifiedSigner: { importedAssessmentId: id, signerFingerprint: fp },
      });
      expect(list.assessments.find((a) => a.id === genuine.assessmentId)).toMatchObject({ unverifiedSigner: null });
      expect((await cli('list', '--db', db)).stdout).toMatch(new RegExp(`${id}.*\\[UNVERIFIED SIGNER\\]`));

      const show = JSON.parse((await cli('show', id, '--db', db, '--json')).stdout) as { assessment: { unverifiedSigner: unknown } };
      expect(show.assessment.unverifiedSigner).toMatchObject({ importedAssessmentId: id, signerFingerprint: fp });
      expect((await cli('show', id, '--db', db)).stdout).toContain(
        `UNVERIFIED SIGNER: imported from a pack whose signer nothing established (certificate SHA-256 ${fp}).`,
      );

      const diff = JSON.parse((await cli('diff', genuine.assessmentId, id, '--db', db, '--json')).stdout) as {
        from: { unverifiedSigner: unknown };
        to: { unverifiedSigner: unknown };
      };
      expect(diff.from.unverifiedSigner).toBeNull();
      expect(diff.to.unverifiedSigner).toMatchObject({ importedAssessmentId: id });
      expect((await cli('diff', genuine.assessmentId, id, '--db', db)).stdout).toContain(`${id}: UNVERIFIED SIGNER`);

      const carried = await cli('carry-forward', id, '--db', db, '--json');
      expect(carried.code, carried.stderr).toBe(0);
      const next = JSON.parse(carried.stdout) as { assessmentId: string; unverifiedSigner: unknown };
      expect(next.unverifiedSigner).toMatchObject({ importedAssessmentId: id, signerFingerprint: fp });
      const nextShow = JSON.parse((await cli('show', next.assessmentId, '--db', db, '--json')).stdout) as {
        assessment: { unverifiedSigner: unknown };
      };
      expect(nextShow.assessment.unverifiedSigner).toMatchObject({ importedAssessmentId: id });
      const carriedText = await cli('carry-forward', id, '--db', db);
      expect(carriedText.stderr).toContain(`carried forward from ${id}, imported from a pack whose signer nothing established`);
    });
  });
});

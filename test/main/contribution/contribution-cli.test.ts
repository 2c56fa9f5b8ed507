import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as CDX from '@cyclonedx/cyclonedx-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../main/services/workspace';
import { cli } from '../import/helpers';
import {
  bytes,
  contribute,
  doctor,
  makeContributor,
  makeTempDir,
  ORG,
  readEntries,
  snapshot,
  sroDatabase,
  type Contributor,
} from './helpers';

/**
 * Issue 14 §3: an owner's signed contribution, imported as pending, reviewed and accepted per
 * claim; the file checkable with tar and openssl; every refusal leaves the database as it was.
 */
describe('contributions: contribute, import, review, accept', () => {
  const tmp = makeTempDir('contrib');
  let bob: Contributor;
  let carol: Contributor;
  let evidence: string;
  beforeAll(async () => {
    bob = await makeContributor('Bob Builder', true);
    carol = await makeContributor('Carol Checker');
    evidence = join(tmp.dir, 'sbom.json');
    writeFileSync(evidence, '{"components":[]}\n');
  });
  afterAll(() => tmp.cleanup());

  it('round trip: pending changes nothing; review shows the diff; accept credits the contributor in show, the log and the evidence', async () => {
    const db = join(tmp.dir, 'round.sscp');
    const id = sroDatabase(db, [{ claimId: '1.2.1', name: 'Bob Builder', email: 'bob@acme.test' }]);
    const file = join(tmp.dir, 'round.sscp-contribution');
    await contribute(
      bob,
      file,
      [{ claimId: '1.2.1', result: 'met', status: 'done', evidenceText: 'SBOM from CI run 42', files: [evidence] }],
      { email: 'bob@acme.test' },
    );
    const root = join(tmp.dir, 'bob-root.pem');
    writeFileSync(root, bob.rootPem!);

    const before = snapshot(db);
    const imported = await cli('import', file, '--db', db, '--trust', root, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      kind: 'contribution',
      imported: true,
      assessmentId: id,
      signerTrust: 'trusted',
      contributor: { name: 'Bob Builder', email: 'bob@acme.test' },
      claims: [{ claimId: '1.2.1', assigned: true }],
      evidence: { stored: 1, alreadyHeld: 0 },
    });
    const after = snapshot(db);
    // Pending: the answers and evidence rows are untouched; only the contribution is recorded.
    expect(after.counts.answers).toBe(before.counts.answers);
    expect(after.counts.evidence_items).toBe(before.counts.evidence_items);
    expect(after.counts.contributions).toBe(1);

    const review = await cli('review', id, '--db', db, '--json');
    expect(review.code, review.stderr).toBe(0);
    const items = (JSON.parse(review.stdout) as { contributions: Record<string, unknown>[] }).contributions;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      claimId: '1.2.1',
      state: 'pending',
      assigned: true,
      contributor: { name: 'Bob Builder' },
      signerFingerprint: bob.fingerprint,
      changes: {
        result: { from: 'not-assessed', to: 'met' },
        status: { from: 'not-started', to: 'done' },
        evidenceText: { from: '', to: 'SBOM from CI run 42' },
      },
      files: [{ fileName: 'sbom.json', size: 18, mediaType: 'application/json' }],
    });
    const contributionId = items[0]!.contributionId as string;
    const text = await cli('review', id, '--db', db);
    expect(text.stdout).toContain('Result:  not-assessed -> met');
    expect(text.stdout).toContain(`sscp accept ${id} ${contributionId} --claim 1.2.1 --db ${db}`);

    const accepted = await cli('accept', id, contributionId, '--db', db, '--claim', '1.2.1');
    expect(accepted.code, accepted.stderr).toBe(0);
    const show = await cli('show', id, '--db', db, '--json');
    const shown = JSON.parse(show.stdout) as {
      claims: { id: string; result: string; evidenceText: string; contributedBy: { name: string } | null; evidenceIds: string[] }[];
      contributedEvidence: Record<string, { name: string }>;
    };
    const claim = shown.claims.find((c) => c.id === '1.2.1')!;
    expect(claim).toMatchObject({ result: 'met', evidenceText: 'SBOM from CI run 42', contributedBy: { name: 'Bob Builder' } });
    expect(shown.contributedEvidence[claim.evidenceIds[0]!]).toMatchObject({ name: 'Bob Builder' });
    const showText = await cli('show', id, '--db', db);
    expect(showText.stdout).toMatch(/sbom\.json {2}\(contributed by Bob Builder on \d{4}-\d{2}-\d{2}\)/);

    const ws = openWorkspace(db, { readOnly: true });
    try {
      const entry = ws.auditEntries(id).find((e) => e.action === 'contribution.accepted')!;
      expect(entry.detail).toMatchObject({
        contributor: { name: 'Bob Builder' },
        signerFingerprint: bob.fingerprint,
        claimId: '1.2.1',
        assigned: true,
      });
    } finally {
      ws.close();
    }
    // A decision is final: the same claim cannot be accepted twice.
    expect((await cli('accept', id, contributionId, '--db', db)).code).toBe(2);

    // The signed pack's evidence index credits the contributor too.
    const pass = join(tmp.dir, 'sro-pass.txt');
    writeFileSync(pass, 'correct horse battery staple\n');
    expect(
      (await cli('identity', 'create', '--label', 'sro', '--sro', 'Sam SRO', '--sro-role', 'CTO', '--org', ORG, '--passphrase-file', pass))
        .code,
    ).toBe(0);
    const pack = join(tmp.dir, 'round.pdf');
    const exported = await cli(
      'export',
      id,
      '--db',
      db,
      '--identity',
      'sro',
      '--out',
      pack,
      '--passphrase-file',
      pass,
      '--accept-exceptions',
    );
    expect(exported.code, exported.stderr).toBe(0);
    const packText = spawnSync('pdftotext', ['-enc', 'UTF-8', pack, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(packText).toMatch(/contributed by Bob Builder on \d{4}-\d{2}-\d{2}/);
  });

  it('is a tar that tar -xf unpacks and openssl cms -verify accepts against the root; a changed byte fails it', async () => {
    const file = join(tmp.dir, 'tools.sscp-contribution');
    await contribute(bob, file, [{ claimId: '2.1.1', result: 'partially-met', files: [evidence] }]);
    const out = join(tmp.dir, 'unpacked');
    mkdirSync(out);
    expect(spawnSync('tar', ['-xf', file, '-C', out]).status).toBe(0);
    const root = join(tmp.dir, 'root-tools.pem');
    writeFileSync(root, bob.rootPem!);
    const verify = (content: string) =>
      spawnSync(
        'openssl',
        [
          'cms',
          '-verify',
          '-binary',
          '-inform',
          'DER',
          '-content',
          content,
          '-in',
          join(out, 'manifest.json.p7s'),
          '-CAfile',
          root,
          '-purpose',
          'any',
          '-out',
          '/dev/null',
        ],
        { encoding: 'utf8' },
      );
    const ok = verify(join(out, 'manifest.json'));
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('Verification successful');
    // Every file's hash is in the signed manifest: sha256sum agrees.
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[] };
    for (const f of manifest.files) {
      const r = spawnSync('sha256sum', [join(out, f.path)], { encoding: 'utf8' });
      expect(r.stdout.split(' ')[0]).toBe(f.sha256);
    }
    const changed = join(out, 'manifest-changed.json');
    const m = readFileSync(join(out, 'manifest.json'));
    m[m.length - 2]! ^= 0x01;
    writeFileSync(changed, m);
    expect(verify(changed).status).not.toBe(0);
  });

  it('carries a CycloneDX 1.6 BOM whose declarations pass the official 1.6 JSON schema', async () => {
    const file = join(tmp.dir, 'cdx.sscp-contribution');
    await contribute(bob, file, [
      { claimId: '1.2.1', result: 'met', evidenceText: 'x', arguments: 'because', files: [evidence] },
      { claimId: '1.2.2', status: 'in-progress' },
    ]);
    const json = (await readEntries(file)).get('contribution.json')!.toString('utf8');
    const validator = new CDX.Validation.JsonValidator(CDX.Spec.Version.v1dot6);
    expect(await validator.validate(json)).toBeNull();
    const bom = JSON.parse(json) as { declarations: { claims: unknown[]; evidence: unknown[] } };
    expect(bom.declarations.claims).toHaveLength(2);
    // The validator is not vacuous: a field 1.6 does not define is caught.
    expect(await validator.validate(JSON.stringify({ ...bom, declarations: { ...bom.declarations, notAField: 1 } }))).not.toBeNull();
  });

  it('an unknown signer exits 3 and writes nothing; --allow-untrusted confirms and remembers them for the next contribution', async () => {
    const db = join(tmp.dir, 'trust.sscp');
    const id = sroDatabase(db, [{ claimId: '3.1.1', name: 'Carol Checker' }]);
    const first = join(tmp.dir, 'carol-1.sscp-contribution');
    const second = join(tmp.dir, 'carol-2.sscp-contribution');
    await contribute(carol, first, [{ claimId: '3.1.1', result: 'met' }]);
    await contribute(carol, second, [{ claimId: '3.1.1', arguments: 'see the policy' }]);
    const before = snapshot(db);
    const refused = await cli('import', first, '--db', db);
    expect(refused.code).toBe(3);
    expect(refused.stdout).toContain(carol.fingerprint);
    expect(refused.stderr).toContain('--allow-untrusted');
    expect(snapshot(db)).toEqual(before);
    const confirmed = await cli('import', first, '--db', db, '--allow-untrusted', '--json');
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(JSON.parse(confirmed.stdout)).toMatchObject({ signerTrust: 'confirmed', assessmentId: id });
    const next = await cli('import', second, '--db', db, '--json');
    expect(next.code, next.stderr).toBe(0);
    expect(JSON.parse(next.stdout)).toMatchObject({ signerTrust: 'remembered', imported: true });
    // A fingerprint given that does not match: refused, exit 3, nothing written.
    const third = join(tmp.dir, 'carol-3.sscp-contribution');
    await contribute(carol, third, [{ claimId: '3.1.1', status: 'done' }]);
    const mid = snapshot(db);
    const wrong = await cli('import', third, '--db', db, '--fingerprint', 'ab'.repeat(32));
    expect(wrong.code).toBe(3);
    expect(snapshot(db)).toEqual(mid);
  });

  it('flags a claim the contributor was not assigned; accepting it needs --unassigned', async () => {
    const db = join(tmp.dir, 'assigned.sscp');
    const id = sroDatabase(db, [{ claimId: '1.1.1', name: 'Somebody Else' }]);
    const file = join(tmp.dir, 'unassigned.sscp-contribution');
    await contribute(carol, file, [
      { claimId: '1.1.1', result: 'met' },
      { claimId: '1.1.2', result: 'met' },
    ]);
    expect((await cli('import', file, '--db', db, '--fingerprint', carol.fingerprint)).code).toBe(0);
    const review = JSON.parse((await cli('review', id, '--db', db, '--json')).stdout) as {
      contributions: { contributionId: string; claimId: string; assigned: boolean; owner: { name: string } | null }[];
    };
    expect(review.contributions.map((c) => [c.claimId, c.assigned, c.owner?.name ?? null])).toEqual([
      ['1.1.1', false, 'Somebody Else'],
      ['1.1.2', false, null],
    ]);
    const cid = review.contributions[0]!.contributionId;
    const before = snapshot(db);
    const refused = await cli('accept', id, cid, '--db', db);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('was not assigned claims 1.1.1 (owner: Somebody Else), 1.1.2 (owner: nobody)');
    expect(snapshot(db)).toEqual(before);
    expect((await cli('accept', id, cid, '--claim', '1.1.2', '--unassigned', '--db', db)).code).toBe(0);
    const rejected = await cli('reject', id, cid, '--claim', '1.1.1', '--reason', 'Not your claim', '--db', db, '--json');
    expect(rejected.code, rejected.stderr).toBe(0);
    const all = JSON.parse((await cli('review', id, '--db', db, '--all', '--json')).stdout) as {
      contributions: { claimId: string; state: string; reason: string }[];
    };
    expect(all.contributions.map((c) => [c.claimId, c.state, c.reason])).toEqual([
      ['1.1.1', 'rejected', 'Not your claim'],
      ['1.1.2', 'accepted', ''],
    ]);
  });

  describe('refused with a clear message and nothing written', () => {
    let db: string;
    let id: string;
    let good: string;
    beforeAll(async () => {
      db = join(tmp.dir, 'refuse.sscp');
      id = sroDatabase(db);
      good = join(tmp.dir, 'good.sscp-contribution');
      await contribute(bob, good, [{ claimId: '1.2.1', result: 'met', files: [evidence] }]);
    });

    async function refused(file: string, expectCode: number, message: RegExp, ...extra: string[]) {
      const before = snapshot(db);
      const r = await cli('import', file, '--db', db, '--fingerprint', bob.fingerprint, ...extra);
      expect(r.code, r.stdout + r.stderr).toBe(expectCode);
      expect(r.stderr).toMatch(message);
      expect(snapshot(db)).toEqual(before);
    }

    it('a changed evidence byte, a changed contribution.json, an added file', async () => {
      const evidenceChanged = join(tmp.dir, 't1.sscp-contribution');
      await doctor(good, evidenceChanged, (_j, files) => {
        const name = [...files.keys()].find((n) => n.startsWith('evidence/'))!;
        const b = Buffer.from(files.get(name)!);
        b[0]! ^= 1;
        files.set(name, b);
      });
      await refused(evidenceChanged, 1, /was changed after it was signed: evidence\/[0-9a-f]{64} does not match its SHA-256/);
      const jsonChanged = join(tmp.dir, 't2.sscp-contribution');
      await doctor(good, jsonChanged, (j) => (j.properties[0].value = 'not-met'));
      await refused(jsonChanged, 1, /was changed after it was signed: contribution.json has \d+ bytes|contribution.json does not match/);
      const added = join(tmp.dir, 't3.sscp-contribution');
      await doctor(good, added, (_j, files) => files.set(`evidence/${'a'.repeat(64)}`, Buffer.from('extra')));
      await refused(added, 1, /which its signed manifest does not list/);
    });

    it('a forged contributor: signed by one person, claiming to be another', async () => {
      const forged = join(tmp.dir, 'forged.sscp-contribution');
      await doctor(good, forged, (j) => (j.metadata.authors[0].name = 'Sam SRO'), bob.identity);
      await refused(forged, 1, /says it is from "Sam SRO", but it is signed by "Bob Builder"/);
    });

    it('hostile text, even when validly signed: a bidi override in the evidence text is refused naming the field; a control character in a file name is cleaned', async () => {
      const bidi = join(tmp.dir, 'bidi.sscp-contribution');
      await doctor(
        good,
        bidi,
        (j) => {
          j.declarations.evidence[0].description = 'fine \u202etxt.exe';
          j.properties.push({ name: 'sscp:claim:1.2.1:evidence-text', value: 'fine \u202etxt.exe' });
        },
        bob.identity,
      );
      await refused(
        bidi,
        2,
        /evidence text for claim 1\.2\.1 is not usable: The evidence text holds a bidirectional control character \(U\+202E\)/,
      );
      const named = join(tmp.dir, 'named.sscp-contribution');
      await doctor(good, named, (j) => (j.declarations.evidence[0].data[0].name = 'log\u001b[31m.txt'), bob.identity);
      const db2 = join(tmp.dir, 'named.sscp');
      const id2 = sroDatabase(db2);
      expect((await cli('import', named, '--db', db2, '--fingerprint', bob.fingerprint)).code).toBe(0);
      const review = JSON.parse((await cli('review', id2, '--db', db2, '--json')).stdout) as {
        contributions: { files: { fileName: string }[] }[];
      };
      expect(review.contributions[0]!.files[0]!.fileName).toBe('log[31m.txt');
    });

    it('a claim not in the catalog, even when validly signed', async () => {
      const bogus = join(tmp.dir, 'bogus.sscp-contribution');
      await doctor(
        good,
        bogus,
        (j) => {
          j.declarations.claims[0]['bom-ref'] = 'claim-9.9.9';
          j.declarations.evidence[0]['bom-ref'] = 'evidence-9.9.9';
          for (const p of j.properties) p.name = p.name.replace('1.2.1', '9.9.9');
        },
        bob.identity,
      );
      await refused(bogus, 2, /claim 9\.9\.9, which is not in the Code of Practice/);
    });

    it('another organisation, a signed assessment, a second import of the same contribution', async () => {
      const other = join(tmp.dir, 'other-org.sscp-contribution');
      await contribute(bob, other, [{ claimId: '1.2.1', result: 'met' }], { organisation: 'Globex' });
      await refused(other, 2, /is for Globex, and there is no open draft assessment of Globex/);
      await refused(other, 2, /is for Globex, not for Acme Ltd/, '--into', id);

      const ws = openWorkspace(db, { actor: { name: 'Sam SRO', source: 'as-option' } });
      const signedId = ws.createAssessment({ organisation: ORG, role: 'developer-distributor' }).id;
      ws.markSigned(signedId, {
        packSha256: 'a'.repeat(64),
        packId: 'p',
        signerFingerprint: 'f'.repeat(64),
        signedAt: new Date().toISOString(),
        profile: 'customer',
      });
      ws.close();
      await refused(good, 2, /signed/, '--into', signedId);

      expect((await cli('import', good, '--db', db, '--fingerprint', bob.fingerprint)).code).toBe(0);
      await refused(good, 2, /was already imported on \d{4}-\d{2}-\d{2} as contribution [0-9a-f]{8}/);
      // The same contribution in other bytes (repacked) is recognised by its id too.
      const repacked = join(tmp.dir, 'repacked.sscp-contribution');
      const entries = await readEntries(good);
      const { writeTar } = await import('./helpers');
      writeTar(repacked, [...entries.entries()].reverse());
      await refused(repacked, 2, /was already imported/);
    });

    it('several open drafts of the organisation: lists them and asks which', async () => {
      const db2 = join(tmp.dir, 'two-drafts.sscp');
      const a = sroDatabase(db2);
      const b = sroDatabase(db2);
      const r = await cli('import', good, '--db', db2, '--fingerprint', bob.fingerprint);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('has 2 open drafts');
      expect(r.stderr).toContain(a);
      expect(r.stderr).toContain(b);
      expect(r.stderr).toContain('--into ID');
      expect((await cli('import', good, '--db', db2, '--fingerprint', bob.fingerprint, '--into', b, '--json')).code).toBe(0);
    });

    it('hostile archives: a path that climbs out, a link, a cut-short file, garbage', async () => {
      const { writeTar } = await import('./helpers');
      const entries = [...(await readEntries(good)).entries()];
      const climb = join(tmp.dir, 'climb.sscp-contribution');
      writeTar(climb, [...entries, ['../../evil.sh', Buffer.from('echo pwned')]]);
      await refused(climb, 2, /holds "\.\.\/\.\.\/evil\.sh", which no contribution holds/);
      const link = join(tmp.dir, 'link.sscp-contribution');
      const raw = bytes(good);
      const withLink = Buffer.from(raw);
      withLink[156] = '2'.charCodeAt(0); // the first entry becomes a symbolic link
      let sum = 0;
      withLink.fill(0x20, 148, 156);
      for (let i = 0; i < 512; i++) sum += withLink[i]!;
      withLink.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
      writeFileSync(link, withLink);
      await refused(link, 2, /is a link, which a contribution never holds/);
      const cut = join(tmp.dir, 'cut.sscp-contribution');
      writeFileSync(cut, raw.subarray(0, raw.length - 2048));
      await refused(cut, 2, /cut short|has no manifest/);
    });
  });

  it('a CI job: contribute with an identity restored from a .p12, no database anywhere', async () => {
    const pass = join(tmp.dir, 'pass.txt');
    const p12pass = join(tmp.dir, 'p12pass.txt');
    writeFileSync(pass, 'correct horse battery staple\n');
    writeFileSync(p12pass, 'the backup password here\n');
    const home = process.env.SSCP_HOME;
    expect(
      (
        await cli(
          'identity',
          'create',
          '--label',
          'dev',
          '--sro',
          'Dana Dev',
          '--sro-role',
          'Engineer',
          '--org',
          ORG,
          '--passphrase-file',
          pass,
        )
      ).code,
    ).toBe(0);
    expect(
      (await cli('identity', 'export', 'dev', '--out', join(tmp.dir, 'dev.p12'), '--passphrase-file', pass, '--p12-password-file', p12pass))
        .code,
    ).toBe(0);
    process.env.SSCP_HOME = join(tmp.dir, 'ci-home');
    try {
      expect(
        (
          await cli(
            'identity',
            'import',
            join(tmp.dir, 'dev.p12'),
            '--label',
            'ci',
            '--p12-password-file',
            p12pass,
            '--passphrase-file',
            pass,
          )
        ).code,
      ).toBe(0);
      const out = join(tmp.dir, 'ci.sscp-contribution');
      const r = await cli(
        'contribute',
        '--org',
        ORG,
        '--claim',
        '2.2.1',
        '--claim',
        '2.2.2',
        '--status',
        'done',
        '--attach',
        evidence,
        '--identity',
        'ci',
        '--passphrase-file',
        pass,
        '--out',
        out,
        '--json',
      );
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ contributor: 'Dana Dev', claims: ['2.2.1', '2.2.2'], files: 1 });
      // --out never overwrites without --force.
      const again = await cli(
        'contribute',
        '--org',
        ORG,
        '--claim',
        '2.2.1',
        '--status',
        'done',
        '--identity',
        'ci',
        '--passphrase-file',
        pass,
        '--out',
        out,
      );
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('already exists');
      const bad = await cli(
        'contribute',
        '--org',
        ORG,
        '--claim',
        '9.9.9',
        '--status',
        'done',
        '--identity',
        'ci',
        '--passphrase-file',
        pass,
        '--out',
        join(tmp.dir, 'never.sscp-contribution'),
      );
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('Claim 9.9.9 is not in the Code of Practice');
    } finally {
      process.env.SSCP_HOME = home;
    }
  });

  it('carrying an assessment forward keeps its claim owners', async () => {
    const db = join(tmp.dir, 'carry.sscp');
    const id = sroDatabase(db, [{ claimId: '2.1.1', name: 'Dana Dev', email: 'dana@acme.test' }]);
    const ws = openWorkspace(db, { actor: { name: 'Sam SRO', source: 'as-option' } });
    ws.markSigned(id, {
      packSha256: 'a'.repeat(64),
      packId: 'p',
      signerFingerprint: 'f'.repeat(64),
      signedAt: new Date().toISOString(),
      profile: 'customer',
    });
    ws.close();
    const next = await cli('carry-forward', id, '--db', db);
    expect(next.code, next.stderr).toBe(0);
    const nextId = next.stdout.trim().split('\n')[0]!.trim();
    const shown = JSON.parse((await cli('show', nextId, '--db', db, '--json')).stdout) as {
      claims: { id: string; owner: { name: string } | null }[];
    };
    expect(shown.claims.find((c) => c.id === '2.1.1')?.owner).toMatchObject({ name: 'Dana Dev' });
  });

  it("an evidence request carries the owner's claims and current answers; contribute --request answers it", async () => {
    const db = join(tmp.dir, 'request.sscp');
    const id = sroDatabase(db, [
      { claimId: '1.3.1', name: 'Bob Builder', email: 'bob@acme.test' },
      { claimId: '1.3.2', name: 'Bob Builder', email: 'bob@acme.test' },
    ]);
    const req = join(tmp.dir, 'req.json');
    const r = await cli('request', id, '--owner', 'Bob Builder', '--db', db, '--out', req);
    expect(r.code, r.stderr).toBe(0);
    const request = JSON.parse(readFileSync(req, 'utf8')) as {
      assessmentId: string;
      organisation: string;
      claims: { claimId: string; statement: string; current: { result: string } }[];
    };
    expect(request).toMatchObject({ assessmentId: id, organisation: ORG });
    expect(request.claims.map((c) => c.claimId)).toEqual(['1.3.1', '1.3.2']);
    expect(request.claims[0]!.statement.length).toBeGreaterThan(10);
    const { readEvidenceRequest } = await import('../../../main/contribution/evidence-request');
    const parsed = await readEvidenceRequest(req);
    const file = join(tmp.dir, 'answer.sscp-contribution');
    const { writeContribution } = await import('../../../main/contribution/write-contribution');
    await writeContribution(bob.identity, {
      organisation: parsed.organisation,
      assessmentId: parsed.assessmentId,
      catalog: parsed.catalog,
      claims: parsed.claims.map((c) => ({ claimId: c.claimId, result: 'met' })),
      email: 'bob@acme.test',
      outPath: file,
      replace: false,
    });
    // It names the assessment, so it lands there without --into even beside another draft.
    sroDatabase(db);
    const imported = await cli('import', file, '--db', db, '--fingerprint', bob.fingerprint, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      assessmentId: id,
      claims: [
        { claimId: '1.3.1', assigned: true },
        { claimId: '1.3.2', assigned: true },
      ],
    });
  });
});

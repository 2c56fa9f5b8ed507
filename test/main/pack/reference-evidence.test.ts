import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRecord, splitRecord } from '../../../main/form/result-block';
import { importPack } from '../../../main/import/pack-import';
import { exportPack } from '../../../main/pack/export-pack';
import { manifestSchema } from '../../../main/pack/manifest';
import { carryForwardAssessment } from '../../../main/services/carry-forward';
import { openWorkspace } from '../../../main/services/workspace';
import { createIdentityService } from '../../../main/signing/identity-service';
import { openKeyStore } from '../../../main/signing/key-store';
import { CURRENT_CATALOG } from '../../../shared/catalog/index';
import { signoffBlockers } from '../../../shared/domain/signoff';
import type { EvidenceItem } from '../../../shared/domain/types';
import { caught } from '../services/workspace-fixture';
import { makeTempDir, run } from './fixtures';

const PASSPHRASE = 'correct horse battery staple';
const TICKET = 'https://jira.example.com/browse/SEC-142';
const SECRET_PLACE = 'Vault: Harrier incident room recording';

/**
 * Evidence that is not a file: a reference supports "met" like a file, goes into the pack
 * without a pretended hash, and comes back from an import and a carry-forward.
 */
describe('references: evidence that is not a file', () => {
  const tmp = makeTempDir('references');
  const dbPath = join(tmp.dir, 'vendor.sscp');
  const packPath = join(tmp.dir, 'customer.pdf');
  let assessmentId = '';
  let ticket: EvidenceItem;
  let fingerprint = '';

  beforeAll(async () => {
    const ws = openWorkspace(dbPath);
    const keys = openKeyStore(join(tmp.dir, 'home'));
    try {
      const identities = createIdentityService(keys, { kdf: { name: 'scrypt', N: 2 ** 10, r: 8, p: 1 } });
      await identities.create({
        label: 'sro',
        sroName: 'Zoë Okafor',
        sroRole: 'CTO',
        organisation: 'Widgets Ltd',
        withRoot: false,
        passphrase: PASSPHRASE,
      });
      const a = ws.createAssessment({ organisation: 'Widgets Ltd', role: 'developer-distributor', sroName: 'Zoë Okafor', sroRole: 'CTO' });
      assessmentId = a.id;
      ws.updateClaim(a.id, '1.1.1', { result: 'met', status: 'done' });
      ws.updateClaim(a.id, '1.1.2', { result: 'met', status: 'done' });
      ticket = ws.addReference(a.id, '1.1.1', {
        location: TICKET,
        description: 'Branch protection enforced on all repositories',
        effectiveDate: '2026-03-02',
        owner: 'Platform team',
      });
      ws.addReference(a.id, '1.1.2', {
        location: 'Interview with the release manager',
        description: 'Release sign-off steps walked through',
        effectiveDate: '2026-03-05',
      });
      ws.addReference(a.id, '1.1.2', {
        location: SECRET_PLACE,
        description: 'Kestrel red-team debrief',
        owner: 'Osprey Lee',
        confidential: true,
        effectiveDate: '2026-03-06',
      });
      const path = join(tmp.dir, 'policy.pdf');
      writeFileSync(path, '%PDF-1.4 policy');
      await ws.attachEvidence(a.id, '1.1.2', path);
      ({ signerFingerprint: fingerprint } = await exportPack(ws, identities, {
        assessmentId: a.id,
        identityLabel: 'sro',
        passphrase: PASSPHRASE,
        outPath: packPath,
        profile: 'customer',
        acceptExceptions: true,
      }));
    } finally {
      keys.close();
      ws.close();
    }
  }, 120_000);
  afterAll(() => tmp.cleanup());

  it('a reference is evidence for sign-off: a claim met with only a reference is not blocked, one with nothing is, and says a reference would do', () => {
    const ws = openWorkspace(dbPath);
    try {
      const a = ws.createAssessment({ organisation: 'Widgets Ltd', role: 'developer-distributor' });
      ws.updateClaim(a.id, '1.1.1', { result: 'met', status: 'done' });
      ws.updateClaim(a.id, '1.1.2', { result: 'met', status: 'done' });
      ws.addReference(a.id, '1.1.1', {
        location: 'Azure portal › Conditional Access › Require MFA',
        description: 'MFA required for all staff',
        effectiveDate: '2026-02-01',
      });
      const blockers = signoffBlockers(ws.getAssessment(a.id), CURRENT_CATALOG, '2026-06-01').filter(
        (b) => b.kind === 'met-without-evidence',
      );
      expect(blockers.map((b) => b.claimId)).toEqual(['1.1.2']);
      expect(blockers[0]!.message).toContain('add a reference for evidence that is not a file');
      ws.addReference(a.id, '1.1.2', { location: 'Ticket: SEC-9', description: 'Closed after review' });
      const after = signoffBlockers(ws.getAssessment(a.id), CURRENT_CATALOG, '2026-06-01');
      expect(after.filter((b) => b.kind === 'met-without-evidence')).toEqual([]);
      // Undated: a warning says what to add, not a blocker.
      expect(after.find((b) => b.kind === 'reference-undated')).toMatchObject({
        severity: 'warning',
        message: expect.stringContaining('"Ticket: SEC-9"') as string,
      });
      expect(after.some((b) => b.kind === 'evidence-file-missing')).toBe(false);
    } finally {
      ws.close();
    }
  });

  it('refuses addresses that are not http(s), credentials in addresses, and a missing description, writing nothing', async () => {
    const ws = openWorkspace(dbPath);
    try {
      const a = ws.createAssessment({ organisation: 'Widgets Ltd', role: 'developer-distributor' });
      for (const location of [
        'javascript:alert(1)',
        'file:///etc/passwd',
        'data:text/html,<b>x</b>',
        'https://admin:hunter2@intranet.example.com/x',
        'https://',
        'http://exa mple.com/a b',
        '',
      ]) {
        const e = await caught(() => ws.addReference(a.id, '1.1.1', { location, description: 'x' }));
        expect(e.kind, location).toBe('invalid-input');
      }
      const noDescription = await caught(() => ws.addReference(a.id, '1.1.1', { location: TICKET, description: '  ' }));
      expect(noDescription.message).toContain('needs a description');
      const control = await caught(() => ws.addReference(a.id, '1.1.1', { location: 'Ticket\u202ESEC', description: 'x' }));
      expect(control.kind).toBe('invalid-input');
      expect(ws.getAssessment(a.id).evidence).toEqual([]);
      const e = await caught(() => ws.replaceEvidence(ticket.id, join(tmp.dir, 'policy.pdf')));
      expect(e.message).toBe('A reference has no file to replace.');
    } finally {
      ws.close();
    }
  });

  it('puts references in the pack as references, with no hash, and withholds a confidential one from customers', () => {
    const out = join(tmp.dir, 'detached');
    mkdirSync(out);
    run('pdfdetach', ['-saveall', '-o', out, packPath]);
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    expect(manifest.files.map((f) => f.originalName)).toEqual(['policy.pdf']);
    expect(manifest.references).toEqual([
      {
        location: TICKET,
        description: 'Branch protection enforced on all repositories',
        effectiveDate: '2026-03-02',
        expiryDate: null,
        owner: 'Platform team',
        confidential: false,
        claims: ['1.1.1'],
      },
      {
        location: 'Interview with the release manager',
        description: 'Release sign-off steps walked through',
        effectiveDate: '2026-03-05',
        expiryDate: null,
        owner: '',
        confidential: false,
        claims: ['1.1.2'],
      },
      {
        location: 'Withheld reference 1 (confidential)',
        description: '',
        effectiveDate: '2026-03-06',
        expiryDate: null,
        owner: '',
        confidential: true,
        detailsWithheld: true,
        claims: ['1.1.2'],
      },
    ]);
    const data = JSON.parse(readFileSync(join(out, 'assessment.json'), 'utf8')) as { detail: { evidence: EvidenceItem[] } };
    expect(data.detail.evidence.find((e) => e.id === ticket.id)).toMatchObject({
      kind: 'reference',
      sha256: '',
      size: 0,
      present: false,
      fileName: TICKET,
      owner: 'Platform team',
    });

    const text = run('pdftotext', ['-enc', 'UTF-8', packPath, '-']).stdout;
    expect(text).toContain('Reference: https://jira.example.com/browse/SEC-142'.slice(0, 30));
    expect(text).toContain('No file, no hash');
    expect(text).toContain('Withheld reference 1 (confidential)');
    const plain = join(tmp.dir, 'plain.pdf');
    run('qpdf', ['--qdf', '--object-streams=disable', '--stream-data=uncompress', packPath, plain]);
    for (const pdf of [readFileSync(packPath), readFileSync(plain)]) {
      for (const secret of ['Harrier', 'Kestrel', 'Osprey']) expect(pdf.includes(Buffer.from(secret)), secret).toBe(false);
    }
    // A reference is text in the PDF, never a link a reader could follow by a click.
    expect(readFileSync(plain).includes(Buffer.from('/URI'))).toBe(false);
  });

  it('import restores the references; carry-forward keeps them linked', async () => {
    const other = openWorkspace(join(tmp.dir, 'customer.sscp'));
    try {
      const result = await importPack(other, packPath, { fingerprint });
      const detail = other.getAssessment(result.assessment.id);
      const refs = detail.evidence.filter((e) => e.kind === 'reference');
      expect(refs.map((e) => [e.fileName, e.owner, e.effectiveDate, e.sha256, e.present])).toEqual([
        [TICKET, 'Platform team', '2026-03-02', '', false],
        ['Interview with the release manager', '', '2026-03-05', '', false],
        ['Withheld reference 1 (confidential)', '', '2026-03-06', '', false],
      ]);
      expect(detail.links.filter((l) => refs.some((r) => r.id === l.evidenceId)).map((l) => l.claimId)).toEqual([
        '1.1.1',
        '1.1.2',
        '1.1.2',
      ]);
      expect((await other.checkIntegrity()).ok).toBe(true);
    } finally {
      other.close();
    }
    const ws = openWorkspace(dbPath);
    try {
      const { assessment } = carryForwardAssessment(ws, assessmentId);
      const next = ws.getAssessment(assessment.id);
      expect(next.evidence.find((e) => e.kind === 'reference' && e.fileName === TICKET)).toMatchObject({
        owner: 'Platform team',
        effectiveDate: '2026-03-02',
      });
      expect(next.links.some((l) => l.evidenceId === ticket.id && l.claimId === '1.1.1')).toBe(true);
    } finally {
      ws.close();
    }
  });

  it('the Word form records a reference on its own line, which reads back', () => {
    const lines = formatRecord({
      result: 'met',
      actions: [],
      evidenceFiles: [],
      evidenceReferences: [{ location: TICKET, owner: 'Platform team', date: '2026-03-02' }],
    });
    expect(lines).toContain(`Evidence reference: ${TICKET} (owner: Platform team, dated: 02/03/2026)`);
    expect(splitRecord(['Our text', ...lines]).record?.evidenceReferences).toEqual([
      { location: TICKET, owner: 'Platform team', date: '2026-03-02' },
    ]);
  });
});

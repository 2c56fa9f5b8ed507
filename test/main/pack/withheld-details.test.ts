import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPack } from '../../../main/import/pack-import';
import { manifestSchema } from '../../../main/pack/manifest';
import { exportPack } from '../../../main/pack/export-pack';
import { carryForwardAssessment } from '../../../main/services/carry-forward';
import { openWorkspace } from '../../../main/services/workspace';
import { createIdentityService } from '../../../main/signing/identity-service';
import { openKeyStore } from '../../../main/signing/key-store';
import type { EvidenceItem } from '../../../shared/domain/types';
import { makeTempDir, run } from './fixtures';

const PASSPHRASE = 'correct horse battery staple';
/** Distinctive words that appear only in the withheld items' names and descriptions. */
const SECRET_NAME = 'Nightingale-acquisition-pentest.xlsx';
const SECRET_DESCRIPTION = 'Findings from the Kestrelbank red team exercise';
const LATER_NAME = 'Osprey-incident-timeline.docx';
const LATER_DESCRIPTION = 'Timeline of the Marlowe breach';
const SECRETS = ['Nightingale', 'Kestrelbank', 'Osprey', 'Marlowe'];

/** Every way a PDF can spell a text: UTF-8/Latin-1, UTF-16BE (with or without BOM), and both as hex. */
function spellings(word: string): Buffer[] {
  const utf8 = Buffer.from(word, 'utf8');
  const utf16 = Buffer.from(word, 'utf16le').swap16();
  return [
    utf8,
    utf16,
    Buffer.from(utf8.toString('hex')),
    Buffer.from(utf8.toString('hex').toUpperCase()),
    Buffer.from(utf16.toString('hex')),
    Buffer.from(utf16.toString('hex').toUpperCase()),
  ];
}

function occurrences(haystack: Buffer, words: readonly string[]): string[] {
  return words.filter((w) => spellings(w).some((s) => haystack.includes(s)));
}

/**
 * A real assessment with confidential evidence whose name and description are withheld,
 * signed as a customer pack: nothing of the withheld details survives anywhere in the file,
 * while the hash does; the setting carries forward and survives an import.
 */
describe('withholding the name and description of confidential evidence', () => {
  const tmp = makeTempDir('withheld-details');
  const dbPath = join(tmp.dir, 'vendor.sscp');
  const packPath = join(tmp.dir, 'customer.pdf');
  const certPath = join(tmp.dir, 'certification.pdf');
  let secret: EvidenceItem;
  let later: EvidenceItem;
  let assessmentId = '';
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
      ws.updateClaim(a.id, '1.1.1', { result: 'met', status: 'done', evidenceText: 'See the evidence listed.' });
      const file = (name: string, bytes: Buffer) => {
        const path = join(tmp.dir, name);
        writeFileSync(path, bytes);
        return path;
      };
      await ws.attachEvidence(a.id, '1.1.1', file('policy.pdf', randomBytes(4000)), { description: 'Secure development policy' });
      secret = await ws.attachEvidence(a.id, '1.1.1', file(SECRET_NAME, randomBytes(5000)), {
        description: SECRET_DESCRIPTION,
        confidential: true,
        withholdDetails: true,
      });
      // Set on evidence already attached, as the SRO would on reflection.
      const attached = await ws.attachEvidence(a.id, '1.1.1', file(LATER_NAME, randomBytes(3000)), {
        description: LATER_DESCRIPTION,
        confidential: true,
      });
      later = ws.updateEvidence(attached.id, { withholdDetails: true });
      expect(later.withholdDetails).toBe(true);
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

  it('leaves no trace of the withheld names or descriptions anywhere in the PDF, while the hash is there', () => {
    const raw = readFileSync(packPath);
    expect(occurrences(raw, SECRETS)).toEqual([]);
    // Every stream decompressed and every object written out plainly: page text, bookmarks, XMP, alt text, file specifications.
    const plain = join(tmp.dir, 'plain.pdf');
    run('qpdf', ['--qdf', '--object-streams=disable', '--stream-data=uncompress', packPath, plain]);
    const uncompressed = readFileSync(plain);
    expect(uncompressed.includes(Buffer.from('Withheld file 1 (confidential)'))).toBe(true);
    expect(occurrences(uncompressed, SECRETS)).toEqual([]);

    const text = run('pdftotext', ['-enc', 'UTF-8', packPath, '-']).stdout;
    expect(occurrences(Buffer.from(text), SECRETS)).toEqual([]);
    expect(text).toContain('Withheld file 1 (confidential)');
    expect(text).toContain('Withheld file 2 (confidential)');
    expect(text).toContain(secret.sha256.slice(0, 32));
    expect(text).toContain(later.sha256.slice(0, 32));

    const listed = run('pdfdetach', ['-list', '-enc', 'UTF-8', packPath]).stdout;
    expect(occurrences(Buffer.from(listed), SECRETS)).toEqual([]);
    const out = join(tmp.dir, 'detached');
    mkdirSync(out);
    run('pdfdetach', ['-saveall', '-o', out, packPath]);
    for (const name of readdirSync(out)) {
      expect(occurrences(Buffer.from(name), SECRETS), name).toEqual([]);
      expect(occurrences(readFileSync(join(out, name)), SECRETS), name).toEqual([]);
    }
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    const entry = manifest.files.find((f) => f.sha256 === secret.sha256)!;
    expect(entry).toMatchObject({
      originalName: 'Withheld file 1 (confidential)',
      description: '',
      detailsWithheld: true,
      embedded: false,
      size: secret.size,
      mediaType: 'application/octet-stream',
    });
    expect(manifest.files.find((f) => f.sha256 === later.sha256)).toMatchObject({
      originalName: 'Withheld file 2 (confidential)',
      detailsWithheld: true,
    });
    expect(manifest.files.find((f) => f.originalName === 'policy.pdf')).toMatchObject({
      description: 'Secure development policy',
      embedded: true,
    });
    expect(manifest.files.find((f) => f.originalName === 'policy.pdf')).not.toHaveProperty('detailsWithheld');
    const data = JSON.parse(readFileSync(join(out, 'assessment.json'), 'utf8')) as { detail: { evidence: EvidenceItem[] } };
    expect(data.detail.evidence.find((e) => e.id === secret.id)).toMatchObject({
      fileName: 'Withheld file 1 (confidential)',
      withholdDetails: true,
      confidential: true,
    });
  });

  it('imports the pack with the placeholder name, marked withheld, and no file', async () => {
    const ws = openWorkspace(join(tmp.dir, 'customer.sscp'));
    try {
      const result = await importPack(ws, packPath, { fingerprint });
      const items = ws.getAssessment(result.assessment.id).evidence;
      expect(items.find((e) => e.sha256 === secret.sha256)).toMatchObject({
        fileName: 'Withheld file 1 (confidential)',
        description: '',
        withholdDetails: true,
        confidential: true,
        present: false,
      });
      expect(items.find((e) => e.fileName === 'policy.pdf')).toMatchObject({ withholdDetails: false, present: true });
    } finally {
      ws.close();
    }
  });

  it('keeps the setting when the assessment is carried forward', () => {
    const ws = openWorkspace(dbPath);
    try {
      const { assessment } = carryForwardAssessment(ws, assessmentId);
      const items = ws.getAssessment(assessment.id).evidence;
      expect(items.find((e) => e.sha256 === secret.sha256)).toMatchObject({
        fileName: SECRET_NAME,
        description: SECRET_DESCRIPTION,
        withholdDetails: true,
      });
      expect(items.find((e) => e.sha256 === later.sha256)).toMatchObject({ withholdDetails: true });
    } finally {
      ws.close();
    }
  });

  it('shows a certification body the names and descriptions', async () => {
    const ws = openWorkspace(dbPath);
    const keys = openKeyStore(join(tmp.dir, 'home'));
    try {
      const next = ws.listAssessments().find((a) => a.assessment.state === 'draft')!.assessment;
      ws.updateClaim(next.id, '1.1.1', { status: 'done' });
      await exportPack(ws, createIdentityService(keys), {
        assessmentId: next.id,
        identityLabel: 'sro',
        passphrase: PASSPHRASE,
        outPath: certPath,
        profile: 'certification',
        acceptExceptions: true,
      });
    } finally {
      keys.close();
      ws.close();
    }
    const text = run('pdftotext', ['-enc', 'UTF-8', certPath, '-']).stdout;
    expect(text).toContain(SECRET_NAME.slice(0, 20));
    expect(text).not.toContain('Withheld file 1');
  }, 60_000);
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCheck, type CheckJson } from '../../../main/cli/commands/check';
import { formatVerification } from '../../../main/cli/verify-report';
import { buildPack } from '../../../main/pack/build-pack';
import { verifyPack } from '../../../main/pack/verify/verify-pack';
import { makePackInput, makeSigner, makeTempDir, run } from './fixtures';

/** "1 files", "1 confidential files are", "1 accepted exceptions": a count of one before a plural noun. */
const ONE_BEFORE_PLURAL =
  /(?<![\d.,])1 (?:[a-z-]+ ){0,2}(?:files|claims|entries|actions|exceptions|signatures|bytes|changes|items|checks)\b/;
/** dd/mm/yyyy or mm/dd/yyyy: the reader cannot tell which. */
const SLASHED_DATE = /\b\d{1,2}\/\d{1,2}\/\d{4}\b/;

/**
 * A customer pack with exactly one embedded and one withheld file, so every count the pack
 * and the verifier print can be 1, and remedial actions whose due day is at most 12, so a
 * slashed date would be ambiguous. Read back with pdftotext.
 */
describe('the words and dates a pack and its verification print', () => {
  const tmp = makeTempDir('pack-words');
  const packPath = join(tmp.dir, 'customer.pdf');
  let text: string;

  beforeAll(async () => {
    const signer = await makeSigner(false);
    const evidenceDir = join(tmp.dir, 'evidence');
    mkdirSync(evidenceDir);
    const input = makePackInput(
      evidenceDir,
      signer.signer,
      { profile: 'customer', acceptedExceptions: ['Claim 1.3.2 is not assessed yet.'] },
      [
        { fileName: 'policy.txt', mediaType: 'text/plain', content: Buffer.from('Secure development policy\n'), claims: ['1.1.1'] },
        {
          fileName: 'pen-test.txt',
          mediaType: 'text/plain',
          content: Buffer.from('Findings: none critical\n'),
          confidential: true,
          claims: ['1.3.1'],
        },
      ],
    );
    await buildPack(input, packPath);
    const r = run('pdftotext', ['-enc', 'UTF-8', packPath, '-']);
    expect(r.status).toBe(0);
    // Table cells wrap; join lines so a phrase split across them is still one phrase.
    text = r.stdout.replace(/\s+/g, ' ');
  });
  afterAll(() => tmp.cleanup());

  it('says "1 confidential file is withheld", with no count of one before a plural', () => {
    expect(text).toContain('1 confidential file is withheld from this edition: its hash');
    expect(text).toContain('2 evidence files');
    expect(text).toContain('This issue was open when the pack was signed. The Senior Responsible Owner accepted it explicitly');
    expect(text).not.toMatch(ONE_BEFORE_PLURAL);
  });

  it('writes every date spelled out, in tables too', () => {
    // Evidence valid from 1 June 2026; actions due 1 October 2026 and 31 March 2027.
    expect(text).toContain('1 June 2026');
    expect(text).toContain('1 October 2026');
    expect(text).toContain('31 March 2027');
    expect(text.match(SLASHED_DATE)?.[0]).toBeUndefined();
  });

  it('verification of that pack counts in the singular', async () => {
    const v = await verifyPack(packPath);
    const messages = v.checks.map((c) => c.message).join('\n');
    expect(messages).toContain('manifest.json lists 2 evidence files.');
    expect(messages).toContain(
      'The 1 embedded file matches the manifest, as does attestation.cdx.json; 1 confidential file is withheld and listed by hash.',
    );
    const printed = formatVerification(packPath, v);
    expect(printed).toContain('Evidence     1 file matches the manifest, 1 withheld');
    expect(printed).not.toMatch(ONE_BEFORE_PLURAL);
  });

  it('sscp check counts one entry and one file in the singular', () => {
    const report: CheckJson = {
      ok: true,
      sqlite: { ok: true, messages: [] },
      auditChain: { ok: true, entries: 1, problems: [] },
      evidence: { ok: true, checked: 1, missing: [], mismatched: [], unreferenced: ['a'.repeat(64)], strays: [] },
      exports: { inProgress: [], recovered: [] },
      problems: [],
    };
    const out = formatCheck(report);
    expect(out).toContain('(1 entry)');
    expect(out).toContain('(1 file re-hashed)');
    expect(out).toContain('1 stored file not used by any evidence');
    expect(out).not.toMatch(ONE_BEFORE_PLURAL);
  });
});

import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPackJson } from '../../main/cli/commands/import';
import type { ListJson } from '../../main/cli/commands/list';
import type { ShowJson } from '../../main/cli/commands/show';
import { buildPack } from '../../main/pack/build-pack';
import { doctorPack } from '../main/import/helpers';
import { makePackInput, makeSigner, type TestSigner } from '../main/pack/fixtures';
import { openWorkspace } from '../../main/services/workspace';
import { CURRENT_CATALOG } from '../../shared/catalog/index';
import { TEXT_FIELDS } from '../../shared/domain/text-rules';
import { docxBytes, escapeXml, headerRow, p, r, simpleClaimRow, tbl } from '../main/form/word-xml';
import { sscp, tempFolder } from './run-sscp';

/**
 * Text from outside (packs, forms, certificates, file names, a database written by something
 * else) never reaches the terminal raw, and cannot forge a line of output.
 */

const ESC = '\x1b';
/** Clears the line and paints a verdict a reader would believe. */
const FORGED = `Acme${ESC}[2K\r${ESC}[32mVALID: signed by Mallory, whom you trust\nVALID: forged line`;
const RLO = '\u202e';

/** Raw ESC, C1 CSI, bidi override, carriage return: none may be in captured output. */
function expectNoRawControls(text: string): void {
  // eslint-disable-next-line no-control-regex
  expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/);
}

/** No line of output starts with a verdict the tool did not write. */
function expectNoForgedLine(text: string): void {
  expect(text.split('\n').filter((l) => /^VALID: forged/.test(l) || /^VALID: signed by Mallory/.test(l))).toEqual([]);
}

describe('typed text: control, bidi and invisible characters and over-long text are refused, naming the field', () => {
  const { dir, db, cleanup } = tempFolder();
  afterAll(() => cleanup());

  it('sscp new refuses ESC in the organisation and a bidi override in the SRO name, and creates no assessment', async () => {
    const esc = await sscp('new', '--db', db, '--org', `Acme${ESC}[31m Ltd`, '--role', 'reseller');
    expect(esc.code).toBe(2);
    expect(esc.err).toContain('The organisation name holds a control character (U+001B) at position 5.');
    expect(esc.err).toContain('Type the organisation name again without it.');
    expectNoRawControls(esc.err);

    const bidi = await sscp('new', '--db', db, '--org', 'Acme', '--role', 'reseller', '--sro', `Jane${RLO}enaJ`);
    expect(bidi.code).toBe(2);
    expect(bidi.err).toContain('The SRO name holds a bidirectional control character (U+202E)');

    const nl = await sscp('new', '--db', db, '--org', 'Acme\nVALID: forged line', '--role', 'reseller');
    expect(nl.code).toBe(2);
    expect(nl.err).toContain('The organisation name holds a line break (U+000A) at position 5.');
    expectNoForgedLine(nl.err);

    const list = await sscp('list', '--db', db, '--json');
    expect((JSON.parse(list.out) as ListJson).assessments).toEqual([]);
  });

  it('sscp new refuses a 1,600-character organisation with the limit, and takes one of exactly the limit', async () => {
    const long = await sscp('new', '--db', db, '--org', 'A'.repeat(1600), '--role', 'reseller');
    expect(long.code).toBe(2);
    expect(long.err).toContain('The organisation name is 1,600 characters long; the most allowed is 200.');
    const max = await sscp('new', '--db', db, '--org', 'A'.repeat(200), '--role', 'reseller');
    expect(max.code, max.err).toBe(0);
  });

  it('sscp set refuses ESC in evidence text but keeps line breaks and tabs', async () => {
    const id = (await sscp('new', '--db', db, '--org', 'Acme', '--role', 'reseller')).out.trim();
    const bad = await sscp('set', id, '1.1.1', '--db', db, '--evidence-text', `ok${ESC}]0;pwned\x07`);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('The evidence text holds a control character (U+001B) at position 3.');
    const good = await sscp('set', id, '1.1.1', '--db', db, '--arguments', 'line one\n\tline two');
    expect(good.code, good.err).toBe(0);
    const shown = JSON.parse((await sscp('show', id, '--db', db, '--json')).out) as ShowJson;
    expect(shown.claims.find((c) => c.id === '1.1.1')?.arguments).toBe('line one\n\tline two');
  });

  it('sscp attach takes hidden characters out of a file name, prints a sha256sum line that sha256sum -c accepts, and says what it kept', async () => {
    const id = (await sscp('new', '--db', db, '--org', 'Acme', '--role', 'reseller')).out.trim();
    const folder = join(dir, 'files');
    mkdirSync(folder);
    writeFileSync(join(folder, `invoice${RLO}fdp.exe`), 'not really a pdf');
    writeFileSync(join(folder, 'back\\slash.txt'), 'backslash');
    writeFileSync(join(folder, 'two\nlines.txt'), 'two lines');
    const r = await sscp(
      'attach',
      id,
      '1.1.1',
      join(folder, 'back\\slash.txt'),
      join(folder, 'two\nlines.txt'),
      join(folder, `invoice${RLO}fdp.exe`),
      '--db',
      db,
    );
    expect(r.code, r.err).toBe(0);
    expectNoRawControls(r.out + r.err);
    expect(r.out.split('\n').filter(Boolean)).toHaveLength(3);
    expect(r.err).toContain('Note: invoice\\u{202e}fdp.exe is kept as evidence named "invoicefdp.exe".');
    // The first two lines are exactly what GNU sha256sum prints, escapes included.
    const lines = r.out.split('\n').slice(0, 2).join('\n') + '\n';
    writeFileSync(join(folder, 'SUMS'), lines);
    expect(execFileSync('sha256sum', ['-c', 'SUMS'], { cwd: folder, encoding: 'utf8' })).toContain('OK');
    const shown = JSON.parse((await sscp('show', id, '--db', db, '--json')).out) as ShowJson;
    expect(shown.evidence.map((e) => e.fileName).sort()).toEqual(['back\\slash.txt', 'invoicefdp.exe', 'two lines.txt']);
  });
});

describe('outside text is printed escaped: a database written by something else', () => {
  const { db, cleanup } = tempFolder();
  let id = '';
  beforeAll(async () => {
    id = (await sscp('new', '--db', db, '--org', 'Acme', '--role', 'reseller', '--product', 'Widget')).out.trim();
    // An older version, or another program, wrote what the checks now refuse.
    const raw = new Database(db);
    raw.prepare('UPDATE assessments SET organisation = ?, sro_name = ? WHERE id = ?').run(FORGED, `Eve${RLO}\u0085x`, id);
    raw.close();
  });
  afterAll(() => cleanup());

  it('sscp list and sscp show escape it visibly and keep it on its own line', async () => {
    for (const argv of [
      ['list', '--db', db],
      ['show', id, '--db', db],
    ]) {
      const r = await sscp(...argv);
      expect(r.code, r.err).toBe(0);
      expectNoRawControls(r.out);
      expectNoForgedLine(r.out);
      expect(r.out).toContain('Acme\\u{1b}[2K\\r\\u{1b}[32mVALID: signed by Mallory, whom you trust\\nVALID: forged line');
    }
    expect((await sscp('show', id, '--db', db)).out).toContain('SRO:       Eve\\u{202e}\\u{85}x');
  });

  it('--json stays valid JSON that gives back the exact text, with no raw control or bidi character', async () => {
    const r = await sscp('show', id, '--db', db, '--json');
    expectNoRawControls(r.out);
    const json = JSON.parse(r.out) as ShowJson;
    expect(json.assessment.organisation).toBe(FORGED);
    expect(json.assessment.sroName).toBe(`Eve${RLO}\u0085x`);
  });
});

describe('a crafted pack: names with ESC, bidi overrides and line breaks', () => {
  const { dir, db, cleanup } = tempFolder();
  let signer: TestSigner;
  let packPath = '';
  beforeAll(async () => {
    signer = await makeSigner(false);
    // Built through the pack builder directly: no input checks, as a hostile sender would.
    const input = makePackInput(dir, signer.signer, {}, [
      { fileName: `invoice${RLO}fdp.exe`, mediaType: 'application/octet-stream', content: Buffer.from('MZ fake'), claims: ['1.1.1'] },
      { fileName: 'two\nlines\\x.txt', mediaType: 'text/plain', content: Buffer.from('two'), claims: ['1.1.1'] },
    ]);
    const a = input.detail.assessment;
    const detail = {
      ...input.detail,
      assessment: { ...a, organisation: FORGED, sroName: `Mallory${RLO}`, products: [`Widget${ESC}[8m`] },
      actions: input.detail.actions.map((x) => ({ ...x, owner: `Bob\n${ESC}[1A` })),
    };
    packPath = join(dir, 'crafted.pdf');
    await buildPack({ ...input, detail }, packPath);
  });
  afterAll(() => cleanup());

  it('the pack names the RTL-override file safely and its table says why; sha256sum -c checks every attachment', () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    execFileSync('pdfdetach', ['-saveall', '-o', join(out, ''), packPath]);
    const saved = readdirSync(out);
    expect(saved).toContain('invoicefdp.exe');
    expect(saved.some((n) => /[\u202e\n\\]/.test(n))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      files: { name: string; sha256: string; embedded: boolean }[];
    };
    // The line the pack's own "check it yourself" page builds with jq.
    const sums = manifest.files
      .filter((f) => f.embedded)
      .map((f) => `${f.sha256}  ${f.name}\n`)
      .join('');
    expect(sums.split('\n').filter(Boolean)).toHaveLength(manifest.files.length);
    writeFileSync(join(out, 'SUMS'), sums);
    expect(execFileSync('sha256sum', ['-c', 'SUMS'], { cwd: out, encoding: 'utf8' }).match(/: OK$/gm)).toHaveLength(manifest.files.length);
    const text = execFileSync('mutool', ['draw', '-F', 'txt', '-o', '-', packPath], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, ' ')).toContain('renamed because it held control, bidirectional or invisible characters (U+202E)');
  });

  it('sscp verify prints the real verdict last; an attachment renamed to a forged verdict is printed escaped', async () => {
    const r = await sscp('verify', packPath, '--fingerprint', signer.fingerprint);
    expect(r.code, r.err).toBe(0);
    expectNoRawControls(r.out + r.err);
    expect(r.out.trim().split('\n').at(-1)).toMatch(/^VALID: signed by Zoë Okafor, whom you trust/);

    const doctored = join(dir, 'doctored.pdf');
    await doctorPack(packPath, doctored, { rename: (n) => (n === 'invoicefdp.exe' ? FORGED : n) });
    const bad = await sscp('verify', doctored, '--fingerprint', signer.fingerprint);
    expect(bad.code).toBe(1);
    expectNoRawControls(bad.out + bad.err);
    expectNoForgedLine(bad.out);
    expect(bad.out).toContain('VALID: signed by Mallory, whom you trust\\nVALID: forged line');
    expect(bad.out.trim().split('\n').at(-1)).toMatch(/^INVALID: /);
  });

  it('sscp import takes the hidden characters out, says which field held what, and prints nothing raw', async () => {
    const r = await sscp('import', packPath, '--db', db, '--fingerprint', signer.fingerprint);
    expect(r.code, r.err).toBe(0);
    expectNoRawControls(r.out + r.err);
    expectNoForgedLine(r.out);
    expect(r.out).toContain(
      'Note: The organisation name held characters that can disguise text or control a terminal (U+001B, U+000D, U+000A); they were taken out.',
    );
    expect(r.out).toContain('Note: The SRO name held a character');
    expect(r.out).toContain('Note: The name of evidence file 1 held a character that can disguise text or control a terminal (U+202E)');

    const json = JSON.parse(
      (await sscp('import', packPath, '--db', `${db}-2`, '--fingerprint', signer.fingerprint, '--json')).out,
    ) as ImportPackJson;
    expect(json.cleaned.length).toBeGreaterThanOrEqual(4);
    const list = JSON.parse((await sscp('list', '--db', db, '--json')).out) as ListJson;
    const imported = list.assessments[0]!;
    expect(imported.organisation).toBe('Acme[2K [32mVALID: signed by Mallory, whom you trust VALID: forged line');
    expect(imported.sroName).toBe('Mallory');
    expect(imported.products).toEqual(['Widget[8m']);
  });
});

describe('a Word form with hidden characters', () => {
  const { dir, db, cleanup } = tempFolder();
  afterAll(() => cleanup());

  it('import-form takes them out, lists each under "Please check", and prints nothing raw', async () => {
    const claim = CURRENT_CATALOG.themes[0]!.principles[0]!.claims[0]!;
    const body =
      p(r(`Organisation: Acme${RLO}evil`)) +
      p(r(`Role: Boss${ESC}[2J`)) +
      tbl(headerRow(), simpleClaimRow(`Claim ${claim.id}`, escapeXml(claim.title), 'Policy\u009b31m v2', 'We assume\u200b nothing'));
    const form = join(dir, 'form.docx');
    writeFileSync(form, docxBytes(body));
    const r1 = await sscp('import-form', form, '--db', db);
    expect(r1.code, r1.err).toBe(0);
    expectNoRawControls(r1.out + r1.err);
    expectNoForgedLine(r1.out);
    expect(r1.out).toContain(
      '- The Organisation field held a character that can disguise text or control a terminal (U+202E); it was taken out.',
    );
    expect(r1.out).toContain('- The assessor Role field held a character that can disguise text or control a terminal (U+001B)');
    expect(r1.out).toContain(
      `- The Evidence cell of claim ${claim.id} held a character that can disguise text or control a terminal (U+009B)`,
    );
    expect(r1.out).toContain(
      `- The Arguments / Assumptions cell of claim ${claim.id} held a character that can disguise text or control a terminal (U+200B)`,
    );
    const list = JSON.parse((await sscp('list', '--db', db, '--json')).out) as ListJson;
    expect(list.assessments[0]).toMatchObject({ organisation: 'Acmeevil', sroRole: 'Boss[2J' });
  });

  it('refuses a form whose organisation is over the limit, naming the field and the limit, and writes nothing', async () => {
    const claim = CURRENT_CATALOG.themes[0]!.principles[0]!.claims[0]!;
    const form = join(dir, 'long.docx');
    writeFileSync(
      form,
      docxBytes(
        p(r(`Organisation: ${'A'.repeat(1600)}`)) + tbl(headerRow(), simpleClaimRow(`Claim ${claim.id}`, escapeXml(claim.title), 'x')),
      ),
    );
    const r2 = await sscp('import-form', form, '--db', `${db}-long`);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('long.docx cannot be imported: the Organisation field is 1,600 characters long, and the most allowed is 200.');
  });
});

describe('the limits are one set: every value new/set accept at its maximum, export signs and import takes back', () => {
  const { dir, db, cleanup } = tempFolder();
  afterAll(() => cleanup());

  it('round-trips maximum-length names, texts, actions and evidence through a signed pack', async () => {
    const F = TEXT_FIELDS;
    const org = 'O'.repeat(F.organisation.max - 3) + 'Ltd';
    const products = Array.from({ length: 3 }, (_, i) => `${i}`.padEnd(F.product.max, 'p'));
    const id = (
      await sscp(
        'new',
        '--db',
        db,
        '--org',
        org,
        '--role',
        'reseller',
        ...products.flatMap((x) => ['--product', x]),
        '--sro',
        'S'.repeat(F.sroName.max),
        '--sro-role',
        'R'.repeat(F.sroRole.max),
      )
    ).out.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const evidenceText = `${'Evidence line.\n'.repeat(Math.floor(F.evidenceText.max / 15))}`.padEnd(F.evidenceText.max, 'e');
    const args = 'A'.repeat(F.arguments.max);
    expect((await sscp('set', id, '1.1.1', '--db', db, '--result', 'met', '--evidence-text', evidenceText, '--arguments', args)).code).toBe(
      0,
    );
    const fileName = `${'n'.repeat(F.evidenceName.max - 4)}.txt`;
    writeFileSync(join(dir, fileName), 'evidence');
    const description = 'd'.repeat(F.evidenceDescription.max);
    const attached = await sscp('attach', id, '1.1.1', join(dir, fileName), '--db', db, '--description', description);
    expect(attached.code, attached.err).toBe(0);
    const ws = openWorkspace(db, { mustExist: true });
    ws.addAction(id, {
      claimId: '1.1.1',
      description: 'x'.repeat(F.actionDescription.max),
      owner: 'w'.repeat(F.actionOwner.max),
      dueDate: null,
    });
    ws.close();

    const passFile = join(dir, 'pass.txt');
    writeFileSync(passFile, 'correct horse battery staple\n');
    const label = 'L'.repeat(F.identityLabel.max);
    const created = await sscp(
      'identity',
      'create',
      '--db',
      db,
      '--label',
      label,
      '--sro',
      'S'.repeat(F.certificateName.max),
      '--sro-role',
      'CTO',
      '--org',
      'Acme',
      '--passphrase-file',
      passFile,
    );
    expect(created.code, created.err).toBe(0);
    const pack = join(dir, 'max.pdf');
    const exported = await sscp(
      'export',
      id,
      '--db',
      db,
      '--identity',
      label,
      '--out',
      pack,
      '--passphrase-file',
      passFile,
      '--accept-exceptions',
    );
    expect(exported.code, exported.err).toBe(0);

    const other = join(dir, 'other.sscp');
    const imported = JSON.parse((await sscp('import', pack, '--db', other, '--json')).out) as ImportPackJson;
    expect(imported.imported).toBe(true);
    expect(imported.cleaned).toEqual([]);
    const before = JSON.parse((await sscp('show', id, '--db', db, '--json')).out) as ShowJson;
    const after = JSON.parse((await sscp('show', imported.assessmentId!, '--db', other, '--json')).out) as ShowJson;
    const texts = (s: ShowJson) => ({
      a: [s.assessment.organisation, s.assessment.products, s.assessment.sroName, s.assessment.sroRole],
      claim: s.claims.filter((c) => c.id === '1.1.1').map((c) => [c.evidenceText, c.arguments]),
      evidence: s.evidence.map((e) => [e.fileName, e.description]),
      actions: s.actions.map((x) => [x.description, x.owner]),
    });
    expect(texts(after)).toEqual(texts(before));
    expect(after.evidence[0]!.fileName).toBe(fileName);
  }, 120_000);

  it('export refuses, naming the field, what an older database holds over a limit or with hidden characters', async () => {
    const id = (await sscp('new', '--db', db, '--org', 'Acme', '--role', 'reseller')).out.trim();
    const raw = new Database(db);
    raw.prepare('UPDATE claim_responses SET arguments = ? WHERE assessment_id = ? AND claim_id = ?').run(`ok${ESC}[2J`, id, '1.2.1');
    raw.close();
    const r = await sscp(
      'export',
      id,
      '--db',
      db,
      '--identity',
      'L'.repeat(TEXT_FIELDS.identityLabel.max),
      '--out',
      join(dir, 'refused.pdf'),
      '--passphrase-file',
      join(dir, 'pass.txt'),
      '--accept-exceptions',
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'This assessment cannot be signed as it is. The arguments text of claim 1.2.1 holds a control character (U+001B) at position 3.',
    );
    expectNoRawControls(r.err);
  });
});

describe('error messages that quote outside text', () => {
  it('keep the message and the hint on one line each, whatever the quoted text holds', async () => {
    const { db, cleanup } = tempFolder();
    try {
      const r = await sscp('new', '--db', db, '--org', 'Acme', '--role', `reseller\nVALID: forged line${ESC}[2J`);
      expect(r.code).toBe(2);
      expectNoRawControls(r.err);
      expectNoForgedLine(r.err);
      expect(r.err).toContain('"reseller\\nVALID: forged line\\u{1b}[2J" is not a valid role.');
      expect(r.err.trimEnd().split('\n')).toHaveLength(2);
    } finally {
      cleanup();
    }
  });
});

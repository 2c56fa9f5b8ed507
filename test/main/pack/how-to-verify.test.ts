import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../../main/pack/build-pack';
import { makePackInput, makeSigner, makeTempDir, run, type TestSigner } from './fixtures';

const SSCP_BIN = resolve(import.meta.dirname, '../../../bin/sscp.mjs');

/**
 * The command blocks the "How to verify this pack" page prints, as a reader sees them: the
 * page's text is read back with mutool (stext, which names each glyph's font) and every
 * block set wholly in the monospaced font, between the page heading and "The signer", is one
 * command block, its lines joined as printed.
 */
function printedCommands(packPath: string): string[] {
  const r = run('mutool', ['draw', '-F', 'stext', '-o', '-', packPath]);
  expect(r.status).toBe(0);
  const doc = new DOMParser().parseFromString(r.stdout, 'text/xml');
  const blocks = Array.from(doc.getElementsByTagName('block'));
  const lineText = (line: Element): string =>
    Array.from(line.getElementsByTagName('char'))
      .map((c) => c.getAttribute('c') ?? '')
      .join('');
  const blockText = (block: Element): string => Array.from(block.getElementsByTagName('line')).map(lineText).join('\n');
  const isMono = (block: Element): boolean => {
    const fonts = Array.from(block.getElementsByTagName('font'));
    return fonts.length > 0 && fonts.every((f) => /Mono/.test(f.getAttribute('name') ?? ''));
  };
  const start = blocks.findIndex((b) => blockText(b).trim() === 'How to verify this pack');
  const end = blocks.findIndex((b, i) => i > start && blockText(b).trim() === 'The signer');
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return blocks
    .slice(start, end)
    .filter(isMono)
    .map((b) => blockText(b).trimEnd());
}

/** Runs one printed block with bash in `cwd`, `sscp` on the PATH meaning this checkout's CLI. */
function runBlock(block: string, cwd: string, binDir: string): { status: number; output: string } {
  const r = spawnSync('bash', ['-c', block], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${binDir}:${process.env.PATH ?? ''}`, SSCP_DEBUG: '' },
    maxBuffer: 16 * 1024 * 1024,
  });
  return { status: r.status ?? -1, output: r.stdout + r.stderr };
}

describe('the "How to verify this pack" page, run as printed', () => {
  const tmp = makeTempDir('how-to-verify');
  const packPath = join(tmp.dir, 'built.pdf');
  const binDir = join(tmp.dir, 'bin');
  let signer: TestSigner;
  let commands: string[];

  beforeAll(async () => {
    signer = await makeSigner(true);
    const evidenceDir = join(tmp.dir, 'evidence');
    mkdirSync(evidenceDir);
    await buildPack(makePackInput(evidenceDir, signer.signer), packPath);
    mkdirSync(binDir);
    writeFileSync(join(binDir, 'sscp'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(SSCP_BIN)} "$@"\n`);
    chmodSync(join(binDir, 'sscp'), 0o755);
    commands = printedCommands(packPath);
  });
  afterAll(() => tmp.cleanup());

  /** A folder holding only the pack (as PACK.pdf) and the organisation's root certificate. */
  function freshFolder(name: string, tamper?: (path: string) => void): string {
    const dir = join(tmp.dir, name);
    mkdirSync(dir);
    copyFileSync(packPath, join(dir, 'PACK.pdf'));
    writeFileSync(join(dir, 'organisation-root.pem'), signer.rootPem!);
    tamper?.(join(dir, 'PACK.pdf'));
    return dir;
  }

  it('prints five command blocks, each naming the pack as PACK.pdf', () => {
    expect(commands).toHaveLength(5);
    for (const c of commands) expect(c).toContain('PACK.pdf');
    expect(commands[0]).toContain(signer.fingerprint);
  });

  it('every block succeeds, verbatim, on the pack as signed', () => {
    const dir = freshFolder('intact');
    expect(readdirSync(dir).sort()).toEqual(['PACK.pdf', 'organisation-root.pem']);
    for (const [i, block] of commands.entries()) {
      const r = runBlock(block, dir, binDir);
      expect({ step: i + 1, status: r.status, output: r.output }).toMatchObject({ step: i + 1, status: 0 });
    }
    // Step 3 really compared files: sha256sum said OK for each.
    expect(runBlock(commands[2]!, dir, binDir).output).toMatch(/: OK$/m);
    // ...the CycloneDX attestation among them, by the manifest's dataFiles.
    expect(runBlock(commands[2]!, dir, binDir).output).toMatch(/^attestation\.cdx\.json: OK$/m);
    // Step 5 really read the certification: DocMDP at level 1.
    expect(runBlock(commands[4]!, dir, binDir).output).toMatch(/\/TransformMethod \/DocMDP[\s\S]*\/P 1\n/);
  });

  it('the certification step fails on a copy a PDF editor added a note to, and on one whose certification was edited out', () => {
    const script = join(tmp.dir, 'annotate.js');
    writeFileSync(
      script,
      'var doc = new PDFDocument(scriptArgs[0]); var a = doc.loadPage(0).createAnnotation("Text"); a.setContents("later"); a.update(); doc.save(scriptArgs[0], "incremental");\n',
    );
    const annotated = freshFolder('annotated', (p) => expect(run('mutool', ['run', script, p]).status).toBe(0));
    expect(runBlock(commands[4]!, annotated, binDir).status).not.toBe(0);
    const relaxed = freshFolder('relaxed', (p) => {
      const pdf = readFileSync(p);
      const at = pdf.indexOf('/P 1 /V /1.2');
      expect(at).toBeGreaterThan(0);
      pdf.write('/P 3 /V /1.2', at, 'latin1');
      writeFileSync(p, pdf);
    });
    const r = runBlock(commands[4]!, relaxed, binDir);
    expect(r.status).not.toBe(0);
  });

  it('the signature steps fail on a copy with bytes appended after signing', () => {
    const dir = freshFolder('appended', (p) => appendFileSync(p, '\n% appended after signing\n'));
    const statuses = commands.map((block) => runBlock(block, dir, binDir).status);
    // 1 (sscp), 2 (pdfsig), 4 (openssl) and 5 (mutool) check the whole file; 3 checks only attachments.
    expect(statuses[0]).toBe(1);
    expect(statuses[1]).not.toBe(0);
    expect(statuses[2]).toBe(0);
    expect(statuses[3]).not.toBe(0);
    expect(statuses[4]).not.toBe(0);
    expect(runBlock(commands[3]!, dir, binDir).output).toContain('NOT VALID: bytes were added after signing.');
  });
});

import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowJson } from '../../main/cli/commands/show';
import { buildPack } from '../../main/pack/build-pack';
import { makePackInput, makeSigner } from '../main/pack/fixtures';
import { sscp, tempFolder, type CliResult } from './run-sscp';
import { createIdentity, newAssessment, writePassphraseFile } from './cli-fixtures';

/**
 * Real kernel failures, not injected ones: the real sscp binary runs in a private mount
 * namespace (`unshare -rm`, no privileges needed where user namespaces are allowed) where a
 * folder is bind-mounted read-only (EROFS) or is a tmpfs of a few KiB (ENOSPC). Skipped, and
 * saying so, where the kernel does not allow that; write-failures.test.ts covers the same
 * paths by injection everywhere.
 */
const canUnshare = process.platform === 'linux' && spawnSync('unshare', ['-rm', 'true']).status === 0;
const BIN = resolve(import.meta.dirname, '../../bin/sscp.mjs');

/** Runs `setup` in a new mount namespace, then sscp, then lists `listed` (so what is left in a tmpfs can be seen before it vanishes). */
async function inNamespace(setup: string, listed: string, ...argv: string[]): Promise<CliResult & { left: string[] }> {
  const script = `${setup} || exit 99; "$0" "$@" 2>"${listed}.err" >/dev/null; code=$?; cat "${listed}.err" >&2; ls -A "${listed}"; exit $code`;
  try {
    const { stdout, stderr } = await promisify(execFile)('unshare', ['-rm', 'sh', '-c', script, process.execPath, BIN, ...argv], {
      env: { ...process.env, SSCP_DEBUG: '' },
    });
    return { code: 0, out: '', err: stderr, left: stdout.split('\n').filter(Boolean) };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    if (typeof x.code !== 'number') throw e;
    return { code: x.code, out: '', err: x.stderr ?? '', left: (x.stdout ?? '').split('\n').filter(Boolean) };
  }
}

describe.skipIf(!canUnshare)('write failures from the real kernel (read-only mount, full tmpfs)', () => {
  const { dir, db, cleanup } = tempFolder();
  const passFile = join(dir, 'pass.txt');
  const readOnly = join(dir, 'read-only');
  const tiny = join(dir, 'tiny');
  let id = '';
  const readOnlyMount = `mount --bind ${readOnly} ${readOnly} && mount -o remount,bind,ro ${readOnly}`;
  const tinyMount = `mount -t tmpfs -o size=8k sscp-test ${tiny}`;

  beforeAll(async () => {
    mkdirSync(readOnly);
    mkdirSync(tiny);
    writePassphraseFile(dir);
    id = await newAssessment(db);
    await createIdentity({ passFile, db, withRoot: true });
  });
  afterAll(() => cleanup());

  it('identity export-cert into a read-only folder: EROFS in plain words, exit 2', async () => {
    const r = await inNamespace(
      readOnlyMount,
      readOnly,
      'identity',
      'export-cert',
      'ada',
      '--db',
      db,
      '--root',
      '--out',
      join(readOnly, 'root.pem'),
    );
    expect(r.err).toBe(
      `sscp: The folder ${readOnly} is read-only, so the certificate cannot be written there.\nChoose another folder for the certificate.\n`,
    );
    expect(r.code).toBe(2);
    expect(r.left).toEqual([]);
  });

  it('export-form onto a full disk: ENOSPC in plain words, exit 2, no temp file left on that disk', async () => {
    const r = await inNamespace(tinyMount, tiny, 'export-form', id, '--db', db, '--out', join(tiny, 'form.docx'));
    expect(r.err).toContain(`sscp: The disk holding ${tiny} is full: the Word form did not fit, and nothing was written.`);
    expect(r.code).toBe(2);
    expect(r.left.filter((n) => !n.endsWith('.err'))).toEqual([]);
  });

  it('export-cdx onto a full disk: ENOSPC in plain words, exit 2, no temp file left on that disk', async () => {
    const r = await inNamespace(tinyMount, tiny, 'export-cdx', id, '--db', db, '--out', join(tiny, 'attestation.cdx.json'));
    expect(r.err).toContain(`sscp: The disk holding ${tiny} is full: the attestation did not fit, and nothing was written.`);
    expect(r.code).toBe(2);
    expect(r.left.filter((n) => !n.endsWith('.err'))).toEqual([]);
  });

  it('import of a pack into a database on a full disk: ENOSPC in plain words, exit 2, nothing left on that disk', async () => {
    const signer = await makeSigner(false);
    const file = (name: string) => ({ fileName: name, mediaType: 'application/zip', content: randomBytes(64 * 1024), claims: ['1.1.1'] });
    const pack = join(dir, 'to-import.pdf');
    await buildPack(makePackInput(dir, signer.signer, {}, [file('first.zip'), file('second.zip')]), pack);
    const r = await inNamespace(tinyMount, tiny, 'import', pack, '--db', join(tiny, 'new.sscp'), '--fingerprint', signer.fingerprint);
    // The evidence is written out while the pack is verified, before any database exists: the
    // disk fills there, and what was written, with the folders it went in, is deleted.
    expect(r.err).toContain('sscp: The evidence in to-import.pdf could not be stored (ENOSPC');
    expect(r.err).toContain('Check that the disk is not full and that you may write to the evidence folder.');
    expect(r.code).toBe(2);
    expect(r.left.filter((n) => !n.endsWith('.err'))).toEqual([]);
  });

  it('export onto a full disk: ENOSPC in plain words, exit 2, no .partial left, the assessment not signed', async () => {
    const r = await inNamespace(
      tinyMount,
      tiny,
      'export',
      id,
      '--db',
      db,
      '--identity',
      'ada',
      '--out',
      join(tiny, 'pack.pdf'),
      '--passphrase-file',
      passFile,
      '--accept-exceptions',
    );
    expect(r.err).toContain(`sscp: The disk holding ${tiny} is full: the pack did not fit, and nothing was written.`);
    expect(r.code).toBe(2);
    expect(r.left.filter((n) => !n.endsWith('.err'))).toEqual([]);
    const show = JSON.parse((await sscp('show', id, '--db', db, '--json')).out) as ShowJson;
    expect(show.assessment.state).toBe('draft');
    expect(readdirSync(tiny)).toEqual([]);
  });
});

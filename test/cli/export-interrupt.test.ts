import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { keyStoreHomeFor, LABEL, PASSPHRASE, makeExportFixture } from '../main/pack/export-fixture';
import { makeTempDir } from '../main/pack/fixtures';

const BIN = resolve(import.meta.dirname, '../../bin/sscp.mjs');

/**
 * Runs the real `sscp` in a child process, as a shell would, and sends it `signal` on the first
 * line of its standard error that matches `when`. Resolves with its exit status and output.
 */
function runAndInterrupt(
  argv: readonly string[],
  env: Record<string, string>,
  when: RegExp,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; signalled: boolean; err: string; out: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      env: { ...process.env, SSCP_DEBUG: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    let out = '';
    let signalled = false;
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      err += c;
      if (!signalled && when.test(err)) {
        signalled = true;
        child.kill(signal);
      }
    });
    child.on('error', fail);
    child.on('exit', (code) => done({ code, signalled, err, out }));
  });
}

describe('Ctrl-C during sscp export', () => {
  const tmp = makeTempDir('export-interrupt');
  afterAll(() => tmp.cleanup());

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s while it embeds the evidence: exit 130, "cancelled", no pack, no temp file, the assessment released',
    async (signal) => {
      // Big enough that the export is still embedding when the signal arrives.
      const { dbPath, assessmentId } = await makeExportFixture(tmp.dir, signal, 3, 24 * 1024 * 1024);
      const passFile = join(tmp.dir, `${signal}.pass`);
      writeFileSync(passFile, `${PASSPHRASE}\n`);
      const outDir = join(tmp.dir, `${signal}-out`);
      mkdirSync(outDir);
      const argv = ['export', assessmentId, '--db', dbPath, '--identity', LABEL, '--out', join(outDir, 'pack.pdf')];
      const run = await runAndInterrupt(
        [...argv, '--passphrase-file', passFile, '--accept-exceptions'],
        { SSCP_HOME: keyStoreHomeFor(dbPath) },
        /Embedding evidence/,
        signal,
      );
      expect(run.signalled).toBe(true);
      expect(run.err).toMatch(/Stopping the export/);
      expect(run.err).toMatch(/The export was cancelled; no pack was written\./);
      expect(run.out).toBe('');
      expect(run.code).toBe(130);
      // Nothing at the destination, nothing half-written beside it.
      expect(readdirSync(outDir)).toEqual([]);
      expect(existsSync(join(outDir, 'pack.pdf'))).toBe(false);
      // The lease was released by the command itself, not left for the next open to recover.
      const db = new Database(dbPath, { readonly: true });
      try {
        expect(db.prepare('SELECT count(*) AS n FROM export_leases').get()).toEqual({ n: 0 });
        expect(db.prepare('SELECT signed_at FROM assessments WHERE id = ?').get(assessmentId)).toEqual({ signed_at: null });
      } finally {
        db.close();
      }
    },
    120_000,
  );
});

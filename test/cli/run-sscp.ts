import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runCli } from '../../main/cli/run';
import { TEST_KEY_COST } from '../helpers/key-cost';

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `sscp` in-process, capturing what it prints; keys and backups at TEST_KEY_COST. */
export async function sscp(...argv: string[]): Promise<CliResult> {
  return sscpWith({}, ...argv);
}

/** Runs `sscp` in-process with more in its environment, and standard input if given. */
export async function sscpWith(
  given: { readonly env?: Record<string, string>; readonly stdin?: string },
  ...argv: string[]
): Promise<CliResult> {
  let out = '';
  let err = '';
  const stdin = given.stdin;
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    // The test setup's temp key store (test/setup/sscp-home.ts), never the real one.
    env: { SSCP_HOME: process.env.SSCP_HOME, ...given.env },
    isTTY: false,
    ...(stdin === undefined ? {} : { stdin: () => [stdin] }),
    keyCost: TEST_KEY_COST,
  });
  return { code, out, err };
}

const BIN = resolve(import.meta.dirname, '../../bin/sscp.mjs');

/** Runs the real `bin/sscp.mjs` in a child Node process, as a user's shell would. */
export async function sscpBin(cwd: string, ...argv: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...argv], {
      cwd,
      env: { ...process.env, SSCP_DEBUG: '' },
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    if (typeof x.code !== 'number') throw e;
    return { code: x.code, out: x.stdout ?? '', err: x.stderr ?? '' };
  }
}

export function tempFolder(): { dir: string; db: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sscp-cli-'));
  return { dir, db: join(dir, 'assessments.sscp'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, VERSION } from '../../main/cli/run';

describe('sscp --version', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it('prints the version and exits 0', async () => {
    let out = '';
    const code = await runCli(['--version'], { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, env: {}, isTTY: false });
    expect(code).toBe(0);
    expect(out.trim()).toBe(VERSION);
  });

  it('rejects an unknown command with exit code 2', async () => {
    let err = '';
    const code = await runCli(['frobnicate'], { stdout: { write: () => true }, stderr: { write: (s: string) => (err += s) }, env: {}, isTTY: false });
    expect(code).toBe(2);
    expect(err).toMatch(/unknown command/);
  });
});

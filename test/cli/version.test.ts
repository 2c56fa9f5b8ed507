import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sscp, sscpBin } from './run-sscp';

const PACKAGE_JSON = resolve(import.meta.dirname, '../../package.json');
const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string };

describe('sscp --version', () => {
  afterEach(() => {
    vi.doUnmock(PACKAGE_JSON);
    vi.resetModules();
  });

  it("prints package.json's version and exits 0", async () => {
    const { code, out } = await sscp('--version');
    expect(code).toBe(0);
    expect(out.trim()).toBe(pkg.version);
  });

  it('prints it from the real bin/sscp.mjs too', async () => {
    const { code, out } = await sscpBin(import.meta.dirname, '--version');
    expect(code).toBe(0);
    expect(out.trim()).toBe(pkg.version);
  });

  it('has package.json as its only source: a new version there is what the CLI and the pack say', async () => {
    vi.resetModules();
    vi.doMock(PACKAGE_JSON, () => ({ default: { ...pkg, version: '98.76.54-test' } }));
    const { runCli } = await import('../../main/cli/run');
    let out = '';
    const code = await runCli(['--version'], {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: () => true },
      env: {},
      isTTY: false,
    });
    expect(code).toBe(0);
    expect(out.trim()).toBe('98.76.54-test');
    const { APP_VERSION } = await import('../../main/version');
    expect(APP_VERSION).toBe('98.76.54-test');
  });

  it('rejects an unknown command with exit code 2', async () => {
    const { code, err } = await sscp('frobnicate');
    expect(code).toBe(2);
    expect(err).toMatch(/unknown command/);
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../main/cli/run';
import { sscp } from './run-sscp';

describe('sscp --version', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it('prints the version and exits 0', async () => {
    const { code, out } = await sscp('--version');
    expect(code).toBe(0);
    expect(out.trim()).toBe(VERSION);
  });

  it('rejects an unknown command with exit code 2', async () => {
    const { code, err } = await sscp('frobnicate');
    expect(code).toBe(2);
    expect(err).toMatch(/unknown command/);
  });
});

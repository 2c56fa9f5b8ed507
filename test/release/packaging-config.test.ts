import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const CONFIG = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');

/**
 * The `key: value` lines directly under a top-level key of electron-builder.yml. Enough for
 * the flat blocks checked here, without a YAML parser the project does not depend on.
 */
function block(yaml: string, key: string): Map<string, string> {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => l === `${key}:`);
  expect(start, `electron-builder.yml has no top-level "${key}:"`).toBeGreaterThanOrEqual(0);
  const entries = new Map<string, string>();
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break;
    const m = /^\s+([\w.-]+):\s*(.*?)\s*$/.exec(line);
    if (m) entries.set(m[1]!, m[2]!);
  }
  return entries;
}

function topLevel(yaml: string, key: string): string | undefined {
  return new RegExp(`^${key}:[ \\t]*(.*?)[ \\t]*$`, 'm').exec(yaml)?.[1];
}

describe('electron-builder.yml', () => {
  it('sets the Electron fuses that stop the installed app being used as a Node.js runtime or having its code swapped', () => {
    const fuses = block(CONFIG, 'electronFuses');
    expect(fuses.get('runAsNode')).toBe('false');
    expect(fuses.get('enableNodeOptionsEnvironmentVariable')).toBe('false');
    expect(fuses.get('enableNodeCliInspectArguments')).toBe('false');
    expect(fuses.get('enableEmbeddedAsarIntegrityValidation')).toBe('true');
    expect(fuses.get('onlyLoadAppFromAsar')).toBe('true');
  });

  it('configures no update feed: the app never fetches anything, updates are installed by hand', () => {
    expect(topLevel(CONFIG, 'publish')).toBe('null');
  });

  it('writes the installers where npm run dist writes the SBOM and SHA256SUMS', () => {
    const output = block(CONFIG, 'directories').get('output');
    const dist = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.dist!;
    expect(output).toBeDefined();
    expect(dist).toContain(`node scripts/sbom.mjs --out ${output}/sbom.cdx.json`);
    expect(dist).toContain(`node scripts/checksums.mjs ${output}`);
    // Checksums come last, so they cover the installers and the SBOM.
    expect(dist.trim().endsWith(`node scripts/checksums.mjs ${output}`)).toBe(true);
  });

  it('reads blocks the way the checks above assume (the parser is not vacuous)', () => {
    const sample = 'a: 1\nelectronFuses:\n  runAsNode: false\n  # note\n  onlyLoadAppFromAsar: true\nnext:\n  x: y\npublish: null\n';
    expect([...block(sample, 'electronFuses')]).toEqual([
      ['runAsNode', 'false'],
      ['onlyLoadAppFromAsar', 'true'],
    ]);
    expect(topLevel(sample, 'publish')).toBe('null');
  });
});

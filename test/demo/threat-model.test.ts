import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const THREAT_MODEL = readFileSync(join(ROOT, 'docs/threat-model.md'), 'utf8');

interface ControlRow {
  readonly id: string;
  readonly code: readonly string[];
  readonly tests: readonly string[];
}

/** The rows of the threat tables: `| T1 | STRIDE | threat | control | code | test |`. */
function controlRows(markdown: string): ControlRow[] {
  return markdown
    .split('\n')
    .filter((line) => /^\| T\d+ \|/.test(line))
    .map((line) => {
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      const paths = (cell: string | undefined): string[] => [...(cell ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
      return { id: cells[0]!, code: paths(cells[4]), tests: paths(cells[5]) };
    });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts|js|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}

describe('docs/threat-model.md', () => {
  const rows = controlRows(THREAT_MODEL);

  // IDs are handed out in blocks to work done in parallel, so a branch may skip some: they
  // must still only ascend, never repeat.
  it('has numbered threats T1, T2, … in ascending order with no repeats', () => {
    expect(rows.length).toBeGreaterThanOrEqual(20);
    const numbers = rows.map((r) => Number(/^T(\d+)$/.exec(r.id)?.[1]));
    expect(numbers[0]).toBe(1);
    for (let i = 1; i < numbers.length; i++) expect(numbers[i], rows[i]!.id).toBeGreaterThan(numbers[i - 1]!);
  });

  it('points every control at code and at a test, and every path exists', () => {
    for (const row of rows) {
      expect(row.code.length, `${row.id} names no code`).toBeGreaterThan(0);
      expect(row.tests.length, `${row.id} names no test`).toBeGreaterThan(0);
      for (const path of [...row.code, ...row.tests]) {
        expect(existsSync(join(ROOT, path)), `${row.id}: ${path} does not exist`).toBe(true);
      }
      for (const test of row.tests) expect(test, `${row.id}: ${test} is not a test file`).toMatch(/^test\/.+\.test\.tsx?$/);
    }
  });

  it('is backed by the claim it makes for T8: no code of ours opens a network connection', () => {
    const networking = [
      /from ['"](node:)?(http|https|http2|net|tls|dgram|dns)['"]/,
      /require\(['"](node:)?(http|https|http2|net|tls|dgram|dns)['"]\)/,
      /from ['"](undici|axios|node-fetch|ws|got)['"]/,
      /\bimport\s*\{[^}]*\bnet\b[^}]*\}\s*from ['"]electron['"]/,
      /\bfetch\s*\(/,
      /\bnew\s+(XMLHttpRequest|WebSocket|EventSource)\b/,
      /\bsendBeacon\s*\(/,
    ];
    const files = ['main', 'shared', 'renderer'].flatMap((d) => (existsSync(join(ROOT, d)) ? sourceFiles(join(ROOT, d)) : []));
    expect(files.length).toBeGreaterThan(50);
    const offending = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return networking.filter((pattern) => pattern.test(text)).map((pattern) => `${relative(ROOT, file)} matches ${pattern}`);
    });
    expect(offending).toEqual([]);
  });

  it('would notice a networking import (the scan is not vacuous)', () => {
    const pattern = /from ['"](node:)?(http|https|http2|net|tls|dgram|dns)['"]/;
    expect(pattern.test("import { request } from 'node:https';")).toBe(true);
    expect(/\bfetch\s*\(/.test('await fetch (url)')).toBe(true);
  });
});

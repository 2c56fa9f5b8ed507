import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRESH_MODULES, NEEDS_FRESH_MODULES, NEEDS_OWN_PROCESS, OWN_PAGE, OWN_PROCESS, listed } from './pools';

const ROOT = join(import.meta.dirname, '..', '..');

function testFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return path === 'test/e2e' ? [] : testFiles(path);
    return /\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/**
 * Most test files share one long-lived worker thread (test/setup/pools.ts). A file that
 * mocks a module, or asserts on the whole process, would leak into the files after it or
 * measure theirs: it must be listed where it gets what it needs. Reading the source is
 * enough: these calls are not hidden behind helpers in this repository.
 */
describe('which worker each test file runs in', () => {
  const files = testFiles('test');
  /** Every test file but this one, whose own examples below would match. */
  const others = files.filter((f) => f !== 'test/setup/pools.test.ts');

  it('finds the test files', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('test/setup/pools.test.ts');
  });

  it('gives a process of its own to every file that changes or measures the whole process', () => {
    const missing = others.filter((f) => NEEDS_OWN_PROCESS.test(readFileSync(join(ROOT, f), 'utf8')) && !listed(OWN_PROCESS, f));
    expect(missing, 'add these to OWN_PROCESS in test/setup/pools.ts').toEqual([]);
  });

  it('gives fresh modules to every file that mocks a module', () => {
    const missing = others.filter(
      (f) =>
        NEEDS_FRESH_MODULES.test(readFileSync(join(ROOT, f), 'utf8')) &&
        !listed(FRESH_MODULES, f) &&
        !listed(OWN_PROCESS, f) &&
        !listed(OWN_PAGE, f),
    );
    expect(missing, 'add these to FRESH_MODULES in test/setup/pools.ts').toEqual([]);
  });

  it('gives a page of its own to every file that renders in a DOM, and each file one pool only', () => {
    const dom = others.filter((f) => /^\/\/ @vitest-environment jsdom/m.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(dom.length).toBeGreaterThan(20);
    expect(
      dom.filter((f) => !listed(OWN_PAGE, f)),
      'add these to OWN_PAGE in test/setup/pools.ts',
    ).toEqual([]);
    const twice = files.filter((f) => [OWN_PROCESS, FRESH_MODULES, OWN_PAGE].filter((list) => listed(list, f)).length > 1);
    expect(twice, 'list each file in one of OWN_PROCESS, FRESH_MODULES, OWN_PAGE').toEqual([]);
  });

  it('lists only files that exist, so a renamed file cannot silently lose its pool', () => {
    for (const entry of [...OWN_PROCESS, ...FRESH_MODULES, ...OWN_PAGE]) {
      expect(
        files.some((f) => listed([entry], f)),
        `${entry} matches no test file`,
      ).toBe(true);
    }
  });

  it('reads the patterns the way the lists mean them', () => {
    expect(listed(['test/renderer/**'], 'test/renderer/sign.test.tsx')).toBe(true);
    expect(listed(['test/renderer/**'], 'test/renderer-other/x.test.ts')).toBe(false);
    expect(NEEDS_OWN_PROCESS.test('const old = process.umask(0o022);')).toBe(true);
    expect(NEEDS_OWN_PROCESS.test('const peak = process.memoryUsage().rss;')).toBe(true);
    expect(NEEDS_FRESH_MODULES.test("vi.mock('electron', () => fake);")).toBe(true);
  });
});

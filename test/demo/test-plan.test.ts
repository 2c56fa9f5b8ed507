import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const PLAN = readFileSync(join(ROOT, 'docs/testing.md'), 'utf8');

/** Every repository path the plan names in backticks, including those inside `npx vitest run …` commands. */
function namedPaths(markdown: string): string[] {
  // Fenced blocks hold commands, not inline code: take them out first so backticks pair up.
  const inline = markdown.replace(/```[\s\S]*?```/g, '');
  const spans = [...inline.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  const words = spans.flatMap((span) => span.split(/\s+/));
  return [
    ...new Set(
      words.filter(
        (w) =>
          /^(test|main|shared|renderer|scripts|bin|docs|\.ci)\/[\w./-]*$/.test(w) ||
          /^(vitest[\w.]*|tsconfig[\w.]*|eslint\.config)\.(ts|json|js)$/.test(w),
      ),
    ),
  ];
}

describe('docs/testing.md', () => {
  it('names only files and folders that exist, or outputs a run makes that git ignores', () => {
    const paths = namedPaths(PLAN);
    expect(paths.length).toBeGreaterThan(30);
    // Screenshots and reports appear only after their suite runs (not yet, on a fresh clone).
    // A folder not made yet is unknown to git as a folder: `dir/` rules match it with the slash.
    const ignored = (p: string): boolean => spawnSync('git', ['check-ignore', '-q', p], { cwd: ROOT }).status === 0;
    const generated = (p: string): boolean => ignored(p) || (!p.endsWith('/') && ignored(`${p}/`));
    expect(paths.filter((p) => !existsSync(join(ROOT, p)) && !generated(p))).toEqual([]);
    expect(generated('test/e2e/screenshots/'), 'the check for generated outputs is not vacuous').toBe(true);
    expect(generated('docs/testing.md')).toBe(false);
  });

  it('finds paths inside run commands too (the check is not vacuous)', () => {
    expect(namedPaths('run `npx vitest run test/a.test.ts test/b` and `vitest.e2e.config.ts`')).toEqual([
      'test/a.test.ts',
      'test/b',
      'vitest.e2e.config.ts',
    ]);
  });

  it('gives every npm script it names a real entry in package.json', () => {
    const scripts = Object.keys(
      (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts,
    );
    const named = [...PLAN.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(3);
    expect(named.filter((n) => !scripts.includes(n))).toEqual([]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER = resolve(import.meta.dirname, '../../renderer');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The text a person can read: string literals and JSX text, comments left out. */
function visibleText(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const literals = [...code.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  const jsxText = [...code.matchAll(/>([^<>{}]+)</g)].map((m) => m[1]!);
  return [...literals, ...jsxText];
}

describe("the app's words", () => {
  it('never call the file of assessments a "database": an SRO does not use that word', () => {
    const found: string[] = [];
    for (const file of sources(RENDERER)) {
      for (const text of visibleText(readFileSync(file, 'utf8'))) {
        // Ids that are not shown (an icon's name, a menu command) are one word; words people read have spaces around them.
        if (/^[a-z-]+$/.test(text)) continue;
        if (/\bdatabases?\b/i.test(text)) found.push(`${file.slice(RENDERER.length + 1)}: ${text.trim()}`);
      }
    }
    expect(found).toEqual([]);
  });
});

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { typeAwareRules } from '../../eslint.config.js';
import { TSC } from '../../scripts/typecheck.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The layering rules are what keep every service loadable under plain Node (the Electron
// binary is not available to tests or the CLI). These cases prove a violation fails `npm test`.
const root = resolve(import.meta.dirname, '../..');
// The cases are code that exists only in memory, so the type-aware rules (which need a file
// the TypeScript project knows) are switched off; the layering rules need no types.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: Object.fromEntries(Object.keys(typeAwareRules).map((rule) => [rule, 'off'])),
  },
});

async function lintAs(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint layering rules', () => {
  const violations: [string, string, RegExp][] = [
    [
      'shared/domain/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      /shared\/ runs in the renderer too/,
    ],
    ['shared/domain/x.ts', "import fs from 'fs';\nexport const x = fs;\n", /no Node built-ins/],
    ['shared/domain/x.ts', "import { app } from 'electron';\nexport const x = app;\n", /Only main\/app and main\/preload/],
    [
      'shared/domain/x.ts',
      "import { openWorkspace } from '../../main/services/workspace';\nexport const x = openWorkspace;\n",
      /imports nothing from main/,
    ],
    ['shared/domain/x.ts', 'export const w = window.innerWidth;\n', /no-restricted-globals/],
    [
      'renderer/screens/x.ts',
      "import { openWorkspace } from '../../main/services/workspace';\nexport const x = openWorkspace;\n",
      /only through the IPC contract/,
    ],
    ['renderer/screens/x.ts', "import { join } from 'node:path';\nexport const x = join;\n", /sandboxed/],
    ['renderer/screens/x.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n", /SQLite lives in main/],
    ['main/store/x.ts', "import { app } from 'electron';\nexport const x = app;\n", /Only main\/app and main\/preload/],
    ['main/pack/x.ts', "import Store from 'electron-store';\nexport const x = Store;\n", /electron-store loads electron/],
    ['main/cli/x.ts', "import { App } from '../../renderer/App';\nexport const x = App;\n", /never imports the renderer/],
    ['main/fs/x.ts', "import { BlobStore } from '../evidence/blob-store';\nexport const x = BlobStore;\n", /main\/fs sits below/],
    ['main/fs/x.ts', "import { openDatabase } from '../store/database';\nexport const x = openDatabase;\n", /main\/fs sits below/],
    [
      'main/demo/x.ts',
      "import { generateSbom } from '../../scripts/sbom.mjs';\nexport const x = generateSbom;\n",
      /never imports the build and release scripts/,
    ],
  ];

  it.each(violations)('rejects a violation in %s', async (file, code, expected) => {
    const errors = await lintAs(file, code);
    expect(errors.join('\n')).toMatch(expected);
  });

  it('allows electron in the thin Electron layer', async () => {
    const errors = await lintAs('main/app/x.ts', "import { app } from 'electron';\nexport const x = app;\n");
    expect(errors).toEqual([]);
  });

  it('allows Node built-ins in main services', async () => {
    const errors = await lintAs('main/store/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
    expect(errors).toEqual([]);
  });
});

describe('per-environment type-check', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sscp-layering-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // shared/ is checked with no Node types and no DOM, so a stray `process` or `document`
  // fails the build even where lint would miss it (e.g. via a type position).
  it('fails when shared code uses a Node or DOM global', async () => {
    await mkdir(join(dir, 'shared'), { recursive: true });
    await writeFile(join(dir, 'shared', 'leak.ts'), 'export const a: string = process.platform;\nexport const b = document.title;\n');
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: join(root, 'tsconfig.shared.json'), include: ['shared/**/*.ts'] }),
    );
    // The compiler `npm run typecheck` runs.
    const run = promisify(execFile)(process.execPath, [TSC, '-p', join(dir, 'tsconfig.json')]);
    await expect(run).rejects.toMatchObject({
      stdout: expect.stringMatching(/Cannot find name 'process'[\s\S]*Cannot find name 'document'/),
    });
  });
});

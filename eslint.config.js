// Lint, and the layering rules that keep every service testable under plain Node:
// shared/ is pure; renderer/ talks to main/ only through the IPC contract; only the thin
// Electron layer (main/app, main/preload) may load electron or electron-store.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const electronOnly = {
  name: 'electron',
  message: 'Only main/app and main/preload may import electron: keep services loadable under plain Node.',
};
const electronStoreOnly = {
  name: 'electron-store',
  message: 'electron-store loads electron: use it only in main/app.',
};

export const layerRules = {
  shared: {
    paths: [
      electronOnly,
      electronStoreOnly,
      ...nodeBuiltins.map((name) => ({ name, message: 'shared/ runs in the renderer too: no Node built-ins.' })),
      { name: 'better-sqlite3', message: 'SQLite lives in main/ only.' },
      { name: 'react', message: 'shared/ holds no UI.' },
    ],
    patterns: [
      {
        group: ['**/main/**', '../main/*', '**/renderer/**', '../renderer/*'],
        message: 'shared/ imports nothing from main/ or renderer/.',
      },
    ],
  },
  renderer: {
    paths: [
      electronOnly,
      electronStoreOnly,
      ...nodeBuiltins.map((name) => ({
        name,
        message: 'The renderer is sandboxed: no Node built-ins; ask main/ through the IPC contract.',
      })),
      { name: 'better-sqlite3', message: 'SQLite lives in main/ only; ask through the IPC contract.' },
    ],
    patterns: [
      {
        group: ['**/main/**', '../main/*', '../../main/*'],
        message: 'The renderer reaches main/ only through the IPC contract in shared/ipc.',
      },
    ],
  },
  mainServices: {
    paths: [electronOnly, electronStoreOnly],
    patterns: [
      { group: ['**/renderer/**', '../renderer/*'], message: 'main/ never imports the renderer.' },
      { group: ['**/scripts/**', '../scripts/*'], message: 'main/ never imports the build and release scripts; they may import main/.' },
    ],
  },
};

/** main/fs is the bottom of main/: files and folders only, so every service can use it. */
const mainFsRules = {
  paths: layerRules.mainServices.paths,
  patterns: [
    ...layerRules.mainServices.patterns,
    { regex: '^\\.\\./(?!\\.\\./shared/)', message: 'main/fs sits below every other part of main/: it imports only Node and shared/.' },
  ],
};

/** The rules that need type information (the layering test lints in-memory code without them). */
export const typeAwareRules = {
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
  '@typescript-eslint/await-thenable': 'error',
  '@typescript-eslint/no-unnecessary-type-assertion': 'error',
};

export default tseslint.config(
  { ignores: ['node_modules/**', '.cache/**', '.tmp/**', 'dist/**', 'out/**', 'release/**', 'test/e2e/screenshots/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(only|skip|todo)$/][callee.object.name=/^(it|test|describe)$/]',
          message: 'A test that does not run proves nothing.',
        },
      ],
    },
  },
  {
    // Type-aware rules where a mistake is silent at run time: a promise nobody waits for, a
    // promise where a value is expected, awaiting what is not a promise.
    files: ['main/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: typeAwareRules,
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // A scrollable region takes focus so it can be scrolled from the keyboard (WCAG 2.1.1).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['region'], allowExpressionValues: true }],
      // Our labels wrap their control and put the words in a span or two.
      'jsx-a11y/label-has-associated-control': ['error', { assert: 'either', depth: 4 }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', layerRules.shared],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', layerRules.renderer],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/app/**', 'main/preload/**'],
    rules: { 'no-restricted-imports': ['error', layerRules.mainServices] },
  },
  {
    files: ['main/fs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', mainFsRules] },
  },
  {
    files: ['main/app/**/*.ts', 'main/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: layerRules.mainServices.patterns }] },
  },
);

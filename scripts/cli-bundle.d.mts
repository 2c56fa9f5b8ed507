import type { Plugin } from 'esbuild';
import type { CommandSummary } from '../main/cli/run';

export interface CliBundle {
  /** The bundled main/cli/run.ts, to import. */
  readonly entry: string;
  readonly summaries: readonly CommandSummary[];
}

export declare const CLI_DIR: string;
/** Packages loaded from node_modules at run time rather than bundled. */
export declare const BUNDLE_EXTERNAL: readonly string[];
/** Atop each output file: `require` for the CommonJS packages bundled into an ES module. */
export declare const REQUIRE_BANNER: string;
/** The package.json of the package a bundled node_modules file belongs to, or undefined. */
export declare function packageJsonOf(path: string): string | undefined;
/** The esbuild target of the bundle: the oldest Node that package.json `engines` admits. */
export declare const CLI_NODE_TARGET: string;
export declare function currentCliBundle(): CliBundle | undefined;
export declare function ensureCliBundle(): Promise<CliBundle>;
export declare function buildCliBundle(): Promise<CliBundle>;
/** An esbuild plugin: each source file's `import.meta.url` names that file, reached from `outdir`. */
export declare function sourceLocationPlugin(outdir: string): Plugin;
/** In each build folder: output file name → the packages bundled into it. */
export declare const BUNDLED_PACKAGES: string;
/** The package a node_modules path belongs to ("@scope/name" or "name"), or undefined. */
export declare function packageOfPath(path: string): string | undefined;

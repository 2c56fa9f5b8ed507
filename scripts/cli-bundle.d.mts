import type { Plugin } from 'esbuild';
import type { CommandSummary } from '../main/cli/run';

export interface CliBundle {
  /** The bundled main/cli/run.ts, to import. */
  readonly entry: string;
  readonly summaries: readonly CommandSummary[];
}

export declare const CLI_DIR: string;
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

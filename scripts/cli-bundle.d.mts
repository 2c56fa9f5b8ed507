import type { BuildOptions, Metafile, Plugin } from 'esbuild';
import type { Stats } from 'node:fs';
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
/** esbuild's options for bundling code for Node into `outdir`, as the CLI is bundled. */
export declare function bundleOptions(outdir: string): BuildOptions & { readonly metafile: true };
/** Repository path → stats of every file under `folders` (a folder path in `skip` is not entered). */
export declare function statSources(folders: readonly string[], skip?: readonly string[]): Map<string, Stats>;
/** A build folder's name, unique across processes building at once. */
export declare function newBuildId(): string;
/** Repository path → [mtimeMs, size] of every file the build read (a package by its package.json). */
export declare function recordedInputs(metafile: Metafile, before: ReadonlyMap<string, Stats>): { [path: string]: [number, number] };
/** Whether every recorded input is still there, unchanged. */
export declare function inputsUnchanged(inputs: { readonly [path: string]: readonly [number, number] }): boolean;
/** Makes `record` the current build of `dir` (its current.json), in one rename. */
export declare function makeCurrent(dir: string, record: { readonly build: string }): void;
/** Removes `dir`'s builds other than `keep`, and unrenamed records, once older than `maxAgeMs`. */
export declare function removeOldBuilds(dir: string, keep: string, maxAgeMs: number): void;

// Types for scripts/sbom.mjs, so TypeScript callers (the demo, the tests) get checked calls.
export declare const PROJECT_DIR: string;
export declare const DEFAULT_SBOM_PATH: string;

export interface SbomOptions {
  /** The folder holding package.json and package-lock.json; defaults to this project. */
  readonly projectDir?: string;
  /** Where to write; defaults to dist/sbom.cdx.json. */
  readonly outFile?: string;
  /** Also list build and test tools (devDependencies). */
  readonly includeDev?: boolean;
}

export interface SbomResult {
  readonly outFile: string;
  readonly componentCount: number;
  /** SHA-256 of the file written, lower-case hex. */
  readonly sha256: string;
  readonly specVersion: string;
}

export declare function generateSbom(options?: SbomOptions): Promise<SbomResult>;

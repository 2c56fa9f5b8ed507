// Types for scripts/checksums.mjs, so TypeScript callers (the tests) get checked calls.
export declare const CHECKSUMS_FILE: 'SHA256SUMS';

export interface ChecksumEntry {
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
}

export declare function sha256File(path: string): Promise<string>;
export declare function formatChecksumLine(sha256: string, name: string): string;
export declare function writeChecksums(dir: string): Promise<{ readonly file: string; readonly files: readonly ChecksumEntry[] }>;

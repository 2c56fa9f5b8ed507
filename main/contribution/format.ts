import type { CONTRIBUTION_FORMAT } from '../../shared/domain/contribution';

/** The names inside a contribution file (docs/contributions.md); evidence is `evidence/<sha256>`. */
export const CONTRIBUTION_JSON = 'contribution.json';
export const MANIFEST_JSON = 'manifest.json';
export const MANIFEST_SIGNATURE = 'manifest.json.p7s';
export const CONTRIBUTION_EXTENSION = '.sscp-contribution';
/** The tool name recorded in contribution.json's metadata. */
export const APP_NAME_FOR_FILES = 'SSCP Evidence Pack';

/** `manifest.json`: every other entry of the archive with its SHA-256 and size. */
export interface ContributionManifest {
  readonly format: typeof CONTRIBUTION_FORMAT;
  readonly formatVersion: number;
  /** The contribution's UUID, as in contribution.json's serial number. */
  readonly contribution: string;
  readonly files: readonly { readonly path: string; readonly sha256: string; readonly size: number }[];
}

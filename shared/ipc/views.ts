import type { Assessment, EvidenceItem, EvidenceLink } from '../domain/types';

/** Shapes the UI needs that are not domain records themselves. */

export type ThemeSetting = 'light' | 'dark' | 'system';

export interface AppInfo {
  readonly productName: string;
  readonly version: string;
  readonly catalogVersion: string;
  readonly licences: readonly { readonly name: string; readonly licence: string }[];
}

export interface Settings {
  readonly theme: ThemeSetting;
  readonly recentDatabases: readonly string[];
  readonly defaultIdentityId: string | null;
  readonly defaultExportFolder: string | null;
}

export interface WorkspaceInfo {
  readonly dbPath: string;
}

export interface AssessmentListItem {
  readonly assessment: Assessment;
  /** Claims in scope that have a result other than not-assessed. */
  readonly answered: number;
  /** Claims in scope for the assessment's vendor role. */
  readonly inScope: number;
}

/** One file in the library, with every claim that uses it. */
export interface EvidenceLibraryItem {
  readonly evidence: EvidenceItem;
  readonly usedBy: readonly (EvidenceLink & { readonly organisation: string })[];
}

export interface EvidencePreview {
  readonly evidenceId: string;
  readonly kind: 'text' | 'image' | 'none';
  /** Text, or a data: URL for images; empty for `none`. */
  readonly content: string;
  readonly truncated: boolean;
}

export interface PickedPath {
  readonly path: string | null;
}

export interface PickedPaths {
  readonly paths: readonly string[];
}

export interface JobStarted {
  readonly jobId: string;
}

/** Progress of one long job: `done` of `total` units (bytes, claims, files). */
export interface JobProgress {
  readonly jobId: string;
  readonly stage: string;
  readonly done: number;
  readonly total: number;
}

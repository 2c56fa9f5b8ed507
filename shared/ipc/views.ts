import type { UserProfile } from '../domain/actor';
import type { Assessment, EvidenceItem, EvidenceLink } from '../domain/types';
import type { AssessmentSummary } from '../domain/completeness';

/** Shapes the UI needs that are not domain records themselves. */

/**
 * A file just attached (or given as a new version), and where the path led when it was a
 * symbolic link: the file stored is the link's target, so the person is told. Null for no link.
 */
export type AttachedEvidence = EvidenceItem & { readonly followedLink: string | null };

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
  /**
   * The person's own copy of the official blank self-assessment form, chosen once: the Word
   * form export fills it in. Null (or absent) exports the generated form.
   */
  readonly formTemplatePath?: string | null;
  /** Who works in this app: recorded with every change. Null until the first-run step sets it. */
  readonly profile: UserProfile | null;
}

export interface WorkspaceInfo {
  readonly dbPath: string;
  /**
   * On open: what happened to signing identities an older version kept in this database,
   * moved into the user's key store (one sentence each; absent when there were none).
   */
  readonly identityNotes?: readonly string[];
}

/** An assessment in the start screen's list: the service's own summary. */
export type AssessmentListItem = AssessmentSummary;

/** One file in the library, with every claim that uses it. */
export interface EvidenceLibraryItem {
  readonly item: EvidenceItem;
  readonly usedBy: readonly (EvidenceLink & { readonly organisation: string; readonly state: Assessment['state'] })[];
  /** The older version this file replaced, if it is a replacement. */
  readonly replacesId: string | null;
}

export interface IntegritySummary {
  readonly ok: boolean;
  /** Everything that is wrong, one sentence each. */
  readonly problems: readonly string[];
}

export interface EvidencePreview {
  readonly evidenceId: string;
  readonly fileName: string;
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

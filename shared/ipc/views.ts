import type { UserProfile } from '../domain/actor';
import type { Assessment, AssessmentDetail, AuditEntry, EvidenceItem, EvidenceLink } from '../domain/types';
import type { DateFormatSetting } from '../format/dates';
import type { AssessmentSummary } from '../domain/completeness';

/** Shapes the UI needs that are not domain records themselves. */

/**
 * A file just attached (or given as a new version), and where the path led when it was a
 * symbolic link: the file stored is the link's target, so the person is told. Null for no link.
 */
export type AttachedEvidence = EvidenceItem & { readonly followedLink: string | null };

/**
 * One claim's evidence after a link was made or taken away: the reply the app updates that
 * claim from, instead of reading the whole assessment again.
 */
export interface ClaimEvidenceView {
  readonly assessmentId: string;
  readonly claimId: string;
  /** In the order the items were added, as the assessment detail lists them. */
  readonly evidence: readonly EvidenceItem[];
}

/**
 * A bulk link (`evidence.linkMany`) or unlink (`evidence.unlinkMany`): how many links it made
 * or took away, and the claim's evidence as it is afterwards, read in the same transaction.
 */
export interface LinkedManyView extends ClaimEvidenceView {
  readonly linked: number;
}
export interface UnlinkedManyView extends ClaimEvidenceView {
  readonly removed: number;
}

/**
 * What the assessment screen needs for its first frame (`assessments.open`): the assessment,
 * its answers and actions, which items each claim uses (their ids only), and the items of the
 * claim shown first and of every item with an expiry date (the claim list's "expiring" filter
 * reads them). The rest of the items follow with `assessments.evidence`, after that frame: with
 * thousands of files, their full records are most of what the whole detail weighs.
 */
export interface AssessmentOpeningView extends Omit<AssessmentDetail, 'links'> {
  /** The claim whose items `evidence` holds in full; null when the catalog has no claims. */
  readonly shownClaimId: string | null;
  /** Each claim that has evidence with its items' ids, in the order the detail lists its links. */
  readonly claimEvidence: readonly { readonly claimId: string; readonly evidenceIds: readonly string[] }[];
}

/** The newest entries of an assessment's history (oldest first) and how many there are in all. */
export interface RecentAuditView {
  readonly total: number;
  readonly entries: readonly AuditEntry[];
}

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
  /**
   * How the app shows and reads dates (shared/format/dates.ts); absent means `auto`. The pack
   * and the CLI keep their fixed forms whatever this says.
   */
  readonly dateFormat?: DateFormatSetting;
  /** The system's regional format (en-GB…), which `auto` follows; null or absent when unknown. Read-only. */
  readonly systemLocale?: string | null;
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

/** A signed or archived assessment citing evidence chosen for removal: it keeps those files. */
export interface EvidenceKeeper {
  readonly assessmentId: string;
  readonly organisation: string;
  readonly state: Assessment['state'];
  readonly signedAt: string | null;
  /** The chosen items it cites (ids). */
  readonly evidenceIds: readonly string[];
}

/** What removing these items from the library would do, before anything is changed. */
export interface EvidenceRemovalPlan {
  /** The chosen items no signed or archived assessment cites: these can be removed. */
  readonly removableIds: readonly string[];
  /** Each claim link the removable items would be taken off (draft assessments only). */
  readonly claimLinks: readonly {
    readonly assessmentId: string;
    readonly organisation: string;
    readonly claimId: string;
    readonly evidenceId: string;
  }[];
  /** Signed or archived assessments that cite some chosen items: those items stay, frozen with them. */
  readonly keptBy: readonly EvidenceKeeper[];
  /** Stored files deleted once the removal is final (bytes nothing else uses). */
  readonly storedFilesFreed: number;
}

/** What one removal did; `removalId` undoes it until `holdUntil`. */
export interface EvidenceRemoval {
  readonly removalId: string;
  readonly removedIds: readonly string[];
  /** Claim links taken off, across every draft assessment. */
  readonly unlinked: number;
  /** Draft assessments that lost evidence. */
  readonly assessmentIds: readonly string[];
  readonly holdUntil: string;
  /** True once the stored files were deleted (no undo any more). */
  readonly final: boolean;
}

export interface EvidenceRemovalUndo {
  readonly restoredIds: readonly string[];
  readonly relinked: number;
  /** The items put back, as they were: an open assessment shows them again from this. */
  readonly items: readonly EvidenceItem[];
  /** Every draft claim link the removal had taken off, now back. */
  readonly links: readonly EvidenceLink[];
}

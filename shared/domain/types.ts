import type { Actor } from './actor';

/**
 * The domain vocabulary shared by the store, the CLI, the pack and the UI.
 * Values are the kebab-case words the CLI accepts, so one spelling serves everywhere.
 */

export const VENDOR_ROLES = ['developer-distributor', 'reseller', 'developer-only'] as const;
export type VendorRole = (typeof VENDOR_ROLES)[number];

export const CLAIM_RESULTS = ['not-assessed', 'met', 'partially-met', 'not-met', 'not-applicable'] as const;
export type ClaimResult = (typeof CLAIM_RESULTS)[number];

export const WORK_STATUSES = ['not-started', 'in-progress', 'needs-review', 'done'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

export const ASSESSMENT_STATES = ['draft', 'signed', 'archived'] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

export const ACTION_STATES = ['open', 'done'] as const;
export type ActionState = (typeof ACTION_STATES)[number];

/** Where an assessment came from: typed in, carried forward, or imported. */
export const ASSESSMENT_ORIGINS = ['created', 'carried-forward', 'imported-pack', 'imported-form'] as const;
export type AssessmentOrigin = (typeof ASSESSMENT_ORIGINS)[number];

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** An instant, ISO 8601 in UTC (`2026-11-22T14:17:44.000Z`). */
export type IsoInstant = string;

export interface Assessment {
  readonly id: string;
  readonly organisation: string;
  readonly products: readonly string[];
  readonly role: VendorRole;
  /** Developer-only vendors bring theme 3 into scope where it is their responsibility. */
  readonly theme3InScope: boolean;
  readonly periodStart: IsoDate | null;
  readonly periodEnd: IsoDate | null;
  readonly sroName: string;
  readonly sroRole: string;
  readonly catalogId: string;
  readonly catalogVersion: string;
  readonly state: AssessmentState;
  readonly origin: AssessmentOrigin;
  /** The assessment this one was carried forward from, if any. */
  readonly previousId: string | null;
  readonly createdAt: IsoInstant;
  readonly updatedAt: IsoInstant;
  readonly signedAt: IsoInstant | null;
}

/** What a person states about an assessment, and so what an edit or a carry-forward may set; the app sets the rest. */
export type AssessmentFields = Pick<
  Assessment,
  'organisation' | 'products' | 'role' | 'theme3InScope' | 'periodStart' | 'periodEnd' | 'sroName' | 'sroRole'
>;

export interface ClaimResponse {
  readonly assessmentId: string;
  readonly claimId: string;
  readonly status: WorkStatus;
  readonly result: ClaimResult;
  /** The official form's "Evidence" column: what the evidence is, in words. */
  readonly evidenceText: string;
  /** The official form's "Arguments / Assumptions" column. */
  readonly arguments: string;
  readonly updatedAt: IsoInstant;
}

export interface RemedialAction {
  readonly id: string;
  readonly assessmentId: string;
  readonly claimId: string;
  readonly description: string;
  readonly owner: string;
  readonly dueDate: IsoDate | null;
  readonly state: ActionState;
  readonly createdAt: IsoInstant;
  readonly updatedAt: IsoInstant;
}

/**
 * A file (bytes held, hashed, embedded in packs) or a reference: evidence that is not a file
 * (a system setting, a ticket, an interview), recorded by where it is, what it shows, when
 * and who holds it. A reference supports a claim as a file does; it has no bytes and no hash.
 */
export const EVIDENCE_KINDS = ['file', 'reference'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface EvidenceItem {
  readonly id: string;
  readonly kind: EvidenceKind;
  /** SHA-256 of the file's bytes, lower-case hex: also its name in the evidence store. "" for a reference. */
  readonly sha256: string;
  /** The file's name; for a reference, its URL (http or https) or location in words. */
  readonly fileName: string;
  readonly size: number;
  readonly mediaType: string;
  readonly description: string;
  /** When the evidence was true (not when it was uploaded). */
  readonly effectiveDate: IsoDate | null;
  readonly expiryDate: IsoDate | null;
  /** Confidential evidence goes to certification bodies only, never in a customer pack. */
  readonly confidential: boolean;
  /**
   * Only with `confidential`: a customer pack withholds the name and description too, and
   * lists the item as "Withheld file N (confidential)" with its hash and size
   * (shared/domain/recipient-view.ts).
   */
  readonly withholdDetails: boolean;
  /** False when only the hash is known (withheld from an imported customer pack), and for a reference. */
  readonly present: boolean;
  /** Who holds or answers for a reference (a person or team); "" for a file. */
  readonly owner: string;
  readonly addedAt: IsoInstant;
}

export interface EvidenceLink {
  readonly assessmentId: string;
  readonly claimId: string;
  readonly evidenceId: string;
}

export interface AuditEntry {
  readonly seq: number;
  readonly at: IsoInstant;
  readonly assessmentId: string | null;
  readonly action: string;
  readonly detail: Readonly<Record<string, unknown>>;
  /** Who made the change; null on entries written before the log recorded it. */
  readonly actor: Actor | null;
  readonly prevHash: string;
  readonly hash: string;
}

/** Everything one assessment holds, as the UI, the pack and the importers see it. */
export interface AssessmentDetail {
  readonly assessment: Assessment;
  readonly responses: readonly ClaimResponse[];
  readonly actions: readonly RemedialAction[];
  readonly evidence: readonly EvidenceItem[];
  readonly links: readonly EvidenceLink[];
}

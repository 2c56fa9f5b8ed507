import type { AssessmentDetail, EvidenceItem, EvidenceKind, IsoDate } from './types';

/**
 * Who receives a pack: a certification body sees every evidence file; a customer gets the
 * confidential ones withheld (listed by hash), and for those the SRO marked "withhold details"
 * not even their name or description. Mirrors main/pack/types.ts's PACK_PROFILES.
 */
export type Recipient = 'certification' | 'customer';

/** The name a recipient reads in place of a withheld item's own: numbered in pack order, files and references apart. */
export function withheldEvidenceName(n: number, kind: EvidenceKind = 'file'): string {
  return `Withheld ${kind === 'file' ? 'file' : 'reference'} ${n} (confidential)`;
}

/** The media type shown for an item whose details are withheld: its real one would hint at its name. */
export const WITHHELD_MEDIA_TYPE = 'application/octet-stream';

/**
 * Whether this recipient is denied the item's name and description (not only its bytes). A
 * reference has no bytes to withhold: a confidential one keeps its location, description and
 * owner from customers.
 */
export function detailsWithheldFrom(item: Pick<EvidenceItem, 'confidential' | 'withholdDetails' | 'kind'>, recipient: Recipient): boolean {
  return recipient === 'customer' && item.confidential && (item.withholdDetails || item.kind === 'reference');
}

/** Whether this recipient gets the item's bytes in the pack. */
export function bytesGoTo(item: Pick<EvidenceItem, 'confidential' | 'present'>, recipient: Recipient): boolean {
  return item.present && (recipient === 'certification' || !item.confidential);
}

/**
 * One evidence item exactly as the recipient of a pack will see it: the one answer to "what
 * does the customer learn about this file", used by the pack (report, manifest.json,
 * assessment.json, audit summary), the sign screen's preview, `sscp show --as-recipient` and
 * anything else that lists the pack's evidence (an attestation, an SBOM).
 */
export interface RecipientEvidence {
  readonly evidenceId: string;
  /** A file (its bytes hashed, maybe embedded) or a reference (a location: no bytes, no hash). */
  readonly kind: EvidenceKind;
  /** The file's own name or the reference's location, or "Withheld file N (confidential)" when its details are withheld. */
  readonly name: string;
  /** Empty when the details are withheld. */
  readonly description: string;
  /** The file's SHA-256; null for a reference, which has no bytes. */
  readonly sha256: string | null;
  /** Bytes; null for a reference. */
  readonly size: number | null;
  /** Who answers for a reference ("" when not given or withheld); "" for a file. */
  readonly owner: string;
  readonly mediaType: string;
  readonly effectiveDate: IsoDate | null;
  readonly expiryDate: IsoDate | null;
  readonly confidential: boolean;
  /** The bytes are in the pack. */
  readonly embedded: boolean;
  /** The name and description are withheld: `name` is a placeholder, not a file name. */
  readonly detailsWithheld: boolean;
  /** The claims it supports, in the assessment's link order. */
  readonly claims: readonly string[];
}

/** The evidence of `detail` as `recipient` will see it in the pack, in the pack's order. */
export function evidenceAsRecipientSees(detail: Pick<AssessmentDetail, 'evidence' | 'links'>, recipient: Recipient): RecipientEvidence[] {
  const shown = itemsAsRecipientSees(detail.evidence, recipient);
  return shown.map((item, i) => {
    const original = detail.evidence[i]!;
    return {
      evidenceId: item.id,
      kind: item.kind,
      name: item.fileName,
      description: item.description,
      sha256: item.kind === 'file' ? item.sha256 : null,
      size: item.kind === 'file' ? item.size : null,
      owner: item.owner,
      mediaType: item.mediaType,
      effectiveDate: item.effectiveDate,
      expiryDate: item.expiryDate,
      confidential: item.confidential,
      embedded: bytesGoTo(original, recipient),
      detailsWithheld: detailsWithheldFrom(original, recipient),
      claims: detail.links.filter((l) => l.evidenceId === item.id).map((l) => l.claimId),
    };
  });
}

/**
 * The assessment with every withheld item's name, description and media type replaced: what a
 * pack for `recipient` is built from, so no page, attachment or data file can carry them.
 * Nothing else changes (the hash, size and dates stay, for a holder of the original to match).
 */
export function detailAsRecipientSees<D extends Pick<AssessmentDetail, 'evidence'>>(detail: D, recipient: Recipient): D {
  return { ...detail, evidence: itemsAsRecipientSees(detail.evidence, recipient) };
}

function itemsAsRecipientSees(items: readonly EvidenceItem[], recipient: Recipient): EvidenceItem[] {
  const n = { file: 0, reference: 0 };
  return items.map((item) => {
    if (!detailsWithheldFrom(item, recipient)) return item;
    n[item.kind] += 1;
    return item.kind === 'file'
      ? { ...item, fileName: withheldEvidenceName(n.file, 'file'), description: '', mediaType: WITHHELD_MEDIA_TYPE }
      : { ...item, fileName: withheldEvidenceName(n.reference, 'reference'), description: '', owner: '' };
  });
}

/**
 * The names a recipient must not read, with what to say instead: for the audit summary and any
 * other text written from stored records (which name files as they were then). Keyed by
 * evidence id, and by the real name for records that predate the item's current id.
 */
export function withheldNames(
  detail: Pick<AssessmentDetail, 'evidence'>,
  recipient: Recipient,
): { byId: ReadonlyMap<string, string>; byName: ReadonlyMap<string, string> } {
  const shown = itemsAsRecipientSees(detail.evidence, recipient);
  const byId = new Map<string, string>();
  const byName = new Map<string, string>();
  detail.evidence.forEach((item, i) => {
    if (!detailsWithheldFrom(item, recipient)) return;
    byId.set(item.id, shown[i]!.fileName);
    if (!byName.has(item.fileName)) byName.set(item.fileName, shown[i]!.fileName);
  });
  return { byId, byName };
}

import { basename } from 'node:path';
import type { Assessment, EvidenceItem } from '../../shared/domain/types';
import { SscpError } from '../../shared/errors';
import { mediaTypeFor, type StoredBlob } from '../evidence/index';
import { findAssessment, listAssessmentRows } from '../store/assessments-repo';
import { appendAudit } from '../store/audit-log';
import { nowInstant } from '../store/clock';
import {
  deleteLink,
  findEvidence,
  findLinkedEvidenceBySha,
  insertEvidence,
  insertLink,
  listAllEvidenceWithReplaces,
  listAllLinksByEvidence,
  listEvidenceForClaim,
  listLinksForEvidence,
  moveLinks,
  updateEvidenceRow,
} from '../store/evidence-repo';
import { newId } from '../store/ids';
import { diff, touch } from './changes';
import { assertNoExportInProgress } from './export-lease';
import { inWriteTransaction, requireAssessment, type StoreContext } from './store-context';
import { assertEditable, catalogFor, checkClaimId, checkDateOrder, optionalDate, optionalField, requireField } from './validate';
import { cleanText, TEXT_FIELDS } from '../../shared/domain/text-rules';
import type {
  AttachOptions,
  BulkEvidencePatch,
  ClaimEvidence,
  EvidenceMeta,
  EvidencePatch,
  EvidenceUse,
  EvidenceWithUse,
  LinkedManyView,
  ReferenceInput,
  UnlinkedManyView,
} from './workspace-types';
import { referenceLocationProblem } from '../../shared/domain/evidence-reference';

interface CheckedMeta {
  readonly fileName: string | null;
  readonly description: string;
  readonly effectiveDate: string | null;
  readonly expiryDate: string | null;
  readonly confidential: boolean;
  readonly withholdDetails: boolean;
}

/**
 * Stores the file (streamed, hashed, fsynced, renamed into place) and only then, in one
 * transaction, records the item, links it to the claim and writes the audit entry. A crash
 * before the commit leaves at most an unreferenced blob, never a row without its file.
 */
export async function attachEvidence(
  ctx: StoreContext,
  assessmentId: string,
  claimId: string,
  filePath: string,
  meta: EvidenceMeta = {},
  options: AttachOptions = {},
): Promise<EvidenceItem> {
  // Everything that can be refused is refused before minutes of copying.
  checkEditableClaim(ctx, assessmentId, claimId);
  const checked = checkMeta({ ...meta, fileName: meta.fileName ?? nameFromDisk(filePath) });
  for (let attempt = 0; ; attempt += 1) {
    const blob = await ctx.blobs.ingest(filePath, options);
    const item = inWriteTransaction(ctx, () => {
      checkEditableClaim(ctx, assessmentId, claimId);
      const already = findLinkedEvidenceBySha(ctx.db, assessmentId, claimId, blob.sha256);
      if (already) return already;
      // A removal made final meanwhile deleted these same bytes (main/services/evidence-removal.ts): store them again.
      if (!ctx.blobs.has(blob.sha256)) return undefined;
      return recordAttached(ctx, assessmentId, claimId, blob, checked);
    });
    if (item) return item;
    if (attempt > 0) throw storedFileVanished(filePath);
  }
}

function recordAttached(ctx: StoreContext, assessmentId: string, claimId: string, blob: StoredBlob, checked: CheckedMeta): EvidenceItem {
  {
    const now = nowInstant();
    const item = newItem(blob, checked, now);
    insertEvidence(ctx.db, item);
    insertLink(ctx.db, { assessmentId, claimId, evidenceId: item.id });
    touch(ctx, assessmentId, now);
    appendAudit(
      ctx.db,
      {
        assessmentId,
        action: 'evidence.attached',
        detail: { claimId, evidenceId: item.id, sha256: item.sha256, fileName: item.fileName, size: item.size },
      },
      now,
    );
    return item;
  }
}

function storedFileVanished(filePath: string): SscpError {
  return SscpError.because({ code: 'stored-copy-removed-while-adding', label: filePath });
}

/**
 * Records evidence that is not a file (a system setting, a ticket, an interview) and links it
 * to the claim, in one transaction with its audit entry. The location is kept as text: a
 * web address is checked (http or https, no credentials) but never opened or fetched.
 */
export function addReference(ctx: StoreContext, assessmentId: string, claimId: string, input: ReferenceInput): EvidenceItem {
  checkEditableClaim(ctx, assessmentId, claimId);
  const checked = checkReference(input);
  return inWriteTransaction(ctx, () => {
    checkEditableClaim(ctx, assessmentId, claimId);
    const now = nowInstant();
    const item: EvidenceItem = {
      id: newId(),
      kind: 'reference',
      sha256: '',
      fileName: checked.location,
      size: 0,
      mediaType: '',
      description: checked.description,
      effectiveDate: checked.effectiveDate,
      expiryDate: checked.expiryDate,
      confidential: checked.confidential,
      withholdDetails: false,
      present: false,
      owner: checked.owner,
      addedAt: now,
    };
    insertEvidence(ctx.db, item);
    insertLink(ctx.db, { assessmentId, claimId, evidenceId: item.id });
    touch(ctx, assessmentId, now);
    appendAudit(
      ctx.db,
      { assessmentId, action: 'evidence.referenced', detail: { claimId, evidenceId: item.id, fileName: item.fileName } },
      now,
    );
    return item;
  });
}

function checkReference(input: ReferenceInput): {
  location: string;
  description: string;
  effectiveDate: string | null;
  expiryDate: string | null;
  owner: string;
  confidential: boolean;
} {
  const location = checkLocation(input.location);
  if (typeof input.description !== 'string' || input.description.trim() === '') {
    throw SscpError.because({ code: 'reference-needs-description' });
  }
  const description = requireField(input.description, TEXT_FIELDS.evidenceDescription);
  const effectiveDate = optionalDate(input.effectiveDate, 'The date of the reference');
  const expiryDate = optionalDate(input.expiryDate, 'The expiry date');
  checkDateOrder(effectiveDate, expiryDate, 'The date of the reference', 'The expiry date');
  if (input.confidential !== undefined && typeof input.confidential !== 'boolean') {
    throw SscpError.because({ code: 'confidential-not-yes-no' });
  }
  return {
    location,
    description,
    effectiveDate,
    expiryDate,
    owner: optionalField(input.owner, TEXT_FIELDS.evidenceOwner),
    confidential: input.confidential ?? false,
  };
}

function checkLocation(value: unknown): string {
  const location = requireField(value, TEXT_FIELDS.referenceLocation);
  const problem = referenceLocationProblem(location);
  if (problem) throw SscpError.because({ code: 'reference-location-invalid', problem });
  return location;
}

export function linkEvidence(ctx: StoreContext, assessmentId: string, claimId: string, evidenceId: string): ClaimEvidence {
  return inWriteTransaction(ctx, () => {
    checkEditableClaim(ctx, assessmentId, claimId);
    const item = requireEvidence(ctx, evidenceId);
    if (!insertLink(ctx.db, { assessmentId, claimId, evidenceId })) return claimEvidence(ctx, assessmentId, claimId);
    const now = nowInstant();
    touch(ctx, assessmentId, now);
    appendAudit(
      ctx.db,
      { assessmentId, action: 'evidence.linked', detail: { claimId, evidenceId, sha256: item.sha256, fileName: item.fileName } },
      now,
    );
    return claimEvidence(ctx, assessmentId, claimId);
  });
}

export function unlinkEvidence(ctx: StoreContext, assessmentId: string, claimId: string, evidenceId: string): ClaimEvidence {
  return inWriteTransaction(ctx, () => {
    checkEditableClaim(ctx, assessmentId, claimId);
    const item = requireEvidence(ctx, evidenceId);
    if (!deleteLink(ctx.db, { assessmentId, claimId, evidenceId })) {
      throw SscpError.because({ code: 'evidence-not-linked', fileName: item.fileName, claimId });
    }
    const now = nowInstant();
    touch(ctx, assessmentId, now);
    appendAudit(
      ctx.db,
      { assessmentId, action: 'evidence.unlinked', detail: { claimId, evidenceId, sha256: item.sha256, fileName: item.fileName } },
      now,
    );
    return claimEvidence(ctx, assessmentId, claimId);
  });
}

/** The claim's evidence as it is now, read in the caller's transaction: that claim's links and items only. */
function claimEvidence(ctx: StoreContext, assessmentId: string, claimId: string): ClaimEvidence {
  return { assessmentId, claimId, evidence: listEvidenceForClaim(ctx.db, assessmentId, claimId) };
}

export function listEvidenceWithUse(ctx: StoreContext): EvidenceWithUse[] {
  return ctx.db.transaction(() => {
    // Three queries whatever the size of the library (assessments, items, links), never one per
    // item: a library of thousands of files opens as fast as one of ten.
    const assessments = new Map(listAssessmentRows(ctx.db).map((a) => [a.id, a]));
    const uses = new Map<string, EvidenceUse[]>();
    for (const l of listAllLinksByEvidence(ctx.db)) {
      const a = assessments.get(l.assessmentId);
      const list = uses.get(l.evidenceId) ?? [];
      list.push({ assessmentId: l.assessmentId, claimId: l.claimId, organisation: a?.organisation ?? '', state: a?.state ?? 'draft' });
      uses.set(l.evidenceId, list);
    }
    return listAllEvidenceWithReplaces(ctx.db).map(({ item, replacesId }) => ({ item, replacesId, usedBy: uses.get(item.id) ?? [] }));
  })();
}

export function requireEvidence(ctx: StoreContext, evidenceId: string): EvidenceItem {
  const item = typeof evidenceId === 'string' ? findEvidence(ctx.db, evidenceId) : undefined;
  if (!item) throw SscpError.because({ code: 'evidence-not-found', id: String(evidenceId) });
  return item;
}

/**
 * Changes an item's description, dates, name or confidentiality. Signed assessments must read
 * as they were signed, so when a signed one uses the item the change becomes a new version
 * that only the draft assessments move to.
 */
export function updateEvidence(ctx: StoreContext, evidenceId: string, patch: EvidencePatch): EvidenceItem {
  return inWriteTransaction(ctx, () => updateOne(ctx, evidenceId, patch));
}

function updateOne(ctx: StoreContext, evidenceId: string, patch: EvidencePatch, extra: Record<string, unknown> = {}): EvidenceItem {
  {
    const before = requireEvidence(ctx, evidenceId);
    if (before.kind === 'reference') {
      if (patch.withholdDetails) throw SscpError.because({ code: 'reference-cannot-withhold' });
      if (patch.fileName !== undefined) checkLocation(patch.fileName);
    } else if (patch.owner !== undefined && patch.owner !== '') {
      throw SscpError.because({ code: 'owner-only-for-reference' });
    }
    const merged = checkMeta({
      fileName: patch.fileName ?? before.fileName,
      description: patch.description ?? before.description,
      effectiveDate: patch.effectiveDate === undefined ? before.effectiveDate : patch.effectiveDate,
      expiryDate: patch.expiryDate === undefined ? before.expiryDate : patch.expiryDate,
      confidential: patch.confidential ?? before.confidential,
      // Making an item shareable again shows its details too, unless the patch says otherwise (then it is refused).
      withholdDetails: patch.withholdDetails ?? (patch.confidential === false ? false : before.withholdDetails),
    });
    const owner = before.kind === 'reference' ? optionalField(patch.owner ?? before.owner, TEXT_FIELDS.evidenceOwner) : '';
    const after: EvidenceItem = { ...before, ...merged, fileName: merged.fileName ?? before.fileName, owner };
    const pick = (e: EvidenceItem) => ({
      fileName: e.fileName,
      description: e.description,
      effectiveDate: e.effectiveDate,
      expiryDate: e.expiryDate,
      confidential: e.confidential,
      withholdDetails: e.withholdDetails,
      owner: e.owner,
    });
    const changes = diff(pick(before), pick(after));
    if (Object.keys(changes).length === 0) return before;
    const { editable, frozen } = usersOf(ctx, evidenceId);
    const now = nowInstant();
    if (frozen.length === 0) {
      updateEvidenceRow(ctx.db, after);
      auditForEach(ctx, editable, now, 'evidence.updated', { evidenceId, changes, ...extra });
      return after;
    }
    if (editable.length === 0) throw usedOnlyBySigned(before);
    const version: EvidenceItem = { ...after, id: newId(), addedAt: now };
    insertEvidence(ctx.db, version, before.id);
    moveLinks(ctx.db, before.id, version.id, editable);
    auditForEach(ctx, editable, now, 'evidence.updated', { evidenceId: version.id, replacesId: before.id, changes, ...extra });
    return version;
  }
}

/** The most items one bulk change takes: a library of thousands fits, a runaway request does not. */
export const BULK_LIMIT = 10_000;

/**
 * The same dates or confidentiality for many items at once (the library's bulk actions), in
 * one transaction: a bad id or a date that does not fit one item leaves every item as it was.
 * Each item gets its own audit entry, as if it had been changed alone.
 */
export function updateEvidenceMany(ctx: StoreContext, evidenceIds: readonly string[], patch: BulkEvidencePatch): EvidenceItem[] {
  const ids = checkBulkIds(evidenceIds);
  return inWriteTransaction(ctx, () => ids.map((id) => updateOne(ctx, id, patch, { bulk: ids.length })));
}

/**
 * Links many items to one claim in one transaction; items already linked stay as they are.
 * Answers how many links it made and the claim's evidence afterwards, read in the same transaction.
 */
export function linkEvidenceMany(ctx: StoreContext, assessmentId: string, claimId: string, evidenceIds: readonly string[]): LinkedManyView {
  const ids = checkBulkIds(evidenceIds);
  return inWriteTransaction(ctx, () => {
    checkEditableClaim(ctx, assessmentId, claimId);
    const now = nowInstant();
    let linked = 0;
    for (const evidenceId of ids) {
      const item = requireEvidence(ctx, evidenceId);
      if (!insertLink(ctx.db, { assessmentId, claimId, evidenceId })) continue;
      linked += 1;
      appendAudit(
        ctx.db,
        {
          assessmentId,
          action: 'evidence.linked',
          detail: { claimId, evidenceId, sha256: item.sha256, fileName: item.fileName, bulk: ids.length },
        },
        now,
      );
    }
    if (linked > 0) touch(ctx, assessmentId, now);
    return { ...claimEvidence(ctx, assessmentId, claimId), linked };
  });
}

/**
 * Takes many items off one claim in one transaction: all of them, or (one is not linked) none.
 * Answers how many it took off and the claim's evidence afterwards, read in the same transaction.
 */
export function unlinkEvidenceMany(
  ctx: StoreContext,
  assessmentId: string,
  claimId: string,
  evidenceIds: readonly string[],
): UnlinkedManyView {
  const ids = checkBulkIds(evidenceIds);
  return inWriteTransaction(ctx, () => {
    checkEditableClaim(ctx, assessmentId, claimId);
    const now = nowInstant();
    for (const evidenceId of ids) {
      const item = requireEvidence(ctx, evidenceId);
      if (!deleteLink(ctx.db, { assessmentId, claimId, evidenceId })) {
        throw SscpError.because({ code: 'evidence-not-linked-bulk', fileName: item.fileName, claimId, count: ids.length });
      }
      appendAudit(
        ctx.db,
        {
          assessmentId,
          action: 'evidence.unlinked',
          detail: { claimId, evidenceId, sha256: item.sha256, fileName: item.fileName, bulk: ids.length },
        },
        now,
      );
    }
    touch(ctx, assessmentId, now);
    return { ...claimEvidence(ctx, assessmentId, claimId), removed: ids.length };
  });
}

function checkBulkIds(evidenceIds: readonly string[]): string[] {
  if (!Array.isArray(evidenceIds) || evidenceIds.length === 0) {
    throw SscpError.because({ code: 'no-evidence-chosen' });
  }
  if (evidenceIds.length > BULK_LIMIT) {
    throw SscpError.because({ code: 'too-much-evidence-chosen', count: evidenceIds.length, max: BULK_LIMIT });
  }
  const ids = [...new Set(evidenceIds)];
  for (const id of ids) if (typeof id !== 'string' || id === '') throw SscpError.because({ code: 'evidence-id-empty' });
  return ids;
}

/**
 * A new file for an existing piece of evidence (this year's policy instead of last year's):
 * a new item version takes over the links of draft assessments; signed ones keep the old.
 */
export async function replaceEvidence(
  ctx: StoreContext,
  evidenceId: string,
  newFilePath: string,
  options: AttachOptions = {},
): Promise<EvidenceItem> {
  const checkUsers = () => {
    const before = requireEvidence(ctx, evidenceId);
    if (before.kind === 'reference') {
      throw SscpError.because({ code: 'reference-has-no-file' });
    }
    const users = usersOf(ctx, evidenceId);
    if (users.editable.length === 0 && users.frozen.length > 0) throw usedOnlyBySigned(before);
    return { before, ...users };
  };
  checkUsers();
  for (let attempt = 0; ; attempt += 1) {
    const blob = await ctx.blobs.ingest(newFilePath, options);
    // A removal made final meanwhile may have deleted these same bytes: then store them again.
    const version = inWriteTransaction(ctx, () =>
      ctx.blobs.has(blob.sha256) ? recordReplacement(ctx, checkUsers(), blob, newFilePath) : undefined,
    );
    if (version) return version;
    if (attempt > 0) throw storedFileVanished(newFilePath);
  }
}

function recordReplacement(
  ctx: StoreContext,
  { before, editable }: { before: EvidenceItem; editable: string[] },
  blob: StoredBlob,
  newFilePath: string,
): EvidenceItem {
  {
    const now = nowInstant();
    const fileName = basename(newFilePath);
    const version: EvidenceItem = {
      ...before,
      id: newId(),
      sha256: blob.sha256,
      size: blob.size,
      fileName,
      mediaType: mediaTypeFor(fileName),
      present: true,
      addedAt: now,
    };
    insertEvidence(ctx.db, version, before.id);
    moveLinks(ctx.db, before.id, version.id, editable);
    auditForEach(ctx, editable, now, 'evidence.replaced', {
      evidenceId: version.id,
      replacesId: before.id,
      from: { sha256: before.sha256, fileName: before.fileName },
      to: { sha256: version.sha256, fileName: version.fileName },
    });
    return version;
  }
}

function checkEditableClaim(ctx: StoreContext, assessmentId: string, claimId: string): Assessment {
  assertNoExportInProgress(ctx, assessmentId);
  const a = requireAssessment(ctx, assessmentId);
  checkClaimId(catalogFor(a), claimId);
  assertEditable(a);
  return a;
}

/**
 * The name a file had on disk, as the evidence name: a person did not type it, so control,
 * bidirectional and invisible characters are taken out rather than refused
 * (`invoice\u202Efdp.exe` is kept as `invoicefdp.exe`, which shows what it really is).
 */
function nameFromDisk(filePath: string): string {
  const cleaned = cleanText(basename(filePath), 'line').text;
  return cleaned === '' ? 'evidence' : cleaned;
}

function checkMeta(meta: EvidenceMeta): CheckedMeta {
  const effectiveDate = optionalDate(meta.effectiveDate, 'The effective date');
  const expiryDate = optionalDate(meta.expiryDate, 'The expiry date');
  checkDateOrder(effectiveDate, expiryDate, 'The effective date', 'The expiry date');
  if (meta.confidential !== undefined && typeof meta.confidential !== 'boolean') {
    throw SscpError.because({ code: 'confidential-not-yes-no' });
  }
  if (meta.withholdDetails !== undefined && typeof meta.withholdDetails !== 'boolean') {
    throw SscpError.because({ code: 'withhold-not-yes-no' });
  }
  if (meta.withholdDetails === true && meta.confidential !== true) {
    throw SscpError.because({ code: 'withhold-needs-confidential' });
  }
  return {
    fileName: meta.fileName === undefined ? null : requireField(meta.fileName, TEXT_FIELDS.evidenceName),
    description: optionalField(meta.description, TEXT_FIELDS.evidenceDescription),
    effectiveDate,
    expiryDate,
    confidential: meta.confidential ?? false,
    withholdDetails: meta.withholdDetails ?? false,
  };
}

function newItem(blob: StoredBlob, meta: CheckedMeta, now: string): EvidenceItem {
  const fileName = meta.fileName ?? blob.sha256;
  return {
    id: newId(),
    sha256: blob.sha256,
    fileName,
    size: blob.size,
    mediaType: mediaTypeFor(fileName),
    description: meta.description,
    effectiveDate: meta.effectiveDate,
    expiryDate: meta.expiryDate,
    confidential: meta.confidential,
    withholdDetails: meta.withholdDetails,
    kind: 'file',
    owner: '',
    present: true,
    addedAt: now,
  };
}

/** Assessment ids using an item, split into drafts (may change) and signed/archived (may not). */
function usersOf(ctx: StoreContext, evidenceId: string): { editable: string[]; frozen: string[] } {
  const ids = [...new Set(listLinksForEvidence(ctx.db, evidenceId).map((l) => l.assessmentId))];
  const editable: string[] = [];
  const frozen: string[] = [];
  for (const id of ids) {
    // A draft being signed right now reads the item as it is: the change waits for the export.
    assertNoExportInProgress(ctx, id);
    (findAssessment(ctx.db, id)?.state === 'draft' ? editable : frozen).push(id);
  }
  return { editable, frozen };
}

/** One entry per assessment the change reaches, or one general entry if it reaches none. */
function auditForEach(
  ctx: StoreContext,
  assessmentIds: readonly string[],
  now: string,
  action: string,
  detail: Record<string, unknown>,
): void {
  if (assessmentIds.length === 0) appendAudit(ctx.db, { assessmentId: null, action, detail }, now);
  for (const id of assessmentIds) {
    touch(ctx, id, now);
    appendAudit(ctx.db, { assessmentId: id, action, detail }, now);
  }
}

function usedOnlyBySigned(item: EvidenceItem): SscpError {
  return SscpError.because({ code: 'evidence-used-only-by-signed', fileName: item.fileName });
}

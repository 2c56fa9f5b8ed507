import type { Catalog } from '../catalog/types';
import { listClaims, statementChanges, type StatementChange } from '../catalog/index';
import { themeIdOf } from './applicability';
import { diffText, type TextDiff } from './text-diff';
import type { AssessmentDetail, ClaimResponse, ClaimResult, EvidenceItem, RemedialAction, WorkStatus } from './types';

/** What changed between two assessments, claim by claim: for a year-on-year review. */
export interface AssessmentDiff {
  readonly from: DiffSide;
  readonly to: DiffSide;
  /** Claims with any change, in catalog order (claims the catalog lacks come last). */
  readonly claims: readonly ClaimDiff[];
  readonly unchangedClaims: number;
  readonly themes: readonly ThemeDiffSummary[];
  readonly totals: DiffCounts;
}

export interface DiffSide {
  readonly assessmentId: string;
  readonly organisation: string;
  readonly catalogVersion: string;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
}

export interface Change<T> {
  readonly from: T;
  readonly to: T;
}

export interface EvidenceRef {
  readonly evidenceId: string;
  readonly fileName: string;
  readonly sha256: string;
}

export interface ActionRef {
  readonly description: string;
  readonly owner: string;
  readonly dueDate: string | null;
}

export interface ClaimDiff {
  readonly claimId: string;
  readonly themeId: string;
  /** `only-from`/`only-to` when one assessment's catalog version lacks the claim. */
  readonly presence: 'both' | 'only-from' | 'only-to';
  /**
   * The claim's statement as each side's catalog version words it, when the two differ (the
   * answers were given to different wording), with the catalog's reason; null otherwise.
   */
  readonly statement: StatementDiff | null;
  readonly result: Change<ClaimResult> | null;
  readonly status: Change<WorkStatus> | null;
  readonly evidenceText: TextDiff | null;
  readonly arguments: TextDiff | null;
  readonly evidenceAdded: readonly EvidenceRef[];
  readonly evidenceRemoved: readonly EvidenceRef[];
  /** Same file name, or the only file in the claim's slot on both sides, with a different hash. */
  readonly evidenceReplaced: readonly Change<EvidenceRef>[];
  /** Open in `to` and not open in `from` (new, or reopened). */
  readonly actionsOpened: readonly ActionRef[];
  /** Open in `from`, done in `to`. */
  readonly actionsClosed: readonly ActionRef[];
  /** Open in `from`, gone from `to`. */
  readonly actionsDropped: readonly ActionRef[];
}

export interface StatementDiff {
  readonly fromVersion: string;
  readonly toVersion: string;
  readonly from: string;
  readonly to: string;
  readonly note: string | null;
}

export interface DiffCounts {
  readonly changedClaims: number;
  readonly unchangedClaims: number;
  readonly resultChanges: number;
  readonly statusChanges: number;
  readonly textChanges: number;
  readonly evidenceAdded: number;
  readonly evidenceRemoved: number;
  readonly evidenceReplaced: number;
  readonly actionsOpened: number;
  readonly actionsClosed: number;
  readonly actionsDropped: number;
  /** Claims whose statement differs between the two sides' catalog versions. */
  readonly statementChanges: number;
}

export interface ThemeDiffSummary extends DiffCounts {
  readonly themeId: string;
  readonly title: string;
}

/**
 * Compares two assessments claim by claim. Claims are matched by id, so assessments made
 * against different catalog versions compare too; `catalog` gives the order and the theme
 * titles (normally the newer assessment's catalog, and `to`'s). Given `fromCatalog` (the
 * `from` assessment's catalog), claims whose statement it words differently say so.
 */
export function diffAssessments(from: AssessmentDetail, to: AssessmentDetail, catalog: Catalog, fromCatalog?: Catalog): AssessmentDiff {
  const reworded = new Map((fromCatalog ? statementChanges(fromCatalog, catalog) : []).map((c) => [c.claimId, c]));
  const catalogOrder = listClaims(catalog).map((c) => c.claim.id);
  const fromIds = new Set(from.responses.map((r) => r.claimId));
  const toIds = new Set(to.responses.map((r) => r.claimId));
  const extra = [...new Set([...fromIds, ...toIds])].filter((id) => !catalogOrder.includes(id)).sort(compareClaimIds);
  const ids = [...catalogOrder.filter((id) => fromIds.has(id) || toIds.has(id)), ...extra];

  const all = ids.map((claimId) => diffClaim(claimId, from, to, reworded.get(claimId)));
  const changed = all.filter(hasChanges);
  const themeIds = [...new Set([...catalog.themes.map((t) => t.id), ...all.map((c) => c.themeId)])];
  const themes = themeIds.map((themeId) => ({
    themeId,
    title: catalog.themes.find((t) => t.id === themeId)?.title ?? `Theme ${themeId}`,
    ...count(all.filter((c) => c.themeId === themeId)),
  }));
  return {
    from: side(from),
    to: side(to),
    claims: changed,
    unchangedClaims: all.length - changed.length,
    themes,
    totals: count(all),
  };
}

function diffClaim(claimId: string, from: AssessmentDetail, to: AssessmentDetail, reworded: StatementChange | undefined): ClaimDiff {
  const a = from.responses.find((r) => r.claimId === claimId);
  const b = to.responses.find((r) => r.claimId === claimId);
  const evidence = diffEvidence(linkedEvidence(from, claimId), linkedEvidence(to, claimId));
  const actions = diffActions(
    from.actions.filter((x) => x.claimId === claimId),
    to.actions.filter((x) => x.claimId === claimId),
  );
  return {
    claimId,
    themeId: themeIdOf(claimId),
    presence: a && b ? 'both' : a ? 'only-from' : 'only-to',
    statement:
      a && b && reworded
        ? { fromVersion: reworded.fromVersion, toVersion: reworded.toVersion, from: reworded.from, to: reworded.to, note: reworded.note }
        : null,
    result: changeOf(a?.result ?? 'not-assessed', b?.result ?? 'not-assessed'),
    status: changeOf(a?.status ?? 'not-started', b?.status ?? 'not-started'),
    evidenceText: textChange(a, b, 'evidenceText'),
    arguments: textChange(a, b, 'arguments'),
    ...evidence,
    ...actions,
  };
}

function changeOf<T>(from: T, to: T): Change<T> | null {
  return from === to ? null : { from, to };
}

function textChange(a: ClaimResponse | undefined, b: ClaimResponse | undefined, field: 'evidenceText' | 'arguments'): TextDiff | null {
  const before = a?.[field] ?? '';
  const after = b?.[field] ?? '';
  return before === after ? null : diffText(before, after);
}

function linkedEvidence(detail: AssessmentDetail, claimId: string): EvidenceRef[] {
  return detail.links
    .filter((l) => l.claimId === claimId)
    .map((l) => detail.evidence.find((e) => e.id === l.evidenceId))
    .filter((e): e is EvidenceItem => e !== undefined)
    .map((e) => ({ evidenceId: e.id, fileName: e.fileName, sha256: e.sha256 }));
}

/** A file is the same evidence when its bytes are; a reference (no bytes, sha256 "") when its location is. */
function evidenceKey(e: EvidenceRef): string {
  return e.sha256 === '' ? `reference\n${e.fileName}` : e.sha256;
}

function diffEvidence(before: readonly EvidenceRef[], after: readonly EvidenceRef[]) {
  const beforeHashes = new Set(before.map(evidenceKey));
  const afterHashes = new Set(after.map(evidenceKey));
  let removed = before.filter((e) => !afterHashes.has(evidenceKey(e)));
  let added = after.filter((e) => !beforeHashes.has(evidenceKey(e)));
  const replaced: Change<EvidenceRef>[] = [];
  for (const old of [...removed]) {
    const successor = added.find((n) => n.fileName === old.fileName);
    if (successor) {
      replaced.push({ from: old, to: successor });
      removed = removed.filter((e) => e !== old);
      added = added.filter((e) => e !== successor);
    }
  }
  // The only file in the slot on both sides, with a new hash: a new version of the same evidence.
  const [onlyOld] = removed;
  const [onlyNew] = added;
  if (removed.length === 1 && added.length === 1 && before.length === 1 && after.length === 1 && onlyOld && onlyNew) {
    replaced.push({ from: onlyOld, to: onlyNew });
    removed = [];
    added = [];
  }
  return { evidenceAdded: added, evidenceRemoved: removed, evidenceReplaced: replaced };
}

/**
 * Actions get new ids when carried forward, so they are matched by id first and then by
 * their description (ignoring case and spacing).
 */
function diffActions(before: readonly RemedialAction[], after: readonly RemedialAction[]) {
  const unmatched = [...after];
  const pairs: { old: RemedialAction; now: RemedialAction | undefined }[] = [];
  for (const old of before) {
    let at = unmatched.findIndex((n) => n.id === old.id);
    if (at < 0) at = unmatched.findIndex((n) => sameWords(n.description, old.description));
    pairs.push({ old, now: at >= 0 ? unmatched.splice(at, 1)[0] : undefined });
  }
  const ref = (a: RemedialAction): ActionRef => ({ description: a.description, owner: a.owner, dueDate: a.dueDate });
  return {
    actionsOpened: [
      ...pairs.filter((p) => p.old.state !== 'open' && p.now?.state === 'open').map((p) => p.now as RemedialAction),
      ...unmatched.filter((n) => n.state === 'open'),
    ].map(ref),
    actionsClosed: pairs.filter((p) => p.old.state === 'open' && p.now?.state === 'done').map((p) => ref(p.old)),
    actionsDropped: pairs.filter((p) => p.old.state === 'open' && p.now === undefined).map((p) => ref(p.old)),
  };
}

function sameWords(a: string, b: string): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

function hasChanges(c: ClaimDiff): boolean {
  return (
    c.presence !== 'both' ||
    c.statement !== null ||
    c.result !== null ||
    c.status !== null ||
    c.evidenceText !== null ||
    c.arguments !== null ||
    c.evidenceAdded.length + c.evidenceRemoved.length + c.evidenceReplaced.length > 0 ||
    c.actionsOpened.length + c.actionsClosed.length + c.actionsDropped.length > 0
  );
}

function count(claims: readonly ClaimDiff[]): DiffCounts {
  const changed = claims.filter(hasChanges);
  const sum = (f: (c: ClaimDiff) => number): number => claims.reduce((n, c) => n + f(c), 0);
  return {
    changedClaims: changed.length,
    unchangedClaims: claims.length - changed.length,
    resultChanges: sum((c) => (c.result ? 1 : 0)),
    statusChanges: sum((c) => (c.status ? 1 : 0)),
    textChanges: sum((c) => (c.evidenceText ? 1 : 0) + (c.arguments ? 1 : 0)),
    evidenceAdded: sum((c) => c.evidenceAdded.length),
    evidenceRemoved: sum((c) => c.evidenceRemoved.length),
    evidenceReplaced: sum((c) => c.evidenceReplaced.length),
    actionsOpened: sum((c) => c.actionsOpened.length),
    actionsClosed: sum((c) => c.actionsClosed.length),
    actionsDropped: sum((c) => c.actionsDropped.length),
    statementChanges: sum((c) => (c.statement ? 1 : 0)),
  };
}

function side(detail: AssessmentDetail): DiffSide {
  const a = detail.assessment;
  return {
    assessmentId: a.id,
    organisation: a.organisation,
    catalogVersion: a.catalogVersion,
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
  };
}

function compareClaimIds(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Only the work status moved (as every claim does when carried forward): no change of substance. */
export function isStatusOnly(c: ClaimDiff): boolean {
  return (
    c.status !== null &&
    c.presence === 'both' &&
    !c.statement &&
    !c.result &&
    !c.evidenceText &&
    !c.arguments &&
    c.evidenceAdded.length + c.evidenceRemoved.length + c.evidenceReplaced.length === 0 &&
    c.actionsOpened.length + c.actionsClosed.length + c.actionsDropped.length === 0
  );
}

/**
 * The comparison in one line, real changes apart from work-status-only ones:
 * "1 claim changed; 44 changed only their work status; 0 unchanged."
 */
export function describeDiffTotals(diff: Pick<AssessmentDiff, 'claims' | 'unchangedClaims'>): string {
  const statusOnly = diff.claims.filter(isStatusOnly).length;
  const real = diff.claims.length - statusOnly;
  const parts = [`${real} ${real === 1 ? 'claim' : 'claims'} changed`];
  if (statusOnly > 0) parts.push(`${statusOnly} changed only their work status`);
  parts.push(`${diff.unchangedClaims} unchanged`);
  return `${parts.join('; ')}.`;
}

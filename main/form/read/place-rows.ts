import { listClaims, type Catalog, type ClaimInContext } from '../../../shared/catalog/index';
import { diceSimilarity, normalisedTokens } from './text-similarity';
import type { FormRow, PlacementMethod, RowSource } from './types';

/** A row's claim text must be at least this close to a claim to be placed by text alone. */
export const TEXT_MATCH_THRESHOLD = 0.35;
/** At or above this, the text confirms the number. */
const TEXT_AGREES = 0.3;
/** The text overrules the number only when it fits another claim this much better. */
const OVERRULE_MARGIN = 0.2;
/** Claims in the principle the row sits under get this much preference when ranking. */
const SAME_PRINCIPLE_PREFERENCE = 0.05;

export interface Placement {
  readonly row: FormRow;
  readonly claimId: string;
  readonly method: PlacementMethod;
  readonly similarity: number;
  readonly note: string | null;
  /** The number as written, when the form's numbering maps it to another claim number (form v0.4's 4.3.1). */
  readonly renumberedFrom: string | null;
}

export interface PlacementOptions {
  /** Form number → catalog number, for a form numbered differently from the catalog. */
  readonly renumber?: ReadonlyMap<string, string>;
  /** Names that numbering in notes, e.g. "form v0.4". */
  readonly numberingName?: string;
}

export interface Rejection {
  readonly row: FormRow;
  readonly reason: string;
}

export interface PlacementResult {
  readonly placed: readonly Placement[];
  readonly rejected: readonly Rejection[];
}

interface ScoredClaim {
  readonly entry: ClaimInContext;
  readonly score: number;
}

/**
 * Places each claim row on a catalog claim by its number and its text. Numbering differs
 * between copies of the form (some have 43 claims), so when the number and the text point at
 * different claims and the text is clearly closer to another claim, the text wins. A claim
 * filled by two rows keeps the better match; the other row is reported, never dropped.
 */
export function placeRows(rows: readonly FormRow[], catalog: Catalog, options: PlacementOptions = {}): PlacementResult {
  const claims = listClaims(catalog).map((entry) => ({ entry, tokens: claimTokens(entry) }));
  const candidates: Placement[] = [];
  const rejected: Rejection[] = [];

  for (const row of rows) {
    // Rows in the appendix of claims a template lacked are numbered as the APC already.
    const mappedTo = row.number && !row.inAppendix ? options.renumber?.get(row.number) : undefined;
    const number = mappedTo ?? row.number;
    const renumberedFrom = mappedTo ? row.number : null;
    // How the row's number reads in notes: "4.3.1" or "4.3.1 (claim 4.3.2 in form v0.4's numbering)".
    const numbered = mappedTo ? `${row.number} (claim ${mappedTo} in ${options.numberingName ?? 'this form'}'s numbering)` : row.number;
    const rowTokens = normalisedTokens(row.claimText);
    const scored: ScoredClaim[] = claims.map(({ entry, tokens }) => ({
      entry,
      score: Math.max(...tokens.map((t) => diceSimilarity(rowTokens, t))),
    }));
    const ranked = [...scored].sort((a, b) => rank(b, row) - rank(a, row));
    const best = ranked[0];
    const byNumber = number ? scored.find((s) => s.entry.claim.id === number) : undefined;
    const mappedNote = mappedTo
      ? `${capitalise(options.numberingName ?? 'this form')} numbers this claim ${row.number}; it is claim ${mappedTo} in APC v1.0 and in catalog ${catalog.version}.`
      : null;
    const hasText = rowTokens.size > 0;

    if (byNumber && (!hasText || !best)) {
      candidates.push({
        row,
        claimId: byNumber.entry.claim.id,
        method: 'number',
        similarity: byNumber.score,
        note: hasText ? mappedNote : 'The row has no claim text to confirm its number.',
        renumberedFrom,
      });
      continue;
    }
    if (byNumber && best) {
      const textOverrules =
        best.entry !== byNumber.entry && best.score >= TEXT_MATCH_THRESHOLD && best.score - byNumber.score >= OVERRULE_MARGIN;
      if (textOverrules) {
        candidates.push({
          row,
          claimId: best.entry.claim.id,
          method: 'text',
          similarity: best.score,
          note: `Numbered ${numbered} on the form, but its text matches claim ${best.entry.claim.id} (${pct(best.score)}) far better than claim ${number} (${pct(byNumber.score)}).`,
          renumberedFrom,
        });
      } else {
        const agrees = byNumber.score >= TEXT_AGREES;
        candidates.push({
          row,
          claimId: byNumber.entry.claim.id,
          method: agrees ? 'number-and-text' : 'number',
          similarity: byNumber.score,
          note: agrees
            ? mappedNote
            : `The claim text is worded differently from claim ${number} in the catalog (${pct(byNumber.score)} similar); placed by its number${mappedTo ? ` (${row.number} on ${options.numberingName ?? 'this form'})` : ''}.`,
          renumberedFrom,
        });
      }
      continue;
    }
    if (best && best.score >= TEXT_MATCH_THRESHOLD) {
      candidates.push({
        row,
        claimId: best.entry.claim.id,
        method: 'text',
        similarity: best.score,
        note: row.number
          ? `Claim ${row.number} does not exist in catalog ${catalog.version}; its text matches claim ${best.entry.claim.id} (${pct(best.score)}).`
          : `The row has no claim number; its text matches claim ${best.entry.claim.id} (${pct(best.score)}).`,
        renumberedFrom: null,
      });
      continue;
    }
    rejected.push({
      row,
      reason: row.number
        ? `Claim ${row.number} does not exist in catalog ${catalog.version}, and its text matches no claim closely enough.`
        : `The row has no claim number (Reference "${row.reference}"), and its text matches no claim closely enough.`,
    });
  }
  return resolveDuplicates(candidates, rejected);
}

function resolveDuplicates(candidates: readonly Placement[], rejected: Rejection[]): PlacementResult {
  const byClaim = new Map<string, Placement[]>();
  for (const c of candidates) byClaim.set(c.claimId, [...(byClaim.get(c.claimId) ?? []), c]);
  const placed: Placement[] = [];
  for (const c of candidates) {
    const rivals = byClaim.get(c.claimId) ?? [c];
    const winner = rivals.reduce((a, b) => (strength(b) > strength(a) ? b : a));
    if (winner === c) placed.push(c);
    else {
      rejected.push({
        row: c.row,
        reason: `Claim ${c.claimId} is already filled by the row at ${where(winner.row.source)}, which matches it better.`,
      });
    }
  }
  return { placed, rejected };
}

/** Agreement of number and text beats either alone; a close text beats a bare number. */
function strength(p: Placement): number {
  return (p.method === 'number-and-text' ? 2 : p.method === 'text' ? 1 : 0.5) + p.similarity;
}

function rank(s: ScoredClaim, row: FormRow): number {
  return s.score + (row.principleId !== null && s.entry.principle.id === row.principleId ? SAME_PRINCIPLE_PREFERENCE : 0);
}

function claimTokens(entry: ClaimInContext): ReadonlySet<string>[] {
  const { title, statement } = entry.claim;
  return [normalisedTokens(statement), normalisedTokens(title), normalisedTokens(`${title} ${statement}`)];
}

function pct(n: number): string {
  return `${Math.round(n * 100)}% similar`;
}

export function where(source: RowSource): string {
  return `table ${source.table}, row ${source.row}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

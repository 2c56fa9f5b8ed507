import type { Catalog, CatalogClaim, CatalogDocument, CatalogPrinciple, CatalogTheme } from './types';
import { ukSscp2025v1 } from './uk-sscp-2025.1';
import { ukSscp2025v2 } from './uk-sscp-2025.2';

export type { Catalog, CatalogChange, CatalogClaim, CatalogDocument, CatalogPrinciple, CatalogTheme } from './types';

/**
 * Every catalog version this build knows. Versions are never edited once shipped: a
 * corrected text or numbering ships as a new version, so an assessment made against an old
 * version still reads exactly as it did when it was signed.
 */
export const CATALOGS: readonly Catalog[] = [ukSscp2025v1, ukSscp2025v2];

/** The version new assessments use. */
export const CURRENT_CATALOG: Catalog = ukSscp2025v2;

export function findCatalog(id: string, version: string): Catalog | undefined {
  return CATALOGS.find((c) => c.id === id && c.version === version);
}

export interface ClaimInContext {
  readonly theme: CatalogTheme;
  readonly principle: CatalogPrinciple;
  readonly claim: CatalogClaim;
}

/** Claims in document order, each with its theme and principle. */
export function listClaims(catalog: Catalog): readonly ClaimInContext[] {
  return catalog.themes.flatMap((theme) =>
    theme.principles.flatMap((principle) => principle.claims.map((claim) => ({ theme, principle, claim }))),
  );
}

export function listPrinciples(catalog: Catalog): readonly { theme: CatalogTheme; principle: CatalogPrinciple }[] {
  return catalog.themes.flatMap((theme) => theme.principles.map((principle) => ({ theme, principle })));
}

export function findClaim(catalog: Catalog, claimId: string): ClaimInContext | undefined {
  return listClaims(catalog).find((c) => c.claim.id === claimId);
}

/**
 * The documents a catalog version follows in one line, e.g. "Code of Practice May 2025;
 * Implementation guidance 1.0; …", or null for a version that does not record them.
 */
export function describeDocuments(catalog: Catalog): string | null {
  if (!catalog.documents || catalog.documents.length === 0) return null;
  return catalog.documents.map(documentLabel).join('; ');
}

const SHORT_NAMES: Record<CatalogDocument['key'], string> = {
  code: 'Code of Practice',
  guidance: 'Implementation guidance',
  apc: 'Assurance Principles and Claims (APC)',
  form: 'self-assessment form',
};

function documentLabel(d: CatalogDocument): string {
  return `${SHORT_NAMES[d.key]} ${/^\d/.test(d.version) ? `v${d.version}` : d.version}`;
}

/** A claim whose statement reads differently in a later catalog version, and why. */
export interface StatementChange {
  readonly claimId: string;
  /** The claim's title in the later version. */
  readonly title: string;
  readonly fromVersion: string;
  readonly toVersion: string;
  /** The statement as the earlier version words it. */
  readonly from: string;
  /** The statement as the later version words it. */
  readonly to: string;
  /** The later version's change-log note for the claim, or null when its log has none. */
  readonly note: string | null;
}

/**
 * The claims, present in both versions, whose statement `to` words differently from `from`,
 * in `to`'s order, each with the reason from `to`'s change log. Compared on the text itself,
 * so a change the log forgot is still reported (with no note).
 */
export function statementChanges(from: Catalog, to: Catalog): readonly StatementChange[] {
  if (from.id !== to.id || from.version === to.version) return [];
  const earlier = new Map(listClaims(from).map(({ claim }) => [claim.id, claim]));
  return listClaims(to).flatMap(({ claim }) => {
    const old = earlier.get(claim.id);
    if (!old || old.statement === claim.statement) return [];
    const logged = (to.changes ?? []).filter((c) => c.claimId === claim.id);
    // Compared the other way round (newer to older), the newer version's log still explains it.
    const reverse = (from.changes ?? []).find((c) => c.claimId === claim.id && c.since === to.version);
    const note = (logged.find((c) => c.since === from.version) ?? reverse ?? logged.at(-1))?.note ?? null;
    return [
      {
        claimId: claim.id,
        title: claim.title,
        fromVersion: from.version,
        toVersion: to.version,
        from: old.statement,
        to: claim.statement,
        note,
      },
    ];
  });
}

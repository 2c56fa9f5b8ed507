/** The Code of Practice as data: themes hold principles, principles hold assurance claims. */

export interface CatalogClaim {
  /** `1.1.1`: numbering exactly as the Code's assurance document. */
  readonly id: string;
  /** A short title, for lists and the navigator. */
  readonly title: string;
  /** What the claim asks, in our own words. */
  readonly statement: string;
  /** Hints drawn from the Code's implementation guidance. */
  readonly guidance: readonly string[];
  /** Examples of evidence that would support the claim. */
  readonly typicalEvidence: readonly string[];
}

export interface CatalogPrinciple {
  /** `1.1` */
  readonly id: string;
  readonly title: string;
  readonly statement: string;
  readonly guidance: readonly string[];
  readonly claims: readonly CatalogClaim[];
}

export interface CatalogTheme {
  /** `1` */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly principles: readonly CatalogPrinciple[];
}

/** A published document a catalog version follows, with the version of it that was used. */
export interface CatalogDocument {
  /** `code`, `guidance`, `apc` or `form`. */
  readonly key: 'code' | 'guidance' | 'apc' | 'form';
  readonly title: string;
  /** As the document names its own version: `May 2025`, `1.0`, `0.4`. */
  readonly version: string;
  /** Publication date of that version, YYYY-MM-DD. */
  readonly published: string;
  /** What the catalog takes from it. */
  readonly use: string;
}

/** Why a claim's statement differs from an earlier catalog version (the catalog's change log). */
export interface CatalogChange {
  readonly claimId: string;
  /** The earlier version the statement changed from. */
  readonly since: string;
  readonly note: string;
}

export interface Catalog {
  /** Stable across versions: `uk-sscp`. */
  readonly id: string;
  /** Bumped whenever any text or numbering changes; assessments record the version they used. */
  readonly version: string;
  readonly title: string;
  /** Where the text comes from, for the pack's scope statement. */
  readonly source: string;
  /**
   * The documents and versions this catalog follows. Every version from 2025.2 has it;
   * 2025.1 shipped without it and is frozen, so it stays optional.
   */
  readonly documents?: readonly CatalogDocument[];
  /** Claims whose statement changed since an earlier version, each with the reason. */
  readonly changes?: readonly CatalogChange[];
  readonly themes: readonly CatalogTheme[];
}

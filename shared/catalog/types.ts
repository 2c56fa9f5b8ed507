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

export interface Catalog {
  /** Stable across versions: `uk-sscp`. */
  readonly id: string;
  /** Bumped whenever any text or numbering changes; assessments record the version they used. */
  readonly version: string;
  readonly title: string;
  /** Where the text comes from, for the pack's scope statement. */
  readonly source: string;
  readonly themes: readonly CatalogTheme[];
}

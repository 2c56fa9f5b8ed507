import type { Catalog } from '../../shared/catalog/index';
import { findClaim } from '../../shared/catalog/index';

/**
 * The official self-assessment form v0.4 (9 May 2025), the copy in circulation, next to
 * NCSC's Assurance Principles and Claims (APC) v1.0, whose numbering the catalog follows.
 * The form has 43 claims: it has no row for 2.1.6 (access review) or 4.3.1 (incident
 * support plan), and numbers incident notification 4.3.1, which the APC numbers 4.3.2.
 * The importer and the exporter both map this explicitly rather than trusting wording alone.
 */
export const FORM_V04 = {
  version: '0.4',
  /** APC claims with no row on form v0.4. */
  absent: ['2.1.6', '4.3.1'],
  /** Form v0.4 number → APC (catalog) number, for the claims the form numbers differently. */
  renumbered: new Map<string, string>([['4.3.1', '4.3.2']]),
} as const;

/** The number a catalog claim has on form v0.4, or null when the form has no row for it. */
export function formV04Number(claimId: string): string | null {
  if ((FORM_V04.absent as readonly string[]).includes(claimId)) return null;
  for (const [form, claim] of FORM_V04.renumbered) if (claim === claimId) return form;
  return claimId;
}

/**
 * Whether a form's claim numbers are form v0.4's: a row numbered 4.3.1 and none numbered
 * 4.3.2 or 2.1.6. A 45-claim copy (our own export, or a form someone completed with the APC
 * numbering) has a 4.3.2 row, so its 4.3.1 stays 4.3.1.
 */
export function usesFormV04Numbering(numbers: ReadonlySet<string | null>): boolean {
  return numbers.has('4.3.1') && !numbers.has('4.3.2') && !numbers.has('2.1.6');
}

/** The import notes for a form read in v0.4 numbering: what was mapped and what the form lacks. */
export function formV04ImportNotes(catalog: Catalog, saysVersion04: boolean, fromAppendix: ReadonlySet<string> = new Set()): string[] {
  const title = (id: string): string => findClaim(catalog, id)?.claim.title ?? id;
  const which = saysVersion04 ? 'This is the self-assessment form v0.4' : 'This form is numbered like the self-assessment form v0.4';
  const mapped = [...FORM_V04.renumbered].map(
    ([form, claim]) =>
      `its claim ${form} (${title(claim).toLowerCase()}) is claim ${claim} in APC v1.0 and in catalog ${catalog.version}, and was placed there`,
  );
  const absent = FORM_V04.absent.map((id) => `${id} (${title(id).toLowerCase()})`).join(' and ');
  const carried = FORM_V04.absent.filter((id) => fromAppendix.has(id));
  const missing = FORM_V04.absent.filter((id) => !fromAppendix.has(id));
  const where =
    carried.length === 0
      ? 'they start empty in the new draft.'
      : `this copy carries ${carried.join(' and ')} in the table of claims not on the form at its end, and ${carried.length === 1 ? 'it was' : 'they were'} read from there${missing.length > 0 ? `; ${missing.join(' and ')} starts empty in the new draft` : ''}.`;
  return [`${which} (43 claims): ${mapped.join('; ')}.`, `Form v0.4 has no rows for claims ${absent}: ${where}`];
}

import { z } from 'zod';
import { PACK_PROFILES } from './types';

/**
 * Bumped when a field changes meaning; readers refuse versions they do not know. Version 2
 * added `dataFiles` (the CycloneDX attestation); version 1 packs still verify and import.
 */
export const MANIFEST_SCHEMA_VERSION = 2;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const manifestFileSchema = z.strictObject({
  /** The attachment's name in the PDF: unique, safe to save under. */
  name: z.string().min(1),
  originalName: z.string(),
  size: z.number().int().nonnegative(),
  sha256: sha256Hex,
  mediaType: z.string(),
  description: z.string(),
  effectiveDate: isoDate.nullable(),
  expiryDate: isoDate.nullable(),
  confidential: z.boolean(),
  /**
   * Present (true) only when the SRO withheld the file's name and description from this
   * edition: `originalName` is then "Withheld file N (confidential)", not a file name.
   */
  detailsWithheld: z.literal(true).optional(),
  claims: z.array(z.string()),
  /** False when the profile withheld the file: listed with its hash, bytes not in the pack. */
  embedded: z.boolean(),
});
export type ManifestFile = z.infer<typeof manifestFileSchema>;

/** One of the pack's own data files that recipients read with other tools: hashed and checked like evidence. */
export const manifestDataFileSchema = z.strictObject({
  name: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: sha256Hex,
  mediaType: z.string(),
  description: z.string(),
});
export type ManifestDataFile = z.infer<typeof manifestDataFileSchema>;
/**
 * Evidence that is not a file (a system setting, a ticket, an interview): where it is, what it
 * shows, when and who answers for it. It has no bytes, so no hash and nothing embedded.
 */
export const manifestReferenceSchema = z.strictObject({
  /** A web address (http or https) or a location in words; never opened or fetched. "Withheld reference N (confidential)" when withheld. */
  location: z.string().min(1),
  description: z.string(),
  effectiveDate: isoDate.nullable(),
  expiryDate: isoDate.nullable(),
  owner: z.string(),
  confidential: z.boolean(),
  /** Present (true) only when this edition withholds the location, description and owner. */
  detailsWithheld: z.literal(true).optional(),
  claims: z.array(z.string()),
});
export type ManifestReference = z.infer<typeof manifestReferenceSchema>;

export const manifestSchema = z.strictObject({
  schemaVersion: z.union([z.literal(1), z.literal(MANIFEST_SCHEMA_VERSION)]),
  packId: z.uuid(),
  assessmentId: z.string(),
  catalog: z.strictObject({ id: z.string(), version: z.string() }),
  profile: z.enum(PACK_PROFILES),
  generatedAt: z.string(),
  generator: z.strictObject({ name: z.string(), version: z.string() }),
  files: z.array(manifestFileSchema),
  /** From version 2: attestation.cdx.json. */
  dataFiles: z.array(manifestDataFileSchema).optional(),
  /** Written only when the assessment has references, so packs without them read as before. */
  references: z.array(manifestReferenceSchema).optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Bumped when assessment.json changes shape; the importer reads every version it knows. */
export const ASSESSMENT_EXPORT_SCHEMA_VERSION = 1;

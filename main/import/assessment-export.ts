import { z } from 'zod';
import {
  ACTION_STATES,
  ASSESSMENT_ORIGINS,
  ASSESSMENT_STATES,
  CLAIM_RESULTS,
  EVIDENCE_KINDS,
  VENDOR_ROLES,
  WORK_STATUSES,
  type AssessmentDetail,
} from '../../shared/domain/types';
import { SscpError } from '../../shared/errors';
import { referenceLocationProblem } from '../../shared/domain/evidence-reference';
import { PACK_PROFILES, type PackProfile } from '../pack/types';

/**
 * assessment.json as every released build has written it, one schema per `schemaVersion`.
 * A shipped version's schema never changes; a new shape gets a new version and a parser
 * here, and `test/fixtures/packs/` keeps a real pack of each to import.
 */

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const isoDate = z.iso.date();
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
const id = z.string().min(1).max(200);
const claimId = z.string().regex(/^\d{1,2}\.\d{1,2}\.\d{1,2}$/);
const text = z.string().max(1_000_000);
/**
 * Only a bound against absurd input: the real limits (shared/domain/text-rules.ts) are
 * checked after parsing, so a pack over one is refused with the field and the limit named.
 */
const name = z.string().max(1_000_000);

const assessmentV1 = z.object({
  id,
  organisation: name.trim().min(1),
  products: z.array(name.trim().min(1)).max(1000),
  role: z.enum(VENDOR_ROLES),
  theme3InScope: z.boolean(),
  periodStart: isoDate.nullable(),
  periodEnd: isoDate.nullable(),
  sroName: name,
  sroRole: name,
  catalogId: z.string().min(1).max(100),
  catalogVersion: z.string().min(1).max(100),
  state: z.enum(ASSESSMENT_STATES),
  origin: z.enum(ASSESSMENT_ORIGINS),
  previousId: id.nullable(),
  createdAt: instant,
  updatedAt: instant,
  signedAt: instant.nullable(),
});

const detailV1 = z.object({
  assessment: assessmentV1,
  responses: z
    .array(
      z.object({
        assessmentId: id,
        claimId,
        status: z.enum(WORK_STATUSES),
        result: z.enum(CLAIM_RESULTS),
        evidenceText: text,
        arguments: text,
        updatedAt: instant,
      }),
    )
    .max(1000),
  actions: z
    .array(
      z.object({
        id,
        assessmentId: id,
        claimId,
        description: name.min(1),
        owner: name,
        dueDate: isoDate.nullable(),
        state: z.enum(ACTION_STATES),
        createdAt: instant,
        updatedAt: instant,
      }),
    )
    .max(10_000),
  evidence: z
    .array(
      z
        .object({
          id,
          // Packs from before references were possible hold only files.
          kind: z.enum(EVIDENCE_KINDS).default('file'),
          sha256: sha256Hex.or(z.literal('')),
          fileName: name,
          size: z.number().int().nonnegative(),
          mediaType: z.string().max(255),
          description: text,
          effectiveDate: isoDate.nullable(),
          expiryDate: isoDate.nullable(),
          confidential: z.boolean(),
          // Packs from before details could be withheld do not say.
          withholdDetails: z.boolean().default(false),
          present: z.boolean(),
          owner: name.default(''),
          addedAt: instant,
        })
        .refine((e) => !e.withholdDetails || e.confidential, {
          message: 'only confidential evidence can have its details withheld',
          path: ['withholdDetails'],
        })
        .refine((e) => (e.kind === 'file' ? e.sha256 !== '' && e.owner === '' : e.sha256 === '' && e.size === 0 && !e.present), {
          message: 'a file has a SHA-256 and no owner; a reference has neither bytes nor a hash',
          path: ['kind'],
        })
        .refine((e) => e.kind === 'file' || referenceLocationProblem(e.fileName) === null, {
          message: 'a reference must be a web address (http or https) or a location in words',
          path: ['fileName'],
        }),
    )
    .max(100_000),
  links: z.array(z.object({ assessmentId: id, claimId, evidenceId: id })).max(1_000_000),
});

const exportV1 = z.object({
  schemaVersion: z.literal(1),
  packId: z.uuid(),
  catalog: z.object({ id: z.string(), version: z.string() }),
  profile: z.enum(PACK_PROFILES),
  auditChainHead: z.object({ seq: z.number().int().nonnegative(), hash: z.string(), entries: z.number().int().nonnegative() }),
  acceptedExceptions: z.array(z.string()),
  detail: detailV1,
});

/** The parts of assessment.json an import uses, the same whichever version wrote it. */
export interface AssessmentExport {
  readonly schemaVersion: number;
  readonly packId: string;
  readonly catalog: { readonly id: string; readonly version: string };
  readonly profile: PackProfile;
  readonly auditChainHead: { readonly seq: number; readonly hash: string; readonly entries: number };
  readonly acceptedExceptions: readonly string[];
  readonly detail: AssessmentDetail;
}

const PARSERS: ReadonlyMap<number, (value: unknown) => AssessmentExport> = new Map([[1, (value: unknown) => exportV1.parse(value)]]);

/** Every assessment.json version this build reads. */
export const SUPPORTED_EXPORT_VERSIONS: readonly number[] = [...PARSERS.keys()];

/**
 * Validates assessment.json against the schema of the version it declares. A version from a
 * newer build is refused by name; anything malformed says which field is wrong.
 */
export function parseAssessmentExport(json: unknown, packName: string): AssessmentExport {
  const version = typeof json === 'object' && json !== null ? (json as { schemaVersion?: unknown }).schemaVersion : undefined;
  const parse = typeof version === 'number' ? PARSERS.get(version) : undefined;
  if (!parse) {
    const newer = typeof version === 'number' && Number.isInteger(version) && version > Math.max(...SUPPORTED_EXPORT_VERSIONS);
    throw SscpError.because(
      newer
        ? { code: 'pack-data-version-newer', packName, version, supported: SUPPORTED_EXPORT_VERSIONS }
        : { code: 'pack-data-version-unknown', packName, version: JSON.stringify(version) ?? 'none' },
    );
  }
  try {
    return parse(json);
  } catch (e) {
    const issue = e instanceof z.ZodError ? e.issues[0] : undefined;
    const where = issue ? `${issue.path.join('.') || 'the top level'}: ${issue.message}` : String(e);
    throw SscpError.because({ code: 'pack-data-invalid', packName, where });
  }
}

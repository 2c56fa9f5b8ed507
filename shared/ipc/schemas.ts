import { z } from 'zod';
import { profileProblems } from '../domain/actor';
import { MAX_PRODUCTS, TEXT_FIELDS, textProblem, textReason, type TextField } from '../domain/text-rules';
import { ACTION_STATES, CLAIM_RESULTS, VENDOR_ROLES, WORK_STATUSES } from '../domain/types';

/** Argument building blocks: every string the renderer sends is bounded and shaped. */
export const id = z.string().min(1).max(100);
export const claimId = z.string().regex(/^\d{1,2}\.\d{1,2}\.\d{1,2}$/, 'A claim number looks like 1.2.3');
export const isoDate = z.iso.date();
export const optionalDate = isoDate.nullable();

/**
 * Text a person types, held to the field's rules in `shared/domain/text-rules.ts` (length,
 * control, bidirectional and invisible characters), the same rules the workspace applies for
 * the CLI. The issue carries the rule's reason, which dispatch raises as it is.
 */
export function textField(f: TextField, options: { required?: boolean; label?: string } = {}) {
  const rule = options.label ? { ...f, label: options.label } : f;
  const base = f.shape === 'line' ? z.string().trim() : z.string();
  return (options.required ? base.min(1, `The ${rule.label} is missing.`) : base).superRefine((value, ctx) => {
    const problem = textReason(value, rule);
    const words = problem && textProblem(value, rule);
    if (problem && words) ctx.addIssue({ code: 'custom', message: words.message, params: { reason: problem } });
  });
}
/** A path on this computer, chosen by a native dialog or dropped onto the window. */
export const filePath = z.string().min(1).max(4096);
export const none = z.strictObject({});

export const vendorRole = z.enum(VENDOR_ROLES);
export const claimResult = z.enum(CLAIM_RESULTS);
export const workStatus = z.enum(WORK_STATUSES);
export const actionState = z.enum(ACTION_STATES);
export const theme = z.enum(['light', 'dark', 'system']);

export const assessmentFields = z.strictObject({
  organisation: textField(TEXT_FIELDS.organisation, { required: true }),
  products: z
    .array(textField(TEXT_FIELDS.product, { required: true }))
    .max(MAX_PRODUCTS, `At most ${MAX_PRODUCTS} products may be listed.`),
  role: vendorRole,
  theme3InScope: z.boolean(),
  periodStart: optionalDate,
  periodEnd: optionalDate,
  // Who signs may be named later; signing refuses until they are (shared/domain/signoff.ts).
  sroName: textField(TEXT_FIELDS.sroName),
  sroRole: textField(TEXT_FIELDS.sroRole),
});

export const claimPatch = z.strictObject({
  status: workStatus.optional(),
  result: claimResult.optional(),
  evidenceText: textField(TEXT_FIELDS.evidenceText).optional(),
  arguments: textField(TEXT_FIELDS.arguments).optional(),
});

export const actionFields = z.strictObject({
  description: textField(TEXT_FIELDS.actionDescription, { required: true }),
  owner: textField(TEXT_FIELDS.actionOwner),
  dueDate: optionalDate,
});

export const evidenceMeta = z.strictObject({
  fileName: textField(TEXT_FIELDS.evidenceName, { required: true }).optional(),
  description: textField(TEXT_FIELDS.evidenceDescription).optional(),
  effectiveDate: optionalDate.optional(),
  expiryDate: optionalDate.optional(),
  confidential: z.boolean().optional(),
  withholdDetails: z.boolean().optional(),
  /** A reference's owner. */
  owner: textField(TEXT_FIELDS.evidenceOwner).optional(),
});

/** Evidence that is not a file: the location is checked again in main (shared/domain/evidence-reference.ts). */
export const referenceFields = z.strictObject({
  location: textField(TEXT_FIELDS.referenceLocation, { required: true }),
  description: textField(TEXT_FIELDS.evidenceDescription, { required: true }),
  effectiveDate: optionalDate.optional(),
  expiryDate: optionalDate.optional(),
  owner: textField(TEXT_FIELDS.evidenceOwner).optional(),
  confidential: z.boolean().optional(),
});

/** Many items picked in a list; the services refuse more than they take in one change. */
export const evidenceIds = z.array(id).min(1).max(10_000);

/** What a bulk change may set on many items: dates and confidentiality, never a name or description. */
export const bulkEvidencePatch = z.strictObject({
  effectiveDate: optionalDate.optional(),
  expiryDate: optionalDate.optional(),
  confidential: z.boolean().optional(),
});

/** The local profile every change is recorded under; the one rule is shared/domain/actor.ts. */
export const userProfile = z
  .strictObject({ name: z.string().max(1000), role: z.string().max(1000), email: z.string().max(1000) })
  .superRefine((p, ctx) => {
    for (const problem of profileProblems(p)) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });

export const settingsPatch = z.strictObject({
  theme: theme.optional(),
  profile: userProfile.optional(),
  defaultIdentityId: id.nullable().optional(),
  defaultExportFolder: filePath.nullable().optional(),
  /** The page may only stop using the form template; choosing one goes through settings.chooseFormTemplate's dialog. */
  formTemplatePath: z.null().optional(),
});

export const identityLabel = textField(TEXT_FIELDS.identityLabel, { required: true });
/** A part of a certificate's subject: the SRO's name or role, the organisation. */
export const certificateText = (label: string) => textField(TEXT_FIELDS.certificateName, { required: true, label });
/** A new passphrase: the signing service checks its strength and says what is wrong. */
export const passphrase = z.string().min(1).max(1024);
export const packProfile = z.enum(['certification', 'customer']);
/** SHA-256 in hex, with or without colons, either case. */
export const fingerprint = z
  .string()
  .trim()
  .regex(/^([0-9a-fA-F]{2}:?){31}[0-9a-fA-F]{2}$/, 'A fingerprint is 64 hexadecimal characters');

/** A claim owner as the SRO types them (docs/contributions.md); the service checks them again. */
export const ownerFields = z.strictObject({
  name: z.string().trim().min(1, "Give the owner's name").max(100),
  team: z.string().max(100).optional(),
  email: z.string().max(254).optional(),
});

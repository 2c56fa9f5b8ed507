import { z } from 'zod';
import { SscpError } from '../errors';
import { ACTOR_EMAIL_MAX, ACTOR_NAME_MAX, personFieldProblem } from './actor';
import { OWNER_TEAM_MAX } from './contribution';
import type { ErrorReason } from '../error-reasons';
import { MAX_PRODUCTS, TEXT_FIELDS, textProblem, textReason, type TextField } from './text-rules';
import { ACTION_STATES, CLAIM_RESULTS, VENDOR_ROLES, WORK_STATUSES } from './types';

/**
 * What a person may send to change an assessment, defined once: the IPC contract parses the
 * app's requests with these schemas, the workspace services and the CLI's files take the types
 * derived from them (`z.infer`), and where a service checks a shape itself it parses with the
 * same schema (`parseInput`), so the app and the command line accept and refuse the same input.
 * Each refusal names the field and carries a hint, as the services word them.
 */

export const isoDate = z.iso.date();
export const optionalDate = isoDate.nullable();

/**
 * Text a person types, held to the field's rules in `shared/domain/text-rules.ts` (length,
 * control, bidirectional and invisible characters), the same rules the workspace applies for
 * the CLI. The issue carries the rule's own message and hint, which dispatch shows as they are.
 */
export function textField(f: TextField, options: { required?: boolean; label?: string } = {}) {
  const rule = options.label ? { ...f, label: options.label } : f;
  const base = f.shape === 'line' ? z.string().trim() : z.string();
  return (options.required ? base.min(1, `The ${rule.label} is missing.`) : base).superRefine((value, ctx) => {
    const problem = textProblem(value, rule);
    const reason = textReason(value, rule);
    if (problem && reason) ctx.addIssue({ code: 'custom', message: problem.message, params: { reason } });
  });
}

/**
 * A person's name, team or email (the audit log's and a claim owner's): trimmed, one line,
 * at most `max` characters as a person counts them (`personFieldProblem`, shared/domain/actor.ts).
 */
export function personField(what: string, max: number, options: { required?: boolean; email?: boolean } = {}) {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const problem = personFieldProblem(value, what, max, options.required ?? false);
      if (problem) issue(ctx, problem, { code: 'person-field-invalid', problem, what });
      else if (options.email && value !== '' && !/^[^@\s]+@[^@\s]+$/.test(value))
        issue(ctx, `"${value}" is not an email address.`, { code: 'not-an-email', email: value });
    });
}

export const vendorRole = z.enum(VENDOR_ROLES);
export const claimResult = z.enum(CLAIM_RESULTS);
export const workStatus = z.enum(WORK_STATUSES);
export const actionState = z.enum(ACTION_STATES);

/** A new assessment's fields as the app's form sends them; `assessmentFields.partial()` is an edit. */
export const assessmentFields = z.strictObject({
  organisation: textField(TEXT_FIELDS.organisation, { required: true }),
  products: z
    .array(textField(TEXT_FIELDS.product, { required: true }))
    // The same product twice is one product, as the service stores it.
    .transform((names) => [...new Set(names)])
    .pipe(z.array(z.string()).max(MAX_PRODUCTS, `At most ${MAX_PRODUCTS} products may be listed.`)),
  role: vendorRole,
  theme3InScope: z.boolean(),
  periodStart: optionalDate,
  periodEnd: optionalDate,
  // Who signs may be named later; signing refuses until they are (shared/domain/signoff.ts).
  sroName: textField(TEXT_FIELDS.sroName),
  sroRole: textField(TEXT_FIELDS.sroRole),
});
type Fields = z.infer<typeof assessmentFields>;
/** An assessment's own fields, as the services take them (lists read-only). */
export type AssessmentFieldsInput = { readonly [K in keyof Fields]: Fields[K] extends (infer U)[] ? readonly U[] : Fields[K] };
/** A change to an assessment's own fields: what is left out stays as it is. */
export type AssessmentPatch = Partial<AssessmentFieldsInput>;
/** A new assessment's fields: an organisation and a role, the rest may come later. */
export type NewAssessmentFields = Pick<AssessmentFieldsInput, 'organisation' | 'role'> & Partial<AssessmentFieldsInput>;

/** A change to one claim's answer: what is left out stays as it is. */
export const claimPatch = z.strictObject({
  status: workStatus.optional(),
  result: claimResult.optional(),
  evidenceText: textField(TEXT_FIELDS.evidenceText).optional(),
  arguments: textField(TEXT_FIELDS.arguments).optional(),
});
export type ClaimPatch = Readonly<z.infer<typeof claimPatch>>;
/** The fields a claim patch may set, in order. */
export const CLAIM_PATCH_FIELDS = Object.keys(claimPatch.shape) as readonly (keyof ClaimPatch)[];

/** A remedial action as a person writes it; `actionPatch` changes one. */
export const actionFields = z.strictObject({
  description: textField(TEXT_FIELDS.actionDescription, { required: true }),
  owner: textField(TEXT_FIELDS.actionOwner),
  dueDate: optionalDate,
});
export const actionPatch = actionFields.partial().extend({ state: actionState.optional() });
export type ActionPatch = Readonly<z.infer<typeof actionPatch>>;
export type NewActionInput = Readonly<Partial<z.infer<typeof actionFields>>> & {
  readonly claimId: string;
  readonly description: string;
  readonly state?: z.infer<typeof actionState>;
};

/** What a person says about an evidence item: its name, description, dates and confidentiality. */
export const evidenceMeta = z.strictObject({
  fileName: textField(TEXT_FIELDS.evidenceName, { required: true }).optional(),
  description: textField(TEXT_FIELDS.evidenceDescription).optional(),
  effectiveDate: optionalDate.optional(),
  expiryDate: optionalDate.optional(),
  confidential: z.boolean().optional(),
  /** Only with confidential: a customer pack withholds the name and description too. */
  withholdDetails: z.boolean().optional(),
  /** A reference's owner; a file has none. */
  owner: textField(TEXT_FIELDS.evidenceOwner).optional(),
});
/** A change to an evidence item (a file's or a reference's). */
export type EvidencePatch = Readonly<z.infer<typeof evidenceMeta>>;
/** What is said about a file being attached: the same fields, but a file has no owner. */
export type EvidenceMeta = Omit<EvidencePatch, 'owner'>;

/** Evidence that is not a file: the location is checked again in main (shared/domain/evidence-reference.ts). */
export const referenceFields = z.strictObject({
  location: textField(TEXT_FIELDS.referenceLocation, { required: true }),
  description: textField(TEXT_FIELDS.evidenceDescription, { required: true }),
  effectiveDate: optionalDate.optional(),
  expiryDate: optionalDate.optional(),
  owner: textField(TEXT_FIELDS.evidenceOwner).optional(),
  confidential: z.boolean().optional(),
});
export type ReferenceInput = Readonly<z.infer<typeof referenceFields>>;

/** What a bulk change may set on many items: dates and confidentiality, never a name or description. */
export const bulkEvidencePatch = z.strictObject({
  effectiveDate: optionalDate.optional(),
  expiryDate: optionalDate.optional(),
  confidential: z.boolean().optional(),
});
export type BulkEvidencePatch = Readonly<z.infer<typeof bulkEvidencePatch>>;

/** A claim owner (docs/contributions.md): `sscp assign`, the app's Claim owners card and the service take this one shape. */
export const ownerFields = z.strictObject({
  name: personField("The owner's name", ACTOR_NAME_MAX, { required: true }),
  team: personField("The owner's team", OWNER_TEAM_MAX).optional(),
  email: personField("The owner's email", ACTOR_EMAIL_MAX, { email: true }).optional(),
});
export type OwnerInput = Readonly<z.input<typeof ownerFields>>;

/** Why the SRO rejects a contribution: one line, kept and logged. */
export const rejectReason = personField('The reason', 2000);

/** Who a contribution is for and from (besides the signer's certificate): checked as writing one checks them. */
export const contributionFields = z.strictObject({
  organisation: textField(TEXT_FIELDS.organisation, { required: true }),
  email: personField('The email', ACTOR_EMAIL_MAX, { email: true }).optional(),
  team: personField('The team', OWNER_TEAM_MAX).optional(),
});
export type CheckedOwner = Readonly<z.output<typeof ownerFields>>;

/** A schema's refusal with the reason it stands for, which `reasonOfIssues` raises as it is. */
function issue(ctx: z.RefinementCtx, message: string, reason: ErrorReason): void {
  ctx.addIssue({ code: 'custom', message, params: { reason } });
}

/**
 * The reason a refused value stands for: a field rule's own reason (its facts, worded by each
 * surface's map), else the schema's first problem and where it was. One rule for the app's
 * requests (main/ipc/validate.ts) and the services' own checks (`parseInput`).
 */
export function reasonOfIssues(error: z.ZodError): ErrorReason {
  const first = error.issues[0];
  const reason = first?.code === 'custom' ? (first as { params?: { reason?: ErrorReason } }).params?.reason : undefined;
  if (reason) return reason;
  const where = first && first.path.length > 0 ? first.path.join('.') : null;
  return { code: 'request-invalid', where, problem: (first?.message ?? 'unknown problem').replace(/\.$/, '') };
}

/**
 * Parses `value` with one of these schemas for a service: the first problem becomes the
 * `invalid-input` error the CLI and the app show, each in its own words.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw SscpError.because(reasonOfIssues(parsed.error));
}

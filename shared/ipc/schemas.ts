import { z } from 'zod';
import { profileProblems } from '../domain/actor';
import { DATE_FORMAT_SETTINGS } from '../format/dates';
import { TEXT_FIELDS } from '../domain/text-rules';
import { textField } from '../domain/inputs';
import { PACK_PROFILES } from '../domain/pack-results';

// The input shapes a person sends are defined once, in shared/domain/inputs.ts, with the
// services' own rules; the contract takes them from there.
export {
  actionFields,
  actionPatch,
  actionState,
  assessmentFields,
  bulkEvidencePatch,
  claimPatch,
  claimResult,
  contributionFields,
  evidenceMeta,
  isoDate,
  optionalDate,
  ownerFields,
  referenceFields,
  rejectReason,
  textField,
  vendorRole,
  workStatus,
} from '../domain/inputs';

/** Argument building blocks: every string the renderer sends is bounded and shaped. */
export const id = z.string().min(1).max(100);
export const claimId = z.string().regex(/^\d{1,2}\.\d{1,2}\.\d{1,2}$/, 'A claim number looks like 1.2.3');
/** A path on this computer, chosen by a native dialog or dropped onto the window. */
export const filePath = z.string().min(1).max(4096);
export const none = z.strictObject({});

export const theme = z.enum(['light', 'dark', 'system']);

/** Many items picked in a list; the services refuse more than they take in one change. */
export const evidenceIds = z.array(id).min(1).max(10_000);

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
  dateFormat: z.enum(DATE_FORMAT_SETTINGS).optional(),
});

export const identityLabel = textField(TEXT_FIELDS.identityLabel, { required: true });
/** A part of a certificate's subject: the SRO's name or role, the organisation. */
export const certificateText = (label: string) => textField(TEXT_FIELDS.certificateName, { required: true, label });
/** A new passphrase: the signing service checks its strength and says what is wrong. */
export const passphrase = z.string().min(1).max(1024);
export const packProfile = z.enum(PACK_PROFILES);
/** SHA-256 in hex, with or without colons, either case. */
export const fingerprint = z
  .string()
  .trim()
  .regex(/^([0-9a-fA-F]{2}:?){31}[0-9a-fA-F]{2}$/, 'A fingerprint is 64 hexadecimal characters');

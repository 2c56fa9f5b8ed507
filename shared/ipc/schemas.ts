import { z } from 'zod';
import { profileProblems } from '../domain/actor';
import { ACTION_STATES, CLAIM_RESULTS, VENDOR_ROLES, WORK_STATUSES } from '../domain/types';

/** Argument building blocks: every string the renderer sends is bounded and shaped. */
export const id = z.string().min(1).max(100);
export const claimId = z.string().regex(/^\d{1,2}\.\d{1,2}\.\d{1,2}$/, 'A claim number looks like 1.2.3');
export const isoDate = z.iso.date();
export const optionalDate = isoDate.nullable();
export const shortText = z.string().max(500);
export const longText = z.string().max(100_000);
/** A path on this computer, chosen by a native dialog or dropped onto the window. */
export const filePath = z.string().min(1).max(4096);
export const none = z.strictObject({});

export const vendorRole = z.enum(VENDOR_ROLES);
export const claimResult = z.enum(CLAIM_RESULTS);
export const workStatus = z.enum(WORK_STATUSES);
export const actionState = z.enum(ACTION_STATES);
export const theme = z.enum(['light', 'dark', 'system']);

export const assessmentFields = z.strictObject({
  organisation: z.string().trim().min(1).max(300),
  products: z.array(z.string().trim().min(1).max(300)).max(100),
  role: vendorRole,
  theme3InScope: z.boolean(),
  periodStart: optionalDate,
  periodEnd: optionalDate,
  sroName: z.string().trim().min(1).max(300),
  sroRole: z.string().trim().min(1).max(300),
});

export const claimPatch = z.strictObject({
  status: workStatus.optional(),
  result: claimResult.optional(),
  evidenceText: longText.optional(),
  arguments: longText.optional(),
});

export const actionFields = z.strictObject({
  description: z.string().trim().min(1).max(5000),
  owner: shortText,
  dueDate: optionalDate,
});

export const evidenceMeta = z.strictObject({
  fileName: z.string().trim().min(1).max(255).optional(),
  description: longText.optional(),
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
});

export const identityLabel = z.string().trim().min(1).max(64);
export const personText = z.string().trim().min(1).max(300);
/** A new passphrase: the signing service checks its strength and says what is wrong. */
export const passphrase = z.string().min(1).max(1024);
export const packProfile = z.enum(['certification', 'customer']);
/** SHA-256 in hex, with or without colons, either case. */
export const fingerprint = z.string().trim().regex(/^([0-9a-fA-F]{2}:?){31}[0-9a-fA-F]{2}$/, 'A fingerprint is 64 hexadecimal characters');

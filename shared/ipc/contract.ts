import { z } from 'zod';
import type { AssessmentDetail, Assessment, AuditEntry, ClaimResponse, EvidenceItem, RemedialAction } from '../domain/types';
import { returns, type ResultMarker } from './marker';
import type { IpcResult } from './result';
import {
  actionFields,
  actionPatch,
  contributionFields,
  assessmentFields,
  bulkEvidencePatch,
  claimId,
  claimPatch,
  evidenceIds,
  evidenceMeta,
  filePath,
  referenceFields,
  fingerprint,
  id,
  identityLabel,
  none,
  optionalDate,
  packProfile,
  passphrase,
  certificateText,
  settingsPatch,
  vendorRole,
  ownerFields,
  rejectReason,
} from './schemas';
import type {
  ClaimOwnerView,
  ContributionCreditsView,
  ContributionDecisionView,
  ContributionImportView,
  ContributionPreviewView,
  ContributionReviewView,
  ContributionWrittenView,
} from './views-contributions';
import type { CarryForwardPlan } from '../domain/carry-forward';
import { CLAIM_COMMANDS } from './shortcuts';
import { MAX_CONTRIBUTION_CLAIMS, MAX_CONTRIBUTION_FILES } from '../domain/contribution';
import type {
  ExportedPackView,
  IdentityBackupView,
  IdentityView,
  PackImportPreviewView,
  PackImportResultView,
  VerificationView,
} from './views-signing';
import type { FormExportView, FormImportView, FormPlacementView, RemindersExportView } from './views-form';
import type {
  AppInfo,
  AssessmentListItem,
  AssessmentOpeningView,
  AttachedEvidence,
  ClaimEvidenceView,
  IntegritySummary,
  EvidenceLibraryItem,
  EvidenceRemoval,
  EvidenceRemovalPlan,
  EvidenceRemovalUndo,
  EvidencePreview,
  JobProgress,
  JobStarted,
  LinkedManyView,
  PickedPath,
  PickedPaths,
  RecentAuditView,
  Settings,
  UnlinkedManyView,
  WorkspaceInfo,
} from './views';

interface ChannelSpec {
  readonly args: z.ZodType;
  readonly result: ResultMarker<unknown> | z.ZodType;
  /** Long work: the call returns a job id at once; this is the value `jobs.done` carries. */
  readonly job?: ResultMarker<unknown>;
  /** Answered by the Electron layer (dialogs, shell, settings), not by the service table. */
  readonly platform?: true;
  /**
   * Arguments that name a file on this computer, and what main may do with it. Main acts on such
   * a path only if it holds a grant for it (main/ipc/path-grants.ts), checked before any service runs.
   */
  readonly paths?: Readonly<Record<string, PathAccess>>;
  /** Called by the preload itself, never exposed to the page as a `window.sscp` method. */
  readonly preloadOnly?: true;
}

/**
 * What main may do with a path the page sends: `read` a file the user chose or dropped, `write`
 * once to a place the user chose in a save dialog, open a `database` the user chose (or one in
 * main's own recent list), or `reveal` in the file manager any path granted in this window.
 */
export type PathAccess = 'read' | 'write' | 'database' | 'reveal';

/** The most history entries one `assessments.recentAudit` call returns. */
export const RECENT_AUDIT_MAX = 100;

const job = <T>() => ({ result: returns<JobStarted>(), job: returns<T>() });

/**
 * The one list of everything the renderer may ask of main. The preload exposes exactly these
 * keys, main registers exactly these handlers, and every argument is parsed with its schema
 * before any service runs.
 */
export const contract = {
  // The application itself, settings, native dialogs and the desktop shell (main/app).
  'app.info': { args: none, result: returns<AppInfo>(), platform: true },
  /** The page has saved everything after an `app.closing` event: the window may close now. */
  'app.readyToClose': { args: none, result: returns<null>(), platform: true },
  'settings.get': { args: none, result: returns<Settings>(), platform: true },
  'settings.update': { args: settingsPatch, result: returns<Settings>(), platform: true },
  /** Shows the open dialog for the official blank form, checks it is the form, and remembers it in settings (unchanged if cancelled). */
  'settings.chooseFormTemplate': { args: none, result: returns<Settings>(), platform: true },
  'dialogs.openDatabase': { args: none, result: returns<PickedPath>(), platform: true },
  'dialogs.newDatabase': { args: none, result: returns<PickedPath>(), platform: true },
  'dialogs.openEvidenceFiles': { args: none, result: returns<PickedPaths>(), platform: true },
  'dialogs.chooseFile': {
    args: z.strictObject({ purpose: z.enum(['evidence', 'pack', 'form', 'p12', 'contribution']) }),
    result: returns<PickedPath>(),
    platform: true,
  },
  'dialogs.saveFile': {
    args: z.strictObject({
      purpose: z.enum(['pack', 'form', 'certificate', 'backup', 'calendar', 'attestation', 'contribution']),
      suggestedName: z.string().min(1).max(255),
    }),
    result: returns<PickedPath>(),
    platform: true,
  },
  'dialogs.chooseFolder': { args: none, result: returns<PickedPath>(), platform: true },
  /**
   * The preload asks main to let this window read a file the user dropped onto it; the path comes
   * from webUtils.getPathForFile in the preload, never from the page.
   */
  'grants.registerDrop': { args: z.strictObject({ path: filePath }), result: returns<PickedPath>(), platform: true, preloadOnly: true },
  'shell.reveal': { args: z.strictObject({ path: filePath }), result: returns<null>(), platform: true, paths: { path: 'reveal' } },
  'shell.openExternal': {
    args: z.strictObject({ url: z.url({ protocol: /^https$/ }) }),
    result: returns<null>(),
    platform: true,
  },

  // The database the user works in.
  'workspace.current': { args: none, result: returns<WorkspaceInfo | null>() },
  'workspace.open': { args: z.strictObject({ dbPath: filePath }), result: returns<WorkspaceInfo>(), paths: { dbPath: 'database' } },
  'workspace.close': { args: none, result: returns<null>() },
  'workspace.checkIntegrity': { args: none, ...job<IntegritySummary>() },

  // Assessments, claims and remedial actions.
  'assessments.list': { args: none, result: returns<readonly AssessmentListItem[]>() },
  'assessments.create': { args: assessmentFields, result: returns<Assessment>() },
  'assessments.get': { args: z.strictObject({ assessmentId: id }), result: returns<AssessmentDetail>() },
  /**
   * The first screen of an assessment (the claim asked for, or the one the screen shows when
   * null): everything but most evidence records, which `assessments.evidence` sends after.
   */
  'assessments.open': {
    args: z.strictObject({ assessmentId: id, claimId: claimId.nullable() }),
    result: returns<AssessmentOpeningView>(),
  },
  /** Every evidence item the assessment's claims use, in the order the detail lists them. */
  'assessments.evidence': { args: z.strictObject({ assessmentId: id }), result: returns<readonly EvidenceItem[]>() },
  'assessments.update': {
    args: z.strictObject({ assessmentId: id, patch: assessmentFields.partial() }),
    result: returns<Assessment>(),
  },
  'assessments.audit': { args: z.strictObject({ assessmentId: id }), result: returns<readonly AuditEntry[]>() },
  // The newest entries only (the dashboard's history card), and how many there are in all.
  'assessments.recentAudit': {
    args: z.strictObject({ assessmentId: id, limit: z.number().int().min(1).max(RECENT_AUDIT_MAX) }),
    result: returns<RecentAuditView>(),
  },
  'claims.update': {
    args: z.strictObject({ assessmentId: id, claimId, patch: claimPatch }),
    result: returns<ClaimResponse>(),
  },
  'actions.add': {
    args: z.strictObject({ assessmentId: id, claimId, fields: actionFields }),
    result: returns<RemedialAction>(),
  },
  'actions.update': {
    args: z.strictObject({ actionId: id, patch: actionPatch }),
    result: returns<RemedialAction>(),
  },
  'actions.remove': { args: z.strictObject({ actionId: id }), result: returns<null>() },

  // Evidence: the content-addressed library and its links to claims.
  'evidence.attach': {
    args: z.strictObject({ assessmentId: id, claimId, filePath, meta: evidenceMeta }),
    ...job<AttachedEvidence>(),
    paths: { filePath: 'read' },
  },
  'evidence.addReference': {
    args: z.strictObject({ assessmentId: id, claimId, reference: referenceFields }),
    result: returns<EvidenceItem>(),
  },
  // Each replies with the claim's evidence as it is now, so the app updates that claim alone.
  'evidence.link': { args: z.strictObject({ assessmentId: id, claimId, evidenceId: id }), result: returns<ClaimEvidenceView>() },
  'evidence.unlink': { args: z.strictObject({ assessmentId: id, claimId, evidenceId: id }), result: returns<ClaimEvidenceView>() },
  'evidence.list': { args: none, result: returns<readonly EvidenceLibraryItem[]>() },
  'evidence.update': { args: z.strictObject({ evidenceId: id, patch: evidenceMeta }), result: returns<EvidenceItem>() },
  'evidence.replace': { args: z.strictObject({ evidenceId: id, filePath }), ...job<AttachedEvidence>(), paths: { filePath: 'read' } },
  'evidence.preview': { args: z.strictObject({ evidenceId: id }), result: returns<EvidencePreview>() },
  // Bulk changes from the library and a claim's evidence list: one transaction each, all or nothing.
  'evidence.updateMany': { args: z.strictObject({ evidenceIds, patch: bulkEvidencePatch }), result: returns<readonly EvidenceItem[]>() },
  // Both reply with the claim's evidence as it is afterwards, like `evidence.link`: the app updates that claim alone.
  'evidence.linkMany': { args: z.strictObject({ assessmentId: id, claimId, evidenceIds }), result: returns<LinkedManyView>() },
  'evidence.unlinkMany': { args: z.strictObject({ assessmentId: id, claimId, evidenceIds }), result: returns<UnlinkedManyView>() },
  // Removing files from the library (main/services/evidence-removal.ts): what it would do, then
  // the removal, held for a while so Undo can put it back; closing the Undo makes it final.
  'evidence.planRemoval': { args: z.strictObject({ evidenceIds }), result: returns<EvidenceRemovalPlan>() },
  'evidence.remove': { args: z.strictObject({ evidenceIds }), result: returns<EvidenceRemoval>() },
  'evidence.undoRemoval': { args: z.strictObject({ removalId: id }), result: returns<EvidenceRemovalUndo>() },
  'evidence.finishRemoval': { args: z.strictObject({ removalId: id }), result: returns<null>() },

  // Next period's draft, and the year-on-year comparison's input.
  'assessments.carryForward': {
    args: z.strictObject({ assessmentId: id, periodStart: optionalDate.optional(), periodEnd: optionalDate.optional() }),
    result: returns<{ readonly assessment: Assessment; readonly plan: CarryForwardPlan }>(),
  },

  // Old periods out of the way without losing them (the rules are in main/services/archive.ts).
  'assessments.archive': { args: z.strictObject({ assessmentId: id }), result: returns<Assessment>() },
  'assessments.unarchive': { args: z.strictObject({ assessmentId: id }), result: returns<Assessment>() },

  // Signing identities of the SRO.
  'identities.list': { args: none, result: returns<readonly IdentityView[]>() },
  'identities.create': {
    args: z.strictObject({
      label: identityLabel,
      sroName: certificateText('SRO name'),
      sroRole: certificateText('SRO role'),
      organisation: certificateText('organisation name'),
      withRoot: z.boolean(),
      passphrase,
    }),
    result: returns<IdentityView>(),
  },
  'identities.importP12': {
    args: z.strictObject({ filePath, p12Password: z.string().max(1024), label: identityLabel, passphrase }),
    result: returns<IdentityView>(),
    paths: { filePath: 'read' },
  },
  'identities.exportCertificate': {
    args: z.strictObject({ label: identityLabel, root: z.boolean(), outPath: filePath }),
    result: returns<{ readonly path: string }>(),
    paths: { outPath: 'write' },
  },
  /** A PKCS#12 backup of the identity (docs/key-store.md), to a file the user chose in a save dialog. */
  'identities.exportBackup': {
    args: z.strictObject({
      label: identityLabel,
      passphrase: z.string().min(1).max(1024),
      p12Password: passphrase,
      withRootKey: z.boolean(),
      outPath: filePath,
    }),
    result: returns<IdentityBackupView>(),
    paths: { outPath: 'write' },
  },
  /** The app has reminded the SRO that this identity has no backup: it reminds once. */
  'identities.backupReminded': { args: z.strictObject({ label: identityLabel }), result: returns<IdentityView>() },

  // Signed packs: export (then verify what was written), verify, import.
  'packs.export': {
    args: z.strictObject({
      assessmentId: id,
      identityLabel,
      passphrase: z.string().min(1).max(1024),
      outPath: filePath,
      profile: packProfile,
      acceptExceptions: z.boolean(),
      // The SRO confirmed signing before the assessment period ends (the pack says so).
      signBeforePeriodEnd: z.boolean().optional(),
    }),
    ...job<ExportedPackView>(),
    paths: { outPath: 'write' },
  },
  'packs.verify': {
    args: z.strictObject({ path: filePath, fingerprint: fingerprint.optional() }),
    ...job<VerificationView>(),
    paths: { path: 'read' },
  },
  'packs.previewImport': {
    args: z.strictObject({ path: filePath, fingerprint: fingerprint.optional() }),
    ...job<PackImportPreviewView>(),
    paths: { path: 'read' },
  },
  // acceptUntrustedSigner: the fingerprint of a signer nothing vouches for, shown to and accepted by the user.
  'packs.import': {
    args: z.strictObject({ path: filePath, fingerprint: fingerprint.optional(), acceptUntrustedSigner: fingerprint.optional() }),
    ...job<PackImportResultView>(),
    paths: { path: 'read' },
  },

  // The official Word form.
  'forms.previewImport': { args: z.strictObject({ path: filePath }), ...job<FormPlacementView>(), paths: { path: 'read' } },
  'forms.import': {
    args: z.strictObject({ path: filePath, role: vendorRole.optional() }),
    ...job<FormImportView>(),
    paths: { path: 'read' },
  },
  /** With templatePath (the person's own copy of the blank form, chosen in a dialog or remembered in settings), that copy is filled in. */
  'forms.export': {
    args: z.strictObject({ assessmentId: id, outPath: filePath, templatePath: filePath.optional() }),
    ...job<FormExportView>(),
    paths: { outPath: 'write', templatePath: 'read' },
  },
  /** Open remedial actions' due dates and evidence expiry dates as an iCalendar (.ics) file. */
  'reminders.export': {
    args: z.strictObject({ assessmentId: id, outPath: filePath }),
    ...job<RemindersExportView>(),
    paths: { outPath: 'write' },
  },

  // The CycloneDX 1.6 attestation (docs/attestation.md); `signed`: it carries the SRO's affirmation.
  'attestations.export': {
    args: z.strictObject({ assessmentId: id, outPath: filePath }),
    ...job<{ readonly path: string; readonly signed: boolean }>(),
    paths: { outPath: 'write' },
  },

  // Claim owners and contributions (docs/contributions.md).
  'owners.list': { args: z.strictObject({ assessmentId: id }), result: returns<readonly ClaimOwnerView[]>() },
  'owners.assign': {
    args: z.strictObject({ assessmentId: id, claimId, owner: ownerFields.nullable() }),
    result: returns<ClaimOwnerView | null>(),
  },
  'contributions.review': {
    args: z.strictObject({ assessmentId: id, all: z.boolean().optional() }),
    result: returns<readonly ContributionReviewView[]>(),
  },
  'contributions.accept': {
    args: z.strictObject({ assessmentId: id, contributionId: id, claimId: claimId.optional(), allowUnassigned: z.boolean() }),
    result: returns<ContributionDecisionView>(),
  },
  'contributions.reject': {
    args: z.strictObject({ assessmentId: id, contributionId: id, claimId: claimId.optional(), reason: rejectReason.optional() }),
    result: returns<ContributionDecisionView>(),
  },
  'contributions.credits': { args: z.strictObject({ assessmentId: id }), result: returns<ContributionCreditsView>() },
  'contributions.previewImport': {
    args: z.strictObject({ path: filePath, fingerprint: fingerprint.optional() }),
    ...job<ContributionPreviewView>(),
    paths: { path: 'read' },
  },
  // confirmSigner: the fingerprint of a new contributor, shown to and confirmed by the SRO; remembered from then on.
  'contributions.import': {
    args: z.strictObject({
      path: filePath,
      fingerprint: fingerprint.optional(),
      confirmSigner: fingerprint.optional(),
      into: id.optional(),
    }),
    ...job<ContributionImportView>(),
    paths: { path: 'read' },
  },
  /** The app's Contribute screen: one signed contribution file, written where the save dialog said. */
  'contributions.create': {
    args: z.strictObject({
      ...contributionFields.shape,
      assessmentId: id.optional(),
      claims: z.array(claimPatch.extend({ claimId })).min(1).max(MAX_CONTRIBUTION_CLAIMS),
      filePaths: z.array(filePath).max(MAX_CONTRIBUTION_FILES),
      identityLabel,
      passphrase: z.string().min(1).max(1024),
      outPath: filePath,
    }),
    ...job<ContributionWrittenView>(),
    paths: { filePaths: 'read', outPath: 'write' },
  },

  // Long jobs: progress and completion arrive as events (see `events`).
  'jobs.cancel': { args: z.strictObject({ jobId: id }), result: returns<{ readonly cancelled: boolean }>() },
} as const satisfies Record<string, ChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;

export type ContractArgs<C extends Channel> = z.input<Contract[C]['args']>;
export type ParsedArgs<C extends Channel> = z.output<Contract[C]['args']>;

type ResultOf<S> = S extends ResultMarker<infer T> ? T : S extends z.ZodType ? z.output<S> : never;
/** What the call itself resolves to (for a job: its id). */
export type ContractResult<C extends Channel> = ResultOf<Contract[C]['result']>;

export type JobChannel = { [C in Channel]: Contract[C] extends { job: unknown } ? C : never }[Channel];
/** What a job's `jobs.done` event carries when it succeeds. */
export type JobResult<C extends JobChannel> = Contract[C] extends { job: ResultMarker<infer T> } ? T : never;

export type PlatformChannel = { [C in Channel]: Contract[C] extends { platform: true } ? C : never }[Channel];
export type ServiceChannel = Exclude<Channel, PlatformChannel>;

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export function isJobChannel(name: Channel): name is JobChannel {
  return 'job' in contract[name];
}

export type PreloadOnlyChannel = { [C in Channel]: Contract[C] extends { preloadOnly: true } ? C : never }[Channel];
/** The channels the page itself may call: everything but what only the preload sends. */
export type PageChannel = Exclude<Channel, PreloadOnlyChannel>;
export const pageChannels = channels.filter((c) => !('preloadOnly' in contract[c])) as PageChannel[];

/** The path arguments of a channel and the access each needs; empty for most channels. */
export function pathArguments(name: Channel): readonly (readonly [string, PathAccess])[] {
  const spec: ChannelSpec = contract[name];
  return spec.paths ? Object.entries(spec.paths) : [];
}

/** Events main sends to the renderer; the preload lets the renderer subscribe to these only. */
export interface ContractEvents {
  readonly 'jobs.progress': JobProgress;
  readonly 'jobs.done': { readonly jobId: string; readonly result: IpcResult<unknown> };
  readonly 'menu.command': { readonly command: MenuCommand };
  /** The window is about to close: save anything pending, then call `app.readyToClose`. */
  readonly 'app.closing': Record<string, never>;
}
export type EventName = keyof ContractEvents;
export const eventNames: readonly EventName[] = ['jobs.progress', 'jobs.done', 'menu.command', 'app.closing'];

/** Menu commands main forwards to the window, for actions the renderer carries out. */
export const MENU_COMMANDS = [
  'open-database',
  'new-database',
  'new-assessment',
  'undo-last-change',
  'show-settings',
  'show-about',
  ...CLAIM_COMMANDS,
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

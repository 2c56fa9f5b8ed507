import type { JobChannel, JobResult, ParsedArgs } from '../../../shared/ipc/contract';
import type { FormReadResult } from '../../form/read/types';
import type { FormPlacementView } from '../../../shared/ipc/views-form';
import { exportAttestation } from '../../attestation/export-attestation';
import { exportForm, importForm, prepareFormImport } from '../../form/import-form';
import { exportReminders } from '../../reminders/export-reminders';
import { importPack, previewPackImport, type PackTrust } from '../../import/pack-import';
import { exportPack } from '../../pack/export-pack';
import { verifyPack } from '../../pack/verify/verify-pack';
import type { Workspace } from '../../services/workspace-types';
import type { IdentityService } from '../../signing/identity-service';
import { ownCertificatesOf } from '../../signing/trust-policy';
import type { JobContext } from './runner';
import { prepareContributionImport, type PreparedContribution } from '../../contribution/read-contribution';
import { writeContribution } from '../../contribution/write-contribution';
import type { ContributionPreviewView } from '../../../shared/ipc/views-contributions';

function contributionPreview(p: PreparedContribution): ContributionPreviewView {
  const c = p.contribution;
  return {
    file: { ...p.file },
    contributor: { ...c.contributor },
    organisation: c.organisation,
    createdAt: c.createdAt,
    claims: c.claims.map((k) => ({ claimId: k.claimId, files: k.files.length })),
    signerFingerprint: p.signerFingerprint,
    signerTrust: p.signerTrust,
    trustMessage: p.trustMessage,
  };
}

/** Reads and checks a contribution with the open database's remembered contributors, and always closes it. */
async function withContribution<T>(ws: Workspace, path: string, trust: PackTrust, fn: (p: PreparedContribution) => Promise<T>): Promise<T> {
  const prepared = await prepareContributionImport(path, { ...trust, remembered: ws.rememberedContributors() });
  try {
    return await fn(prepared);
  } finally {
    await prepared.close();
  }
}

/** What a job reaches: the database it was started on, and that database's identities. */
export interface JobServices {
  readonly ws: () => Workspace;
  readonly identities: () => IdentityService;
}

type JobWork = { readonly [C in JobChannel]: (services: JobServices, args: ParsedArgs<C>, ctx: JobContext) => Promise<JobResult<C>> };

const PACK_PHASES = { layout: 'Laying out the report', embed: 'Embedding the evidence', sign: 'Signing', done: 'Finishing' } as const;
const IMPORT_PHASES = {
  verify: 'Checking the signature and every file',
  store: 'Storing the evidence',
  record: 'Recording the import',
} as const;

/** The fingerprint the user gave (if any) and, as the CLI does, the database's own identities. */
function trustOf(fingerprint: string | undefined, identities: () => IdentityService): PackTrust {
  const own = ownCertificatesOf(identities());
  return fingerprint ? { fingerprint: fingerprint.replace(/:/g, '').toLowerCase(), own } : { own };
}

/** The placement report without the row texts, which the person already has in the form. */
function placementView(fileName: string, form: FormReadResult): FormPlacementView {
  return {
    fileName,
    cover: form.cover,
    rows: form.rows.map((r) => ({
      claimId: r.claimId,
      reference: r.reference,
      method: r.method,
      similarity: r.similarity,
      note: r.note,
      source: r.source,
    })),
    unplaced: form.unplaced.map((u) => ({ reference: u.reference, claimText: u.claimText, reason: u.reason, source: u.source })),
    emptyClaims: form.emptyClaims,
    numbering: form.numbering,
    notes: form.notes,
    warnings: form.warnings,
  };
}

/**
 * Every long job, written once. The in-process runner and the job host process (Electron's
 * utilityProcess, or a forked Node process under test) both run these same functions.
 */
export const jobWork: JobWork = {
  'workspace.checkIntegrity': async ({ ws }, _args, { progress }) => {
    const report = await ws().checkIntegrity((done, total) => progress('Checking evidence files', done, total));
    return { ok: report.ok, problems: report.problems };
  },
  // A symbolic link is followed only to an ordinary file, and the person is told where it led.
  'evidence.attach': async ({ ws }, { assessmentId, claimId, filePath, meta }, { signal, progress }) => {
    let followedLink: string | null = null;
    const item = await ws().attachEvidence(assessmentId, claimId, filePath, meta, {
      signal,
      onProgress: (done, total) => progress('Copying and fingerprinting the file', done, total),
      onFollowedLink: (target) => (followedLink = target),
    });
    return { ...item, followedLink };
  },
  'evidence.replace': async ({ ws }, { evidenceId, filePath }, { signal, progress }) => {
    let followedLink: string | null = null;
    const item = await ws().replaceEvidence(evidenceId, filePath, {
      signal,
      onProgress: (done, total) => progress('Copying and fingerprinting the new version', done, total),
      onFollowedLink: (target) => (followedLink = target),
    });
    return { ...item, followedLink };
  },
  'packs.export': async ({ ws, identities }, request, { signal, progress }) => {
    // The save dialog asked before replacing a file; the database and its evidence stay refused.
    const exported = await exportPack(
      ws(),
      identities(),
      { ...request, replace: true },
      { signal, onProgress: (p) => progress(PACK_PHASES[p.phase], p.bytesDone, p.bytesTotal) },
    );
    // Check the file as a recipient would, before the SRO sends it anywhere. The assessment is
    // signed from here, so a cancel no longer applies: the SRO is told what happened.
    const verification = await verifyPack(exported.path, {
      fingerprint: exported.signerFingerprint,
      onProgress: (p) => progress('Verifying the written pack', p.bytesDone, p.bytesTotal),
    });
    return { ...exported, verification };
  },
  'packs.verify': ({ identities }, { path, fingerprint }, { signal, progress }) =>
    verifyPack(path, {
      ...trustOf(fingerprint, identities),
      signal,
      onProgress: (p) => progress('Checking the signature and every file', p.bytesDone, p.bytesTotal),
    }),
  'packs.previewImport': ({ ws, identities }, { path, fingerprint }, { signal, progress }) =>
    previewPackImport(ws(), path, trustOf(fingerprint, identities), {
      signal,
      onProgress: (p) => progress(IMPORT_PHASES[p.phase], p.bytesDone, p.bytesTotal),
    }),
  'packs.import': ({ ws, identities }, { path, fingerprint, acceptUntrustedSigner }, { signal, progress }) =>
    importPack(ws(), path, trustOf(fingerprint, identities), {
      signal,
      onProgress: (p) => progress(IMPORT_PHASES[p.phase], p.bytesDone, p.bytesTotal),
      ...(acceptUntrustedSigner ? { acceptUntrustedSigner } : {}),
    }),
  'forms.previewImport': async (_services, { path }, { signal, progress }) => {
    progress('Reading the form', 0, 1);
    const prepared = await prepareFormImport(path, undefined, signal);
    return placementView(prepared.fileName, prepared.form);
  },
  'forms.import': async ({ ws }, { path, role }, { signal, progress }) => {
    progress('Reading the form', 0, 1);
    const report = await importForm(ws(), path, { signal, ...(role ? { role } : {}) });
    return {
      assessment: report.assessment,
      placement: placementView(report.fileName, report.form),
      linkedEvidence: report.linkedEvidence.map((e) => ({ claimId: e.claimId, fileName: e.fileName })),
      missingEvidence: report.missingEvidence.map((e) => ({ claimId: e.claimId, fileName: e.fileName })),
    };
  },
  'contributions.previewImport': async ({ ws, identities }, { path, fingerprint }, { progress }) => {
    progress('Checking the signature and every file', 0, 1);
    return withContribution(ws(), path, trustOf(fingerprint, identities), async (p) => contributionPreview(p));
  },
  'contributions.import': async ({ ws, identities }, { path, fingerprint, confirmSigner, into }, { signal, progress }) => {
    progress('Checking the signature and every file', 0, 1);
    return withContribution(ws(), path, trustOf(fingerprint, identities), async (p) => {
      const total = p.contribution.claims.flatMap((c) => c.files).reduce((n, f) => n + f.size, 0);
      let done = 0;
      const r = await ws().importContribution(p, {
        signal,
        ...(into ? { into } : {}),
        ...(confirmSigner ? { confirmSigner: confirmSigner.replace(/:/g, '').toLowerCase() } : {}),
        onBytes: (n) => progress('Storing the evidence', (done += n), total),
      });
      return {
        ...contributionPreview(p),
        contributionId: r.contribution.id,
        assessmentId: r.assessment.id,
        signerConfirmed: r.signerConfirmed,
        unassignedClaims: r.claims.filter((c) => !c.assigned).map((c) => c.claimId),
      };
    });
  },
  'contributions.create': async ({ identities }, request, { progress }) => {
    progress('Signing the contribution', 0, 1);
    const service = identities();
    const identity = await service.unlock(request.identityLabel, request.passphrase);
    const written = await writeContribution(identity, {
      organisation: request.organisation,
      assessmentId: request.assessmentId ?? null,
      claims: request.claims.map((c) => ({ ...c, files: request.filePaths })),
      email: request.email ?? '',
      team: request.team ?? '',
      outPath: request.outPath,
      // The save dialog asked before replacing a file.
      replace: true,
      protect: [service.keyStorePath],
    });
    return {
      path: written.path,
      contributionId: written.id,
      sha256: written.sha256,
      contributor: written.contributor,
      signerFingerprint: written.signerFingerprint,
      claims: [...written.claims],
      files: written.files,
    };
  },
  'forms.export': async ({ ws }, { assessmentId, outPath, templatePath }, { signal, progress }) => {
    progress(templatePath ? 'Filling in the form' : 'Writing the form', 0, 1);
    // The save dialog asked before replacing a file; the database and its evidence stay refused.
    return exportForm(ws(), assessmentId, outPath, { replace: true, templatePath: templatePath ?? null, signal });
  },
  'reminders.export': async ({ ws }, { assessmentId, outPath }, { signal, progress }) => {
    progress('Writing the calendar file', 0, 1);
    return exportReminders(ws(), assessmentId, outPath, { replace: true, signal });
  },
  'attestations.export': async ({ ws, identities }, { assessmentId, outPath }, { signal, progress }) => {
    progress('Writing the attestation', 0, 1);
    // The save dialog asked before replacing a file; the database, its evidence and the key store stay refused.
    const written = await exportAttestation(ws(), assessmentId, outPath, {
      replace: true,
      protect: [identities().keyStorePath],
      signal,
    });
    return { path: written.path, signed: written.signed };
  },
};

import type { Actor } from '../../shared/domain/actor';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { localIsoDate } from '../../shared/domain/dates';
import type { ClaimResult } from '../../shared/domain/types';
import { SscpError } from '../../shared/errors';
import { exportAttestation } from '../attestation/export-attestation';
import { exportPack } from '../pack/export-pack';
import type { PackProgress } from '../pack/types';
import { openWorkspace } from '../services/workspace';
import { createIdentityService } from '../signing/identity-service';
import { openKeyStore } from '../signing/key-store';
import { CITED_EVIDENCE } from './cited-evidence';
import { isEvidenceAvailable, REPOSITORY_ROOT } from './evidence-files';
import { populateSelfAssessment } from './populate';
import { buildSelfAssessment } from './self-assessment';
import { writeFileAtomic } from '../fs/write-file-atomic';
import { asWriteFailure } from '../fs/write-errors';
import { count } from '../../shared/format/plural';

export const DEMO_FILES = {
  database: 'self-assessment.sscp',
  pack: 'sscp-evidence-pack-self-assessment.pdf',
  /** The signed assessment as a CycloneDX 1.6 attestation (docs/attestation.md), as `sscp export-cdx` writes it. */
  attestation: 'self-assessment.cdx.json',
  rootCertificate: 'root.pem',
  passphrase: 'demo-passphrase.txt',
  /** The demo identity's own key store (SSCP_HOME-style folder), so the demo never touches the user's. */
  keyStoreHome: 'demo-key-store',
} as const;

export const DEMO_IDENTITY_LABEL = 'SSCP Evidence Pack demo';

export interface DemoOptions {
  /** A folder that does not exist yet, or is empty. */
  readonly outDir: string;
  /** The version being assessed, as `sscp --version` prints it. */
  readonly version: string;
  readonly now?: Date;
  /** The repository whose files are cited; defaults to the one this code runs from. */
  readonly projectDir?: string;
  readonly onStep?: (step: string) => void;
  readonly onPackProgress?: (progress: PackProgress) => void;
  /** Who the demo's history names (the person who ran it); unidentified if not given. */
  readonly actor?: Actor;
}

export interface DemoResult {
  readonly outDir: string;
  readonly databasePath: string;
  readonly packPath: string;
  /** The CycloneDX attestation of the signed assessment, beside the pack (which embeds its own copy). */
  readonly attestationPath: string;
  readonly rootCertificatePath: string;
  readonly passphrasePath: string;
  readonly assessmentId: string;
  readonly identityLabel: string;
  readonly rootFingerprint: string;
  readonly signerFingerprint: string;
  readonly packSha256: string;
  readonly evidenceFiles: number;
  readonly results: Readonly<Partial<Record<ClaimResult, number>>>;
  readonly acceptedExceptions: readonly string[];
  readonly warnings: readonly string[];
  /** Optional evidence that was not available, so not attached (the test report, say). */
  readonly omittedEvidence: readonly string[];
}

async function prepareEmptyFolder(outDir: string): Promise<void> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw SscpError.because({ code: 'demo-folder-is-file', outDir });
    throw asWriteFailure(e, { path: (e as NodeJS.ErrnoException).path ?? outDir, what: 'demo folder' });
  }
  const present = await readdir(outDir);
  if (present.length > 0) {
    throw SscpError.because({ code: 'demo-folder-not-empty', outDir, items: present.length });
  }
}

/** A passphrase nobody chose: 24 random bytes, 32 characters in base64url. */
function randomPassphrase(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Builds the project's own self-assessment in `outDir` and signs it: the database with every
 * claim answered and the evidence attached, a demo signing identity (an organisation root and
 * an SRO certificate it issued, sealed with a random passphrase written to a file only the
 * user can read), the root certificate, a signed certification pack and the signed
 * assessment's CycloneDX attestation. The honest gaps
 * (claims not assessed) block sign-off, so the pack is signed with them as accepted
 * exceptions, which it lists.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const outDir = resolve(options.outDir);
  const projectDir = options.projectDir ?? REPOSITORY_ROOT;
  const now = options.now ?? new Date();
  const today = localIsoDate(now);
  const step = options.onStep ?? (() => undefined);
  await prepareEmptyFolder(outDir);

  const available = new Map<string, boolean>();
  for (const evidence of CITED_EVIDENCE) available.set(evidence.key, await isEvidenceAvailable(evidence, projectDir));
  const sa = buildSelfAssessment({ version: options.version, today, isAvailable: (e) => available.get(e.key) ?? false });

  const databasePath = join(outDir, DEMO_FILES.database);
  const packPath = join(outDir, DEMO_FILES.pack);
  const attestationPath = join(outDir, DEMO_FILES.attestation);
  const rootCertificatePath = join(outDir, DEMO_FILES.rootCertificate);
  const passphrasePath = join(outDir, DEMO_FILES.passphrase);

  const actor = options.actor ? { actor: options.actor } : {};
  const ws = openWorkspace(databasePath, actor);
  const identityStore = openKeyStore(join(outDir, DEMO_FILES.keyStoreHome));
  try {
    step(`Recording the self-assessment: ${count(sa.claims.length, 'claim')}, ${count(sa.evidence.length, 'evidence file')}`);
    const assessmentId = await populateSelfAssessment(ws, sa, { outDir, projectDir, today });

    step('Creating the demo signing identity: an organisation root and an SRO certificate');
    const passphrase = randomPassphrase();
    await writeFileAtomic(passphrasePath, `${passphrase}\n`, { mode: 0o600, what: 'demo passphrase file', replace: false });
    const identities = createIdentityService(identityStore, { now: () => now });
    const identity = await identities.create({
      label: DEMO_IDENTITY_LABEL,
      sroName: sa.sroName,
      sroRole: sa.sroRole,
      organisation: sa.organisation,
      withRoot: true,
      passphrase,
    });
    await writeFileAtomic(rootCertificatePath, identities.exportCertificatePem(DEMO_IDENTITY_LABEL, { root: true }), {
      what: 'root certificate',
      replace: false,
    });

    step('Signing the certification pack');
    const pack = await exportPack(
      ws,
      identities,
      {
        assessmentId,
        identityLabel: DEMO_IDENTITY_LABEL,
        passphrase,
        outPath: packPath,
        profile: 'certification',
        acceptExceptions: true,
        now,
      },
      { onProgress: options.onPackProgress },
    );

    step('Writing the attestation for supplier-risk tools (CycloneDX 1.6)');
    await exportAttestation(ws, assessmentId, attestationPath, { replace: false });

    const results: Partial<Record<ClaimResult, number>> = {};
    for (const claim of sa.claims) results[claim.result] = (results[claim.result] ?? 0) + 1;
    return {
      outDir,
      databasePath,
      packPath,
      attestationPath,
      rootCertificatePath,
      passphrasePath,
      assessmentId,
      identityLabel: DEMO_IDENTITY_LABEL,
      rootFingerprint: identity.rootFingerprint ?? identity.fingerprint,
      signerFingerprint: pack.signerFingerprint,
      packSha256: pack.sha256,
      evidenceFiles: sa.evidence.length,
      results,
      acceptedExceptions: pack.acceptedExceptions,
      warnings: pack.warnings,
      omittedEvidence: CITED_EVIDENCE.filter((e) => !available.get(e.key)).map((e) =>
        e.source.kind === 'repo-file' ? e.source.path : e.source.fileName,
      ),
    };
  } finally {
    identityStore.close();
    ws.close();
  }
}

import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  CONTRIBUTION_FORMAT,
  CONTRIBUTION_FORMAT_VERSION,
  evidenceEntryName,
  parseContributionJson,
  type Contribution,
} from '../../shared/domain/contribution';
import { SscpError } from '../../shared/errors';
import { openRegularFile } from '../fs/regular-file';
import { verifyCms, type CmsVerification } from '../signing/cms-verify';
import type { TrustPolicyInputs } from '../signing/trust-policy';
import { CONTRIBUTION_JSON, MANIFEST_JSON, MANIFEST_SIGNATURE } from './format';
import { scanTar, TarRefusal, tarEntryStream, type ScannedTar, type ScannedTarEntry } from './tar';

/** The caps that keep a hostile contribution from filling memory (evidence is only ever streamed). */
export const CONTRIBUTION_LIMITS = {
  maxEntries: 1003,
  maxContributionJson: 64 * 1024 * 1024,
  maxManifest: 1024 * 1024,
  maxSignature: 256 * 1024,
} as const;

const ENTRY_NAME = /^(contribution\.json|manifest\.json|manifest\.json\.p7s|evidence\/[0-9a-f]{64})$/;

/** Whom a contribution's signer was established as, before anything is written. */
export interface ContributionTrust extends TrustPolicyInputs {
  /** Fingerprints the SRO confirmed for earlier contributions (the database's contributor_keys). */
  readonly remembered?: readonly { readonly fingerprint: string; readonly name: string }[];
}

export interface PreparedContribution {
  readonly path: string;
  readonly file: { readonly name: string; readonly size: number; readonly sha256: string };
  readonly contribution: Contribution;
  readonly verification: CmsVerification;
  readonly signerFingerprint: string;
  /** trusted: an anchor or own identity; remembered: a fingerprint the SRO confirmed before; unknown: neither. */
  readonly signerTrust: 'trusted' | 'remembered' | 'unknown';
  /** What established trust, in words for the audit log (trusted-root, pinned-fingerprint, own-identity, remembered). */
  readonly trustedBy: readonly string[];
  /** One sentence about the signer, for the CLI and the app. */
  readonly trustMessage: string;
  /** Each evidence file's bytes in the archive, by SHA-256. */
  evidenceStream(sha256: string): AsyncIterable<Uint8Array>;
  close(): Promise<void>;
}

function unusable(name: string, why: string): SscpError {
  return SscpError.because({ code: 'contribution-file-unusable', fileName: name, why });
}

function tampered(name: string, why: string): SscpError {
  return SscpError.because({ code: 'contribution-tampered', fileName: name, why });
}

function parseJson(bytes: Buffer, name: string, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    throw unusable(name, `its ${what} is not valid JSON text`);
  }
}

/**
 * Reads and checks a contribution file completely before anything is written: the archive's
 * entries (only the names the format allows, so no path can climb out of anywhere), the
 * detached CMS signature over manifest.json, every entry's SHA-256 and size against the
 * manifest (evidence streamed, never held in memory), contribution.json's content, and that
 * the contributor it names is the signer's certificate. The signer's trust is decided with
 * the same rule as packs; deciding what to do about an unknown signer is the caller's.
 * Close the result when done.
 */
export async function prepareContributionImport(path: string, trust: ContributionTrust): Promise<PreparedContribution> {
  const name = basename(path);
  const { handle, size } = await openRegularFile(path, {
    what: 'contribution',
    hint: 'Give the .sscp-contribution file the contributor sent.',
  });
  try {
    if (size === 0) throw SscpError.because({ code: 'contribution-empty', path });
    const archive = await readArchive(handle, size, name);
    const verification = await verifyCms(
      new Uint8Array(archive.signature),
      createHash('sha256').update(archive.manifestBytes).digest(),
      trust,
    );
    if (!verification.intact) throw tampered(name, verification.problems[0] ?? 'its signature does not verify');
    // From here the manifest is what the signer signed.
    const manifest = readSignedManifest(archive.manifestBytes, name);
    checkEntriesAgainstManifest(archive, manifest.listed, name);
    const contribution = readContributionJson(archive.contributionBytes, manifest, name);
    const signer = establishSigner(contribution, verification, trust, name);
    const { byName } = archive;
    return {
      path,
      file: { name, size, sha256: archive.sha256 },
      contribution,
      verification,
      ...signer,
      evidenceStream: (sha) => {
        const entry = byName.get(evidenceEntryName(sha));
        if (!entry) throw new Error(`No evidence ${sha} in the contribution.`);
        return tarEntryStream(handle, entry);
      },
      close: () => handle.close(),
    };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/** The archive as read once: its hash, its entries by name, and the bytes of the three small entries. */
interface ContributionArchive {
  readonly sha256: string;
  readonly byName: ReadonlyMap<string, ScannedTarEntry>;
  readonly manifestBytes: Buffer;
  readonly signature: Buffer;
  readonly contributionBytes: Buffer;
}

/** Phase 1: the one read of the file, and the entry names and sizes the format allows. */
async function readArchive(handle: FileHandle, size: number, name: string): Promise<ContributionArchive> {
  // One read of the file: its hash, every entry's hash and the small JSON entries all come
  // from the same bytes, so a file changed in place while it is checked cannot get unsigned
  // content past the checks (evidence is streamed again to be stored, and re-hashed as it is).
  const kept = new Map([
    [MANIFEST_JSON, CONTRIBUTION_LIMITS.maxManifest],
    [MANIFEST_SIGNATURE, CONTRIBUTION_LIMITS.maxSignature],
    [CONTRIBUTION_JSON, CONTRIBUTION_LIMITS.maxContributionJson],
  ]);
  let scanned: ScannedTar;
  try {
    scanned = await scanTar(handle, size, {
      maxEntries: CONTRIBUTION_LIMITS.maxEntries,
      keep: (entry) => entry.size <= (kept.get(entry.name) ?? -1),
    });
  } catch (e) {
    if (e instanceof TarRefusal) throw unusable(name, e.message);
    throw e;
  }
  const byName = new Map<string, ScannedTarEntry>();
  for (const entry of scanned.entries) {
    if (!ENTRY_NAME.test(entry.name))
      throw unusable(
        name,
        `it holds "${entry.name}", which no contribution holds (only contribution.json, manifest.json, manifest.json.p7s and evidence/<sha256>)`,
      );
    byName.set(entry.name, entry);
  }
  const need = (n: string, cap: number): Buffer => {
    const entry = byName.get(n);
    if (!entry) throw unusable(name, `it has no ${n}`);
    if (entry.size > cap || !entry.bytes)
      throw unusable(name, `its ${n} is ${entry.size} bytes, more than the ${cap} a contribution needs`);
    return entry.bytes;
  };
  return {
    sha256: scanned.sha256,
    byName,
    manifestBytes: need(MANIFEST_JSON, CONTRIBUTION_LIMITS.maxManifest),
    signature: need(MANIFEST_SIGNATURE, CONTRIBUTION_LIMITS.maxSignature),
    contributionBytes: need(CONTRIBUTION_JSON, CONTRIBUTION_LIMITS.maxContributionJson),
  };
}

interface SignedManifest {
  readonly contribution: unknown;
  /** Every entry but the manifest and its signature, with the SHA-256 and size the signer signed. */
  readonly listed: ReadonlyMap<string, { readonly sha256: string; readonly size: number }>;
}

/** Phase 2, once its signature verified: the manifest's format, version and file list. */
function readSignedManifest(manifestBytes: Buffer, name: string): SignedManifest {
  const manifest = parseJson(manifestBytes, name, MANIFEST_JSON) as {
    format?: unknown;
    formatVersion?: unknown;
    contribution?: unknown;
    files?: unknown;
  };
  if (manifest.format !== CONTRIBUTION_FORMAT) throw unusable(name, 'its manifest does not say it is an SSCP contribution');
  if (manifest.formatVersion !== CONTRIBUTION_FORMAT_VERSION) {
    throw SscpError.because({
      code: 'contribution-file-format-newer',
      fileName: name,
      version: String(manifest.formatVersion),
      supported: CONTRIBUTION_FORMAT_VERSION,
    });
  }
  if (!Array.isArray(manifest.files)) throw unusable(name, 'its manifest lists no files');
  const listed = new Map<string, { sha256: string; size: number }>();
  for (const f of manifest.files as unknown[]) {
    const file = f as { path?: unknown; sha256?: unknown; size?: unknown };
    if (
      typeof file.path !== 'string' ||
      typeof file.sha256 !== 'string' ||
      !/^[0-9a-f]{64}$/.test(file.sha256) ||
      !Number.isSafeInteger(file.size)
    ) {
      throw unusable(name, 'an entry of its manifest is not a path, SHA-256 and size');
    }
    if (file.path === MANIFEST_JSON || file.path === MANIFEST_SIGNATURE || !ENTRY_NAME.test(file.path) || listed.has(file.path))
      throw unusable(name, `its manifest lists "${file.path}", which it may not`);
    if (file.path.startsWith('evidence/') && file.path !== evidenceEntryName(file.sha256))
      throw unusable(name, `its manifest lists ${file.path} with another file's hash`);
    listed.set(file.path, { sha256: file.sha256, size: file.size as number });
  }
  return { contribution: manifest.contribution, listed };
}

/** Phase 3: every entry is listed in the signed manifest with its size and SHA-256, and every listed entry is there. */
function checkEntriesAgainstManifest(archive: ContributionArchive, listed: SignedManifest['listed'], name: string): void {
  for (const entry of archive.byName.values()) {
    if (entry.name === MANIFEST_JSON || entry.name === MANIFEST_SIGNATURE) continue;
    const want = listed.get(entry.name);
    if (!want) throw tampered(name, `it holds ${entry.name}, which its signed manifest does not list`);
    if (want.size !== entry.size) throw tampered(name, `${entry.name} has ${entry.size} bytes; the signed manifest says ${want.size}`);
    if (entry.sha256 !== want.sha256) throw tampered(name, `${entry.name} does not match its SHA-256 in the signed manifest`);
  }
  for (const path2 of listed.keys())
    if (!archive.byName.has(path2)) throw tampered(name, `${path2}, listed in its signed manifest, is missing`);
}

/** Phase 4: contribution.json's content, and each claim's files sized from the manifest; no evidence left unused. */
function readContributionJson(contributionBytes: Buffer, manifest: SignedManifest, name: string): Contribution {
  const { listed } = manifest;
  const contribution = parseContributionJson(parseJson(contributionBytes, name, CONTRIBUTION_JSON));
  if (manifest.contribution !== contribution.id) throw unusable(name, 'its manifest and contribution.json name different contributions');
  const referenced = new Set<string>();
  const claims = contribution.claims.map((c) => ({
    ...c,
    files: c.files.map((f) => {
      const entry = listed.get(evidenceEntryName(f.sha256));
      if (!entry) throw unusable(name, `claim ${c.claimId} names evidence ${f.fileName} that the contribution does not hold`);
      referenced.add(evidenceEntryName(f.sha256));
      return { ...f, size: entry.size };
    }),
  }));
  for (const p of listed.keys())
    if (p.startsWith('evidence/') && !referenced.has(p)) throw unusable(name, `it holds ${p}, which no claim uses`);
  return { ...contribution, claims };
}

/** Phase 5: the contributor is the signer, and whether the signer is trusted, remembered or unknown. */
function establishSigner(
  contribution: Contribution,
  verification: CmsVerification,
  trust: ContributionTrust,
  name: string,
): Pick<PreparedContribution, 'signerFingerprint' | 'signerTrust' | 'trustedBy' | 'trustMessage'> {
  // The contributor is whoever holds the signing key: the name inside must be the certificate's.
  const signer = verification.signer!;
  if ((signer.commonName ?? '').trim() !== contribution.contributor.name) {
    throw SscpError.because({
      code: 'contribution-name-not-signer',
      fileName: name,
      contributor: contribution.contributor.name,
      signer: signer.commonName ?? '(no name)',
    });
  }
  const decision = verification.trustDecision;
  const remembered = decision?.status === 'unknown' ? trust.remembered?.find((r) => r.fingerprint === signer.fingerprint) : undefined;
  const signerTrust = decision?.status === 'trusted' ? 'trusted' : remembered ? 'remembered' : 'unknown';
  if (decision?.status === 'mismatch') {
    throw SscpError.because({ code: 'contribution-signer-mismatch', fileName: name, detail: decision.message });
  }
  return {
    signerFingerprint: signer.fingerprint,
    signerTrust,
    trustedBy: signerTrust === 'trusted' ? [...(decision?.trustedBy ?? [])] : signerTrust === 'remembered' ? ['remembered'] : [],
    trustMessage:
      signerTrust === 'remembered'
        ? `The signer, ${remembered!.name}, has the certificate fingerprint you confirmed for an earlier contribution.`
        : (decision?.message ?? 'The signer could not be established.'),
  };
}

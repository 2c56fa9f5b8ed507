import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { findCatalog, findClaim, CURRENT_CATALOG } from '../../shared/catalog/index';
import {
  CONTRIBUTION_FORMAT,
  CONTRIBUTION_FORMAT_VERSION,
  contributionToCycloneDx,
  evidenceEntryName,
  MAX_CONTRIBUTION_CLAIMS,
  MAX_CONTRIBUTION_FILES,
  OWNER_TEAM_MAX,
  type Contribution,
  type ContributionClaim,
  type ContributionFile,
} from '../../shared/domain/contribution';
import { ACTOR_EMAIL_MAX, personFieldProblem } from '../../shared/domain/actor';
import { checkText, cleanText, TEXT_FIELDS } from '../../shared/domain/text-rules';
import { CLAIM_RESULTS, WORK_STATUSES, type ClaimResult, type WorkStatus } from '../../shared/domain/types';
import { SscpError } from '../../shared/errors';
import { fsyncDirectory } from '../fs/durable-fs';
import { checkDestination, publishFile } from '../fs/destination';
import { openRegularFile } from '../fs/regular-file';
import { asWriteFailure } from '../fs/write-errors';
import { signDigest } from '../signing/cms-sign';
import { summariseCertificate } from '../signing/certificate-summary';
import { certificateFingerprint } from '../signing/fingerprint';
import type { UnlockedIdentity } from '../signing/unlocked-identity';
import { parseChoice } from '../services/validate';
import { APP_NAME_FOR_FILES, CONTRIBUTION_JSON, MANIFEST_JSON, MANIFEST_SIGNATURE, type ContributionManifest } from './format';
import { TAR_END, tarHeader, tarPadding } from './tar';
import { APP_VERSION } from '../version';

/** What a person proposes for one claim; `files` are paths on disk. */
export interface ContributeClaimInput {
  readonly claimId: string;
  readonly result?: string;
  readonly status?: string;
  readonly evidenceText?: string;
  readonly arguments?: string;
  readonly files?: readonly string[];
}

export interface ContributeRequest {
  readonly organisation: string;
  /** The SRO's assessment id, when answering their evidence request. */
  readonly assessmentId?: string | null;
  readonly catalog?: { readonly id: string; readonly version: string };
  readonly claims: readonly ContributeClaimInput[];
  readonly email?: string;
  readonly team?: string;
  readonly outPath: string;
  readonly replace: boolean;
  readonly existsHint?: string;
  /** Files that must never be overwritten (the key store). */
  readonly protect?: readonly string[];
}

export interface WrittenContribution {
  readonly path: string;
  readonly id: string;
  readonly sha256: string;
  readonly size: number;
  readonly contributor: string;
  readonly signerFingerprint: string;
  readonly claims: readonly string[];
  readonly files: number;
  /** Evidence names that were not safe file names, and the name kept. */
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
}

interface SourceFile {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
}

async function hashSource(path: string): Promise<SourceFile> {
  const { handle, size } = await openRegularFile(path, { what: 'evidence file', hint: 'Give ordinary files to attach.' });
  try {
    const hash = createHash('sha256');
    let seen = 0;
    for await (const chunk of handle.createReadStream({ autoClose: false })) {
      hash.update(chunk as Buffer);
      seen += (chunk as Buffer).length;
    }
    if (seen !== size) throw changed(path);
    return { path, sha256: hash.digest('hex'), size };
  } finally {
    await handle.close();
  }
}

function changed(path: string): SscpError {
  return SscpError.because({ code: 'contribution-source-changed', path });
}

function checkClaims(input: ContributeRequest): { catalog: NonNullable<ReturnType<typeof findCatalog>> } {
  const catalog = input.catalog ? findCatalog(input.catalog.id, input.catalog.version) : CURRENT_CATALOG;
  if (!catalog)
    throw SscpError.because({
      code: 'contribution-catalog-unsupported',
      catalogId: String(input.catalog?.id),
      version: String(input.catalog?.version),
    });
  if (input.claims.length === 0) throw SscpError.because({ code: 'contribution-no-claims' });
  if (input.claims.length > MAX_CONTRIBUTION_CLAIMS)
    throw SscpError.because({ code: 'contribution-too-many-claims', count: input.claims.length, max: MAX_CONTRIBUTION_CLAIMS });
  const seen = new Set<string>();
  for (const c of input.claims) {
    if (!findClaim(catalog, c.claimId)) {
      throw SscpError.because({
        code: 'contribution-claim-not-in-code',
        claimId: c.claimId,
        catalog: `${catalog.id} ${catalog.version}`,
      });
    }
    if (seen.has(c.claimId)) throw SscpError.because({ code: 'contribution-claim-twice', claimId: c.claimId });
    seen.add(c.claimId);
    if (
      c.result === undefined &&
      c.status === undefined &&
      c.evidenceText === undefined &&
      c.arguments === undefined &&
      !(c.files ?? []).length
    ) {
      throw SscpError.because({ code: 'contribution-claim-empty', claimId: c.claimId });
    }
  }
  return { catalog };
}

/**
 * Writes one signed contribution file (docs/contributions.md): a POSIX tar holding
 * `contribution.json` (CycloneDX 1.6), each attached file as `evidence/<sha256>`,
 * `manifest.json` (every entry's SHA-256 and size) and `manifest.json.p7s`, a detached CMS
 * signature over the manifest made with `identity`. Needs no database. Every value is checked
 * as the SRO's workspace would check it, so what is written can be imported; the file is
 * written beside its destination, fsynced and put in place whole, or not at all.
 */
export async function writeContribution(identity: UnlockedIdentity, input: ContributeRequest): Promise<WrittenContribution> {
  const { catalog } = checkClaims(input);
  const organisation = checkText(input.organisation.trim(), TEXT_FIELDS.organisation);
  if (organisation === '') throw SscpError.because({ code: 'contribution-organisation-missing' });
  const email = (input.email ?? '').trim();
  const team = (input.team ?? '').trim();
  const emailProblem =
    personFieldProblem(email, 'The email', ACTOR_EMAIL_MAX, false) ??
    (email && !/^[^@\s]+@[^@\s]+$/.test(email) ? `The email "${email}" is not an email address.` : null);
  if (emailProblem) throw SscpError.because({ code: 'contribution-email-unusable', problem: emailProblem });
  const teamProblem = personFieldProblem(team, 'The team', OWNER_TEAM_MAX, false);
  if (teamProblem) throw SscpError.because({ code: 'contribution-team-unusable', problem: teamProblem });

  const summary = summariseCertificate(identity.certificate.parsed);
  const name = summary.commonName?.trim() ?? '';
  if (!name) throw SscpError.because({ code: 'contribution-signer-unnamed', label: identity.label });

  // Every file hashed up front: the manifest is signed before the archive is written.
  const sources = new Map<string, SourceFile>();
  const renamed: { from: string; to: string }[] = [];
  const claims: ContributionClaim[] = [];
  for (const c of input.claims) {
    const files: ContributionFile[] = [];
    for (const path of c.files ?? []) {
      const src = await hashSource(path);
      if (!sources.has(src.sha256)) sources.set(src.sha256, src);
      if (sources.size > MAX_CONTRIBUTION_FILES)
        throw SscpError.because({ code: 'contribution-too-many-files', max: MAX_CONTRIBUTION_FILES });
      const onDisk = basename(path);
      const cleaned = cleanText(onDisk, 'line').text.trim() || 'evidence';
      const fileName = [...cleaned].slice(0, TEXT_FIELDS.evidenceName.max).join('');
      if (fileName !== onDisk) renamed.push({ from: onDisk, to: fileName });
      if (files.some((f) => f.sha256 === src.sha256)) continue;
      files.push({ sha256: src.sha256, size: src.size, fileName });
    }
    claims.push({
      claimId: c.claimId,
      ...(c.result !== undefined ? { result: parseChoice<ClaimResult>(c.result, CLAIM_RESULTS, 'result') } : {}),
      ...(c.status !== undefined ? { status: parseChoice<WorkStatus>(c.status, WORK_STATUSES, 'status') } : {}),
      ...(c.evidenceText !== undefined ? { evidenceText: checkText(c.evidenceText, TEXT_FIELDS.evidenceText) } : {}),
      ...(c.arguments !== undefined ? { arguments: checkText(c.arguments, TEXT_FIELDS.arguments) } : {}),
      files,
    });
  }
  const now = new Date();
  const contribution: Contribution = {
    formatVersion: CONTRIBUTION_FORMAT_VERSION,
    id: randomUUID(),
    createdAt: now.toISOString(),
    organisation,
    assessmentId: input.assessmentId ?? null,
    catalog: { id: catalog.id, version: catalog.version },
    contributor: { name, email, team },
    claims,
  };
  const contributionJson = Buffer.from(
    `${JSON.stringify(contributionToCycloneDx(contribution, { name: APP_NAME_FOR_FILES, version: APP_VERSION }), null, 2)}\n`,
    'utf8',
  );
  const manifest: ContributionManifest = {
    format: CONTRIBUTION_FORMAT,
    formatVersion: CONTRIBUTION_FORMAT_VERSION,
    contribution: contribution.id,
    files: [
      { path: CONTRIBUTION_JSON, sha256: createHash('sha256').update(contributionJson).digest('hex'), size: contributionJson.length },
      ...[...sources.values()].map((s) => ({ path: evidenceEntryName(s.sha256), sha256: s.sha256, size: s.size })),
    ],
  };
  const manifestJson = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const signature = Buffer.from(await signDigest(createHash('sha256').update(manifestJson).digest(), identity, now));

  const dest = await checkDestination(input.outPath, {
    what: 'contribution',
    replace: input.replace,
    ...(input.protect ? { protect: input.protect } : {}),
    ...(input.existsHint ? { existsHint: input.existsHint } : {}),
    exampleName: 'contribution.sscp-contribution',
  });
  const temp = join(dirname(dest), `.${basename(dest)}.${randomBytes(6).toString('hex')}.tmp`);
  const mtime = Math.floor(now.getTime() / 1000);
  const whole = createHash('sha256');
  let written = 0;
  try {
    const out = await open(temp, 'wx', 0o644);
    try {
      const put = async (bytes: Buffer) => {
        whole.update(bytes);
        written += bytes.length;
        await out.write(bytes);
      };
      const putSmall = async (entry: string, bytes: Buffer) => {
        await put(tarHeader(entry, bytes.length, mtime));
        await put(bytes);
        await put(tarPadding(bytes.length));
      };
      await putSmall(CONTRIBUTION_JSON, contributionJson);
      for (const src of sources.values()) {
        await put(tarHeader(evidenceEntryName(src.sha256), src.size, mtime));
        // Copied from the file opened again, and hashed again on the way: a file changed
        // since it was hashed would make a contribution whose manifest lies.
        const { handle } = await openRegularFile(src.path, { what: 'evidence file', hint: 'Give ordinary files to attach.' });
        try {
          const h = createHash('sha256');
          let n = 0;
          for await (const chunk of handle.createReadStream({ autoClose: false })) {
            const b = chunk as Buffer;
            n += b.length;
            if (n > src.size) throw changed(src.path);
            h.update(b);
            await put(b);
          }
          if (n !== src.size || h.digest('hex') !== src.sha256) throw changed(src.path);
        } finally {
          await handle.close();
        }
        await put(tarPadding(src.size));
      }
      await putSmall(MANIFEST_JSON, manifestJson);
      await putSmall(MANIFEST_SIGNATURE, signature);
      await put(TAR_END);
      await out.sync();
    } finally {
      await out.close();
    }
    await publishFile(temp, dest, {
      replace: input.replace,
      what: 'contribution',
      ...(input.existsHint ? { existsHint: input.existsHint } : {}),
    });
    fsyncDirectory(dirname(dest));
  } catch (e) {
    await rm(temp, { force: true });
    if (e instanceof SscpError) throw e;
    throw asWriteFailure(e, { path: dest, what: 'contribution', temp });
  }
  return {
    path: dest,
    id: contribution.id,
    sha256: whole.digest('hex'),
    size: written,
    contributor: name,
    signerFingerprint: certificateFingerprint(identity.certificate.der),
    claims: claims.map((c) => c.claimId),
    files: sources.size,
    renamed,
  };
}

import { basename } from 'node:path';
import { SscpError } from '../../../shared/errors';
import { verifyCms, type CmsVerification } from '../../signing/cms';
import { parseTrustInputs } from '../../signing/trust-policy';
import {
  attachmentParamsProblem,
  duplicateAttachmentNames,
  duplicateNamesProblem,
  sharedBytes,
  sharedBytesProblem,
} from '../attachment-checks';
import { ASSESSMENT_NAME, MANIFEST_NAME } from '../attachment-names';
import { manifestSchema, type Manifest } from '../manifest';
import type { PdfFileReader } from '../pdf/file-reader';
import { PdfXrefStreamError } from '../pdf/parser';
import { asDict, parsePdfDate, type PdfDict } from '../pdf/objects';
import { claimedDigest } from './claimed-digest';
import { derLength } from './der-length';
import { hashPass, type DecodedSink, type FileDigest } from './hash-pass';
import type { HashThread } from './hash-thread';
import { openPackToVerify, type OpenedPack } from './open-pack';
import {
  certificationLink,
  describeSignature,
  findEmbeddedFiles,
  findSignatureFields,
  readSmallEmbedded,
  scanForSignature,
  type EmbeddedStream,
  type SignatureDictionary,
} from './locate';
import { docMdpPermissionText } from '../signature-field';
import {
  PACK_CHECKS,
  type PackCertification,
  type PackCheck,
  type PackCheckId,
  type PackCheckOutcome,
  type PackFileResult,
  type PackVerification,
  type VerifyPackOptions,
} from './types';
import { count, isAre } from '../../../shared/format/plural';

/**
 * Where decoding stops for a compressed attachment that declares no size and is not in the
 * manifest: no pack this app writes has one (it is reported either way), and without a bound
 * a few kilobytes of it could inflate to terabytes.
 */
const UNDECLARED_DECODE_LIMIT = 256 * 1024 * 1024;

class CheckList {
  readonly checks: PackCheck[] = [];
  add(id: PackCheckId, outcome: PackCheckOutcome, message: string): void {
    this.checks.push({ id, outcome, message });
  }
  pass(id: PackCheckId, message: string): void {
    this.add(id, 'pass', message);
  }
  fail(id: PackCheckId, message: string): void {
    this.add(id, 'fail', message);
  }
}

function notAPack(path: string, why = 'it has neither a signature nor a manifest of evidence'): SscpError {
  return SscpError.because({ code: 'verify-pdf-not-a-pack', path, why });
}

interface Located {
  readonly catalog: PdfDict | null;
  readonly signatures: (PdfDict | null)[];
  readonly embedded: EmbeddedStream[];
  readonly structureProblem: string | null;
  /** The structure is sound PDF laid out as no pack is (a cross-reference stream), rather than damaged. */
  readonly otherLayout: boolean;
}

async function locate(reader: PdfFileReader): Promise<Located> {
  try {
    await reader.readStructure();
    const catalog = asDict(await reader.resolve(reader.trailer.get('Root')));
    if (!catalog) throw new Error('The PDF has no document catalog.');
    const signatures = await findSignatureFields(reader, catalog);
    const embedded = await findEmbeddedFiles(reader, catalog);
    return { catalog, signatures, embedded, structureProblem: null, otherLayout: false };
  } catch (e) {
    const signature = await scanForSignature(reader);
    const why = e instanceof Error ? e.message : String(e);
    return {
      catalog: null,
      signatures: signature ? [signature] : [],
      embedded: [],
      structureProblem: `The file's internal structure is damaged: ${why}`,
      otherLayout: e instanceof PdfXrefStreamError,
    };
  }
}

/**
 * Checks an evidence pack with flat memory, reading only the structure it needs and then the
 * file once from start to end. Every check is reported; `valid` only if all pass. Throws
 * SscpError only when the file is not a PDF or not an evidence pack at all.
 */
export async function verifyPack(path: string, options: VerifyPackOptions = {}): Promise<PackVerification> {
  return (await verifyPackReading(path, options)).verification;
}

/** What the one read of a pack gave besides its verification: for an importer. */
export interface PackReading {
  readonly verification: PackVerification;
  /** SHA-256 of the whole file (hex), when `wholeFile` was asked for. */
  readonly sha256: string | null;
}

/**
 * verifyPack, and in the same single read of the file the whole file's SHA-256 (`wholeFile`)
 * and each embedded file's decoded bytes handed to a sink (`sinkFor`), as an importer needs.
 */
export async function verifyPackReading(path: string, options: VerifyPackReadingOptions = {}): Promise<PackReading> {
  const { opened, ...rest } = options;
  // The pack and its thread, when the caller opened them early: ours to close from here on.
  const early = opened?.catch((e: unknown) => e as Error);
  let pack: OpenedPack | null = null;
  try {
    // Reject a malformed trust anchor before the pack: it is the caller's mistake.
    parseTrustInputs({ rootsPem: options.rootsPem, fingerprints: allFingerprints(options), own: options.own });
    // Every read, the structure's and the one pass's, is of this one opened file: a path
    // replaced meanwhile cannot give the signature's hash one file and the manifest another.
    // Its second thread is hashing it already, while this one reads the structure.
    if (early) {
      const settled = await early;
      if (settled instanceof Error) throw settled;
      pack = settled;
    } else pack = await openPackToVerify(path);
    return await verifyOpened(path, pack.reader, { ...rest, thread: pack.thread });
  } finally {
    // The thread stops reading the descriptor before it is closed (and its number reused).
    if (pack) await pack.close();
    else if (early) await early.then((p) => (p instanceof Error ? undefined : p.close()));
  }
}

export interface VerifyPackReadingOptions extends VerifyPackOptions {
  readonly wholeFile?: boolean;
  readonly sinkFor?: (stream: EmbeddedStream) => DecodedSink | null;
}

async function verifyOpened(
  path: string,
  reader: PdfFileReader,
  options: VerifyPackReadingOptions & { readonly thread: HashThread },
): Promise<PackReading> {
  const list = new CheckList();
  const size = reader.size;
  const located = await locate(reader);
  const manifestStream = located.embedded.find((f) => f.name === MANIFEST_NAME) ?? null;
  if (!located.structureProblem && located.signatures.length === 0 && !manifestStream) throw notAPack(path);
  // An ordinary modern PDF (cross-reference streams) with no signature anywhere is another
  // document, not a damaged pack: exit 2 "not a pack", not 1 "invalid".
  if (located.otherLayout && located.signatures.length === 0)
    throw notAPack(path, 'it is not signed, and it is laid out as no evidence pack is (compressed cross-reference streams)');

  if (located.structureProblem) list.fail('structure', located.structureProblem);
  else list.pass('structure', 'The PDF structure is readable.');

  // The signature and its byte range.
  const signed = located.signatures.filter((s): s is PdfDict => s !== null);
  if (signed.length === 1) list.pass('single-signature', 'The pack carries exactly one signature.');
  else if (signed.length === 0) list.fail('single-signature', 'The pack is not signed.');
  else
    list.fail(
      'single-signature',
      `The pack carries ${count(signed.length, 'signature')}; an evidence pack has exactly one, so something was added after signing.`,
    );

  const sigDict = signed[0] ?? null;
  const sig = sigDict ? describeSignature(sigDict) : null;
  let cmsDer: Uint8Array | null = null;
  let ranges: [number, number][] = [];
  if (sig?.byteRange) {
    const [r0, a, b, c] = sig.byteRange as [number, number, number, number];
    ranges = [
      [r0, r0 + a],
      [b, b + c],
    ];
    const gapOk = r0 === 0 && a > 0 && b > a && b + c <= size;
    const gap = gapOk ? (await reader.readAt(a, b - a)).toString('latin1') : '';
    const hexOk = gapOk && /^<[0-9a-fA-F]*>$/.test(gap) && (gap.length - 2) % 2 === 0;
    if (!gapOk || !hexOk) {
      list.fail(
        'byte-range',
        "The signature's byte range does not bracket exactly the signature value, so it does not prove what was signed.",
      );
    } else if (b + c !== size) {
      list.fail(
        'byte-range',
        `The signature covers ${count(b + c, 'byte')} but the file has ${size}: ${count(size - b - c, 'byte')} ${size - b - c === 1 ? 'was' : 'were'} added after signing.`,
      );
    } else {
      list.pass('byte-range', 'The signature covers the whole file except its own value.');
    }
    if (hexOk) {
      const contents = Buffer.from(gap.slice(1, -1), 'hex');
      const length = derLength(contents);
      if (length === null) {
        list.fail('padding', 'The signature value is damaged: it is not well-formed (DER encoding), so it cannot be read.');
        cmsDer = contents;
      } else if (contents.subarray(length).some((byte) => byte !== 0)) {
        list.fail('padding', 'The space after the signature value holds non-zero bytes: it was altered after signing.');
        cmsDer = contents.subarray(0, length);
      } else {
        list.pass('padding', 'The space reserved after the signature value is untouched (all zeros).');
        cmsDer = contents.subarray(0, length);
      }
    } else {
      list.fail('padding', 'The signature value is not a clean hexadecimal string.');
    }
  } else {
    list.fail(
      'byte-range',
      sig
        ? 'The signature does not say which parts of the file it covers (its /ByteRange is missing or malformed), so it proves nothing about the content.'
        : 'There is no signature byte range to check.',
    );
    list.fail('padding', 'There is no signature value to check.');
  }

  const certification = sigDict && sig ? await checkCertification(list, reader, located.catalog, sigDict, sig, size) : null;
  if (!certification) list.fail('certification', 'There is no signature, so nothing certifies the pack.');

  // Manifest (small, read directly; the signature pass below proves it unaltered).
  let manifest: Manifest | null = null;
  if (manifestStream) {
    try {
      const parsed = manifestSchema.safeParse(JSON.parse((await readSmallEmbedded(reader, manifestStream)).toString('utf8')));
      if (parsed.success) {
        manifest = parsed.data;
        list.pass('manifest', `manifest.json lists ${count(manifest.files.length, 'evidence file')}.`);
      } else list.fail('manifest', 'manifest.json is not a valid evidence manifest.');
    } catch {
      list.fail('manifest', 'manifest.json could not be read: it is damaged.');
    }
  } else {
    list.fail(
      'manifest',
      located.structureProblem ? 'manifest.json could not be located because the structure is damaged.' : 'The pack has no manifest.json.',
    );
  }

  // What each attachment may decode to: no more than its /Params /Size or what the manifest lists.
  const listedSizes = new Map<string, number>(
    [...(manifest?.files ?? []), ...(manifest?.dataFiles ?? [])].map((f) => [f.name, f.size] as const),
  );

  // One pass over the file: signature digest and every embedded file.
  const evidenceStreams = located.embedded.filter((f) => f.name !== MANIFEST_NAME && f.name !== ASSESSMENT_NAME);
  // Every attachment is decoded once, the pack's own JSON too, so each one's declared /Params
  // can be checked; one whose bytes overlap another's is reported instead (see sharedBytes).
  const overlapping = sharedBytes(located.embedded);
  const overlapped = new Set(overlapping.map((o) => o.stream));
  const passing = hashPass(
    path,
    size,
    ranges.filter(([s, e]) => e > s && e <= size),
    located.embedded.filter((s) => !overlapped.has(s)),
    {
      onBytes: (done, total) => options.onProgress?.({ phase: 'hash', bytesDone: done, bytesTotal: total }),
      signal: options.signal,
      wholeFile: options.wholeFile,
      sinkFor: options.sinkFor,
      fd: reader.fd,
      thread: options.thread,
      decodedLimit: (stream) => {
        const known = [stream.params.size, listedSizes.get(stream.name)].filter((n): n is number => typeof n === 'number');
        return known.length > 0 ? Math.min(...known) : UNDECLARED_DECODE_LIMIT;
      },
    },
  );

  // The signature is checked while the pass runs, against the digest it claims: parsing it,
  // its certificates, its chain and the trust policy cost tens of milliseconds that would
  // otherwise come after the hash. That check counts only if the computed digest is the
  // claimed one (then it had exactly the inputs a check after the hash would have); else, or
  // if it failed, the signature is checked again with the computed digest.
  const signingTime = sig?.signingTime ? parsePdfDate(sig.signingTime) : null;
  const checkSignature = cmsDer && ranges.length === 2 ? cmsCheck(cmsDer, options, signingTime ?? new Date()) : null;
  const claimed = cmsDer ? claimedDigest(cmsDer) : null;
  const early = checkSignature && claimed ? checkSignature(claimed).catch(() => null) : null;
  let pass: Awaited<typeof passing>;
  try {
    pass = await passing;
  } finally {
    await early;
  }
  if (options.signal?.aborted) throw SscpError.because({ code: 'pack-verify-cancelled', fileName: basename(path) });

  let cms: CmsVerification | null = null;
  if (checkSignature) {
    const checked = await early;
    cms = checked && claimed?.equals(pass.rangeDigest) ? checked : await checkSignature(pass.rangeDigest);
  }
  reportCms(list, cms);

  const digests = new Map(pass.files);
  for (const o of overlapping)
    digests.set(o.stream, { sha256: null, size: 0, md5: null, error: `it shares its bytes with "${o.with.name}"` });
  const problems = attachmentProblems(located.embedded, digests);
  const overlapProblem = sharedBytesProblem(overlapping);
  if (overlapProblem) problems.push(overlapProblem);
  const files = compareFiles(list, manifest, evidenceStreams, digests, problems);

  const checks = [...list.checks].sort((x, y) => PACK_CHECKS.indexOf(x.id) - PACK_CHECKS.indexOf(y.id));
  const failed = checks.filter((c) => c.outcome === 'fail');
  const warnings = checks.filter((c) => c.outcome === 'warn').map((c) => c.message);
  const valid = failed.length === 0;
  const trust = cms?.trustDecision ?? null;
  const trusted = valid && trust?.status === 'trusted';
  const verification: PackVerification = {
    valid,
    trusted,
    trust,
    summary: valid
      ? trusted
        ? `Valid: signed by ${cms?.signer?.commonName ?? 'the signer'}, ${trust?.ownIdentity ? 'your own signing identity' : 'whom you trust'}, and nothing has changed since.`
        : `Intact, but the signer is not trusted: ${trust?.message ?? 'nothing establishes who signed.'}`
      : `Invalid: ${failed[0]!.message}`,
    // Several checks can fail for one cause (an unreadable signature): say each reason once.
    problems: [...new Set(failed.map((c) => c.message))],
    warnings,
    checks,
    signer: cms?.signer ?? null,
    fingerprint: cms?.signer?.fingerprint ?? null,
    signedAt: signingTime?.toISOString() ?? null,
    certification,
    packId: manifest?.packId ?? null,
    assessmentId: manifest?.assessmentId ?? null,
    profile: manifest?.profile ?? null,
    files,
    fileSize: size,
  };
  return { verification, sha256: pass.wholeDigest ? pass.wholeDigest.toString('hex') : null };
}

/**
 * The pack's signature is a DocMDP certification signature with the catalog's /Perms naming
 * it: readers show the pack as certified and flag any later change. At level 1 nothing may
 * be added after signing, so bytes after the signed range break the certification itself.
 * A pack signed before packs were certified is still checked in full, with a warning.
 */
async function checkCertification(
  list: CheckList,
  reader: PdfFileReader,
  catalog: PdfDict | null,
  sigDict: PdfDict,
  sig: SignatureDictionary,
  size: number,
): Promise<PackCertification> {
  const permission = sig.docMdpPermission;
  const link = catalog ? await certificationLink(reader, catalog, sigDict) : null;
  const uncertified = (meaning: string): PackCertification => ({ certified: false, permission: null, meaning });
  if (link === null) {
    list.fail('certification', 'Whether the pack is certified cannot be checked: its structure is damaged.');
    return uncertified('could not be checked');
  }
  if (permission === null) {
    if (link === 'none') {
      list.add(
        'certification',
        'warn',
        'The signature does not certify the pack (no DocMDP certification), so PDF readers will not flag later changes; packs made by earlier versions of this app look like this. The checks here still cover the whole file.',
      );
      return uncertified('not certified: PDF readers will not flag later changes');
    }
    list.fail(
      'certification',
      "The document claims a certification signature that is not the pack's signature: it was altered after signing.",
    );
    return uncertified('a certification was claimed by another signature');
  }
  if (![1, 2, 3].includes(permission)) {
    list.fail(
      'certification',
      `The signature certifies the pack with a permission level (${String(permission)}) the PDF standard does not define.`,
    );
    return uncertified('an undefined permission level');
  }
  const meaning = docMdpPermissionText(permission);
  if (link !== 'this-signature') {
    list.fail(
      'certification',
      link === 'none'
        ? 'The signature certifies the pack, but the document no longer says so (its /Perms entry is gone): it was altered after signing.'
        : 'The signature certifies the pack, but the document names another signature as its certification: it was altered after signing.',
    );
    return { certified: false, permission, meaning };
  }
  const range = sig.byteRange;
  const appended = range && range.length === 4 ? size - (range[2]! + range[3]!) : 0;
  if (permission === 1 && appended > 0) {
    list.fail(
      'certification',
      `The signer certified the pack with no changes allowed, yet ${count(appended, 'byte')} ${appended === 1 ? 'was' : 'were'} added after certification.`,
    );
  } else {
    list.pass(
      'certification',
      `The signer certified the pack: ${meaning} (DocMDP level ${permission}), and PDF readers show it as certified.`,
    );
  }
  return { certified: true, permission, meaning };
}

/** Checks the signature `cmsDer` against a digest of the signed bytes, with the caller's trust anchors, as of `at`. */
function cmsCheck(cmsDer: Uint8Array, options: VerifyPackOptions, at: Date): (digest: Uint8Array) => Promise<CmsVerification> {
  return (digest) =>
    verifyCms(new Uint8Array(cmsDer), new Uint8Array(digest), {
      rootsPem: options.rootsPem,
      fingerprints: allFingerprints(options),
      own: options.own,
      at,
    });
}

function allFingerprints(options: VerifyPackOptions): string[] {
  return [...(options.fingerprint === undefined ? [] : [options.fingerprint]), ...(options.fingerprints ?? [])];
}

function reportCms(list: CheckList, cms: CmsVerification | null): void {
  if (!cms) {
    for (const id of ['digest', 'cms-signature', 'signing-certificate', 'signer-trust'] as const)
      list.fail(id, 'The signature could not be checked.');
    return;
  }
  if (!cms.parsed) {
    const why = cms.problems[0] ?? 'The signature value is damaged or is not a signature at all: it cannot be read as a CMS signature.';
    for (const id of ['digest', 'cms-signature', 'signing-certificate', 'signer-trust'] as const) list.fail(id, why);
    return;
  }
  if (cms.digestMatches) list.pass('digest', 'The signed bytes are unchanged: their SHA-256 matches the signature.');
  else list.fail('digest', 'The content has changed since it was signed: its SHA-256 does not match the one in the signature.');
  if (cms.signatureValid) list.pass('cms-signature', "The signature value is valid for the signer's certificate.");
  else
    list.fail(
      'cms-signature',
      "The signature value does not verify with the signer's certificate: it was altered or made with another key.",
    );
  if (cms.signingCertificate === 'match')
    list.pass('signing-certificate', 'The certificate in the signature is the one the signer committed to.');
  else if (cms.signingCertificate === 'mismatch')
    list.fail('signing-certificate', 'The certificate in the signature was swapped: it is not the one the signer committed to.');
  else
    list.fail('signing-certificate', 'The signature does not name its signing certificate, so a swapped certificate would go unnoticed.');
  const decision = cms.trustDecision;
  if (!decision) list.fail('signer-trust', 'The signer could not be identified.');
  else if (decision.status === 'trusted') list.pass('signer-trust', decision.message);
  else if (decision.status === 'unknown') list.add('signer-trust', 'warn', decision.message);
  else list.fail('signer-trust', decision.message);
  if (!cms.certificatesTimeValid)
    list.add('signer-trust', 'warn', "A certificate on the signer's chain was not valid at the stated signing time.");
}

/** The checks every attachment gets whatever the manifest says (shared with the importer): unique names, /Params that match the bytes. */
function attachmentProblems(streams: readonly EmbeddedStream[], digests: ReadonlyMap<EmbeddedStream, FileDigest>): string[] {
  const problems: string[] = [];
  const duplicates = duplicateNamesProblem(duplicateAttachmentNames(streams));
  if (duplicates) problems.push(duplicates);
  for (const stream of streams) {
    const digest = digests.get(stream);
    if (!digest || digest.error) continue;
    const problem = attachmentParamsProblem(stream, digest);
    if (problem) problems.push(problem);
  }
  return problems;
}

function compareFiles(
  list: CheckList,
  manifest: Manifest | null,
  streams: readonly EmbeddedStream[],
  digests: ReadonlyMap<EmbeddedStream, FileDigest>,
  attachmentIssues: readonly string[],
): PackFileResult[] {
  const byName = new Map(streams.map((s) => [s.name, s]));
  const results: PackFileResult[] = [];
  const problems: string[] = [...attachmentIssues];
  // The pack's own data files it lists (the CycloneDX attestation) are checked like embedded evidence.
  const listed = [...(manifest?.files ?? []), ...(manifest?.dataFiles ?? []).map((d) => ({ ...d, embedded: true }))];
  for (const entry of listed) {
    const stream = byName.get(entry.name);
    byName.delete(entry.name);
    if (!entry.embedded) {
      if (stream) {
        results.push({
          name: entry.name,
          size: entry.size,
          sha256: entry.sha256,
          embedded: false,
          status: 'unexpected',
          problem: 'listed as withheld but present in the pack',
        });
        problems.push(`"${entry.name}" is listed as withheld but its bytes are in the pack.`);
      } else results.push({ name: entry.name, size: entry.size, sha256: entry.sha256, embedded: false, status: 'withheld' });
      continue;
    }
    if (!stream) {
      results.push({
        name: entry.name,
        size: entry.size,
        sha256: entry.sha256,
        embedded: true,
        status: 'missing',
        problem: 'listed in the manifest but not in the pack',
      });
      problems.push(`"${entry.name}" is listed in the manifest but missing from the pack.`);
      continue;
    }
    const digest = digests.get(stream);
    if (!digest || digest.error || digest.sha256 !== entry.sha256 || digest.size !== entry.size) {
      const why =
        (digest?.oversize !== undefined ? `it has more than ${digest.oversize} bytes, not ${entry.size}` : digest?.error) ??
        (digest && digest.size !== entry.size
          ? `it has ${digest.size} bytes, not ${entry.size}`
          : 'its SHA-256 does not match the manifest');
      results.push({ name: entry.name, size: entry.size, sha256: entry.sha256, embedded: true, status: 'mismatch', problem: why });
      problems.push(`"${entry.name}" does not match the manifest: ${why}.`);
      continue;
    }
    results.push({ name: entry.name, size: entry.size, sha256: entry.sha256, embedded: true, status: 'ok' });
  }
  // Each listed entry gave one result, in order: those after the evidence are the data files.
  for (let i = manifest?.files.length ?? 0; i < listed.length; i += 1) results[i] = { ...results[i]!, dataFile: true };
  for (const extra of byName.values()) {
    const digest = digests.get(extra);
    results.push({
      name: extra.name,
      size: digest?.size ?? null,
      sha256: digest?.sha256 ?? null,
      embedded: true,
      status: 'unexpected',
      problem: 'not listed in the manifest',
    });
    problems.push(`"${extra.name}" is in the pack but not in the manifest.`);
  }
  if (!manifest) list.fail('embedded-files', 'Without a readable manifest the embedded files cannot be checked.');
  else if (problems.length > 0) list.fail('embedded-files', problems.join(' '));
  else {
    const dataNames = (manifest.dataFiles ?? []).map((d) => d.name);
    const embedded = results.filter((r) => r.status === 'ok' && !r.dataFile).length;
    const withheld = results.filter((r) => r.status === 'withheld').length;
    const data = dataNames.length > 0 ? `, as ${dataNames.length === 1 ? 'does' : 'do'} ${dataNames.join(' and ')}` : '';
    list.pass(
      'embedded-files',
      `${embedded === 1 ? 'The 1 embedded file matches' : `All ${embedded} embedded files match`} the manifest${data}${withheld ? `; ${count(withheld, 'confidential file')} ${isAre(withheld)} withheld and listed by hash` : ''}.`,
    );
  }
  return results;
}

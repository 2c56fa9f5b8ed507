import { findCatalog, findClaim } from '../catalog/index';
import { SscpError } from '../errors';
import { ACTOR_EMAIL_MAX, ACTOR_NAME_MAX, personFieldProblem } from './actor';
import { CONFORMANCE_SCORES } from './attestation';
import { textProblem, textReason, TEXT_FIELDS } from './text-rules';
import { CLAIM_RESULTS, WORK_STATUSES, type ClaimResult, type IsoInstant, type WorkStatus } from './types';

/**
 * A contribution: what a claim owner (a person, or a CI job) proposes for some claims of an
 * organisation's assessment, signed by them, for the SRO to accept or reject claim by claim.
 * The file format is in docs/contributions.md; this is its content, and its CycloneDX 1.6
 * rendering (`contribution.json`), which is the one the file carries.
 */

export const CONTRIBUTION_FORMAT = 'sscp-contribution';
export const CONTRIBUTION_FORMAT_VERSION = 1;
/** A contribution is about a handful of claims; the whole Code has fewer than this. */
export const MAX_CONTRIBUTION_CLAIMS = 200;
export const MAX_CONTRIBUTION_FILES = 1000;
export const OWNER_TEAM_MAX = 100;

/** Who contributed: the name is their certificate's common name (import checks it). */
export interface Contributor {
  readonly name: string;
  readonly email: string;
  readonly team: string;
}

/** A file proposed as evidence for a claim, named in the archive by its SHA-256. */
export interface ContributionFile {
  readonly sha256: string;
  readonly size: number;
  readonly fileName: string;
}

/** What is proposed for one claim. A field left out is not proposed: the SRO's answer stays. */
export interface ContributionClaim {
  readonly claimId: string;
  readonly result?: ClaimResult;
  readonly status?: WorkStatus;
  readonly evidenceText?: string;
  readonly arguments?: string;
  readonly files: readonly ContributionFile[];
}

export interface Contribution {
  readonly formatVersion: number;
  /** A UUID, the BOM's serial number: the same contribution imported twice is recognised by it. */
  readonly id: string;
  readonly createdAt: IsoInstant;
  /** The organisation whose assessment it is for. */
  readonly organisation: string;
  /** The SRO's assessment id, when the contribution answers an evidence request; else null. */
  readonly assessmentId: string | null;
  readonly catalog: { readonly id: string; readonly version: string };
  readonly contributor: Contributor;
  readonly claims: readonly ContributionClaim[];
}

const P = 'sscp:';
const claimRef = (id: string) => `claim-${id}`;
const requirementRef = (id: string) => `requirement-${id}`;
const evidenceRef = (id: string) => `evidence-${id}`;
export const evidenceEntryName = (sha256: string) => `evidence/${sha256}`;

interface Property {
  readonly name: string;
  readonly value: string;
}

/**
 * The contribution as a CycloneDX 1.6 BOM using `declarations` (assessors, attestations,
 * claims, evidence) against a `definitions.standards` entry for the Code's catalog version.
 * CycloneDX has no place for a work status or an exact result word, so those, and which
 * fields are proposed at all, are `sscp:` properties; the properties are authoritative and
 * the declarations repeat the same values for CycloneDX tools (the reader checks they agree).
 */
export function contributionToCycloneDx(
  c: Contribution,
  tool: { readonly name: string; readonly version: string },
): Record<string, unknown> {
  const catalog = findCatalog(c.catalog.id, c.catalog.version);
  const author = { name: c.contributor.name, ...(c.contributor.email ? { email: c.contributor.email } : {}) };
  const properties: Property[] = [];
  for (const claim of c.claims) {
    if (claim.result !== undefined) properties.push({ name: `${P}claim:${claim.claimId}:result`, value: claim.result });
    if (claim.status !== undefined) properties.push({ name: `${P}claim:${claim.claimId}:status`, value: claim.status });
    if (claim.evidenceText !== undefined) properties.push({ name: `${P}claim:${claim.claimId}:evidence-text`, value: claim.evidenceText });
    if (claim.arguments !== undefined) properties.push({ name: `${P}claim:${claim.claimId}:arguments`, value: claim.arguments });
  }
  const metaProps: Property[] = [
    { name: `${P}format`, value: CONTRIBUTION_FORMAT },
    { name: `${P}format-version`, value: String(c.formatVersion) },
    { name: `${P}organisation`, value: c.organisation },
    { name: `${P}catalog`, value: `${c.catalog.id}@${c.catalog.version}` },
    ...(c.assessmentId ? [{ name: `${P}assessment-id`, value: c.assessmentId }] : []),
    ...(c.contributor.team ? [{ name: `${P}contributor-team`, value: c.contributor.team }] : []),
  ];
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${c.id}`,
    version: 1,
    metadata: {
      timestamp: c.createdAt,
      tools: { components: [{ type: 'application', name: tool.name, version: tool.version }] },
      authors: [author],
      properties: metaProps,
    },
    definitions: {
      standards: [
        {
          'bom-ref': 'standard',
          name: catalog?.title ?? c.catalog.id,
          version: c.catalog.version,
          requirements: c.claims.map((claim) => ({
            'bom-ref': requirementRef(claim.claimId),
            identifier: claim.claimId,
            ...(catalog && findClaim(catalog, claim.claimId) ? { title: findClaim(catalog, claim.claimId)!.claim.title } : {}),
          })),
        },
      ],
    },
    declarations: {
      assessors: [{ 'bom-ref': 'assessor', thirdParty: false, organization: { name: c.organisation, contact: [author] } }],
      attestations: [
        {
          summary: `Contribution by ${c.contributor.name} to the ${c.organisation} self-assessment`,
          assessor: 'assessor',
          map: c.claims.map((claim) => {
            const score = claim.result === undefined ? null : CONFORMANCE_SCORES[claim.result];
            return {
              requirement: requirementRef(claim.claimId),
              claims: [claimRef(claim.claimId)],
              ...(score !== null ? { conformance: { score, rationale: claim.result, mitigationStrategies: [] } } : {}),
            };
          }),
        },
      ],
      claims: c.claims.map((claim) => ({
        'bom-ref': claimRef(claim.claimId),
        predicate: `Claim ${claim.claimId} of ${c.catalog.id} ${c.catalog.version}`,
        ...(claim.arguments !== undefined ? { reasoning: claim.arguments } : {}),
        evidence: [evidenceRef(claim.claimId)],
      })),
      evidence: c.claims.map((claim) => ({
        'bom-ref': evidenceRef(claim.claimId),
        propertyName: `${P}claim:${claim.claimId}`,
        ...(claim.evidenceText !== undefined ? { description: claim.evidenceText } : {}),
        ...(claim.files.length
          ? { data: claim.files.map((f) => ({ name: f.fileName, contents: { url: evidenceEntryName(f.sha256) } })) }
          : {}),
        created: c.createdAt,
        author,
      })),
    },
    properties,
  };
}

function bad(message: string): SscpError {
  return SscpError.because({ code: 'contribution-unusable', detail: message });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arr(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) throw bad(`${what} is missing or not a list`);
  return v;
}

function str(v: unknown, what: string): string {
  if (typeof v !== 'string') throw bad(`${what} is missing or not text`);
  return v;
}

function props(v: unknown, what: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of v === undefined ? [] : arr(v, what)) {
    if (!isObject(p)) throw bad(`an entry of ${what} is not a name and value`);
    const name = str(p.name, `a name in ${what}`);
    if (!name.startsWith(P)) continue;
    if (out.has(name)) throw bad(`${what} gives ${name} twice`);
    out.set(name, str(p.value, `the value of ${name}`));
  }
  return out;
}

/** A text field as the workspace would take it: its length and characters, named. */
function checkedText(text: string, f: (typeof TEXT_FIELDS)[keyof typeof TEXT_FIELDS], claimId: string): string {
  const problem = textReason(text, f);
  if (problem) throw SscpError.because({ code: 'contribution-text-unusable', claimId, problem });
  return text;
}

function person(text: string, what: string, max: number, required: boolean): string {
  const problem = personFieldProblem(text, what, max, required);
  if (problem) throw bad(problem.replace(/\.$/, ''));
  return text.trim();
}

/**
 * Reads `contribution.json` back: the shape this app writes, every claim in the named catalog
 * version, every value one of the vocabulary's words, every text within the field's rules,
 * and the declarations agreeing with the `sscp:` properties. Anything else is refused whole.
 */
export function parseContributionJson(json: unknown): Contribution {
  if (!isObject(json) || json.bomFormat !== 'CycloneDX') throw bad('contribution.json is not a CycloneDX document');
  if (json.specVersion !== '1.6') throw bad(`contribution.json is CycloneDX ${String(json.specVersion)}, not 1.6`);
  const meta = json.metadata;
  if (!isObject(meta)) throw bad('its metadata is missing');
  const mp = props(meta.properties, 'the metadata properties');
  if (mp.get(`${P}format`) !== CONTRIBUTION_FORMAT) throw bad('it does not say it is an SSCP contribution');
  const formatVersion = Number(mp.get(`${P}format-version`));
  if (formatVersion !== CONTRIBUTION_FORMAT_VERSION) {
    throw SscpError.because({
      code: 'contribution-format-newer',
      found: String(mp.get(`${P}format-version`)),
      reads: CONTRIBUTION_FORMAT_VERSION,
    });
  }
  const serial = str(json.serialNumber, 'the serial number');
  const idMatch = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(serial);
  if (!idMatch) throw bad('its serial number is not a UUID');
  const createdAt = str(meta.timestamp, 'the date it was made');
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(createdAt) || Number.isNaN(Date.parse(createdAt)))
    throw bad('the date it was made is not a UTC date and time');
  const organisation = str(mp.get(`${P}organisation`), 'the organisation');
  const orgProblem = textProblem(organisation, TEXT_FIELDS.organisation);
  if (organisation.trim() === '' || orgProblem)
    throw bad(`the organisation name is not usable${orgProblem ? `: ${orgProblem.message}` : ''}`);
  const catalogText = str(mp.get(`${P}catalog`), 'the catalog version');
  const [catalogId, catalogVersion] = catalogText.split('@');
  const catalog = catalogId && catalogVersion ? findCatalog(catalogId, catalogVersion) : undefined;
  if (!catalog) {
    throw SscpError.because({ code: 'contribution-catalog-unknown', catalog: catalogText });
  }
  const assessmentId = mp.get(`${P}assessment-id`) ?? null;
  if (assessmentId !== null && !/^[\w-]{1,64}$/.test(assessmentId)) throw bad('the assessment id it names is not an id');
  const authors = arr(meta.authors, 'the author');
  const author = authors[0];
  if (authors.length !== 1 || !isObject(author)) throw bad('it should name exactly one author');
  const contributor: Contributor = {
    name: person(str(author.name, "the contributor's name"), "The contributor's name", ACTOR_NAME_MAX, true),
    email: person(
      author.email === undefined ? '' : str(author.email, "the contributor's email"),
      "The contributor's email",
      ACTOR_EMAIL_MAX,
      false,
    ),
    team: person(mp.get(`${P}contributor-team`) ?? '', "The contributor's team", OWNER_TEAM_MAX, false),
  };

  const decl = json.declarations;
  if (!isObject(decl)) throw bad('its declarations are missing');
  const cdxClaims = arr(decl.claims, 'the claims');
  const cdxEvidence = new Map(arr(decl.evidence, 'the evidence').map((e) => (isObject(e) ? [String(e['bom-ref']), e] : ['', {}])));
  const p = props(json.properties, 'the properties');
  if (cdxClaims.length === 0) throw bad('it proposes nothing for any claim');
  if (cdxClaims.length > MAX_CONTRIBUTION_CLAIMS) throw bad(`it covers ${cdxClaims.length} claims; the most is ${MAX_CONTRIBUTION_CLAIMS}`);
  const seen = new Set<string>();
  let fileCount = 0;
  const claims = cdxClaims.map((raw): ContributionClaim => {
    if (!isObject(raw)) throw bad('a claim is not an object');
    const ref = str(raw['bom-ref'], 'a claim reference');
    const claimId = ref.startsWith('claim-') ? ref.slice('claim-'.length) : '';
    if (!findClaim(catalog, claimId)) {
      throw SscpError.because({
        code: 'contribution-claim-unknown',
        claimId: ref.replace(/^claim-/, ''),
        catalog: `${catalog.id} ${catalog.version}`,
      });
    }
    if (seen.has(claimId)) throw bad(`it gives claim ${claimId} twice`);
    seen.add(claimId);
    const get = (k: string) => p.get(`${P}claim:${claimId}:${k}`);
    const result = get('result');
    const status = get('status');
    if (result !== undefined && !(CLAIM_RESULTS as readonly string[]).includes(result))
      throw bad(`the result "${result}" for claim ${claimId} is not one of ${CLAIM_RESULTS.join(', ')}`);
    if (status !== undefined && !(WORK_STATUSES as readonly string[]).includes(status))
      throw bad(`the status "${status}" for claim ${claimId} is not one of ${WORK_STATUSES.join(', ')}`);
    const evidenceText = get('evidence-text');
    const args = get('arguments');
    const ev = cdxEvidence.get(evidenceRef(claimId));
    if (!ev) throw bad(`claim ${claimId} has no evidence declaration`);
    if (ev.description !== evidenceText)
      throw bad(`the evidence text of claim ${claimId} differs between its declaration and its property`);
    if (raw.reasoning !== args) throw bad(`the arguments of claim ${claimId} differ between its declaration and its property`);
    const data = ev.data === undefined ? [] : arr(ev.data, `the evidence files of claim ${claimId}`);
    const files = data.map((d): ContributionFile => {
      if (!isObject(d) || !isObject(d.contents)) throw bad(`an evidence file of claim ${claimId} is not described`);
      const url = str(d.contents.url, `where an evidence file of claim ${claimId} is`);
      const m = /^evidence\/([0-9a-f]{64})$/.exec(url);
      if (!m) throw bad(`an evidence file of claim ${claimId} points at "${url}", not at a file in the contribution`);
      return { sha256: m[1]!, size: -1, fileName: str(d.name, `the name of an evidence file of claim ${claimId}`) };
    });
    fileCount += files.length;
    if (fileCount > MAX_CONTRIBUTION_FILES) throw bad(`it attaches more than ${MAX_CONTRIBUTION_FILES} files`);
    if (new Set(files.map((f) => f.sha256)).size !== files.length) throw bad(`claim ${claimId} lists the same file twice`);
    if (result === undefined && status === undefined && evidenceText === undefined && args === undefined && files.length === 0)
      throw bad(`it proposes nothing for claim ${claimId}`);
    return {
      claimId,
      ...(result !== undefined ? { result: result as ClaimResult } : {}),
      ...(status !== undefined ? { status: status as WorkStatus } : {}),
      ...(evidenceText !== undefined ? { evidenceText: checkedText(evidenceText, TEXT_FIELDS.evidenceText, claimId) } : {}),
      ...(args !== undefined ? { arguments: checkedText(args, TEXT_FIELDS.arguments, claimId) } : {}),
      files,
    };
  });
  return {
    formatVersion,
    id: idMatch[1]!,
    createdAt,
    organisation,
    assessmentId,
    catalog: { id: catalog.id, version: catalog.version },
    contributor,
    claims,
  };
}

/** Two organisation names are the same organisation when they differ only in case and spacing. */
export function sameOrganisation(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
  return norm(a) === norm(b);
}

/** A claim owner, as the SRO assigned them. */
export interface ClaimOwner {
  readonly assessmentId: string;
  readonly claimId: string;
  readonly name: string;
  readonly team: string;
  readonly email: string;
  readonly assignedAt: IsoInstant;
}

/** Who contributed something an assessment now holds, and when the SRO accepted it. */
export interface ContributedBy {
  readonly name: string;
  readonly acceptedAt: string;
  readonly contributionId: string;
}

/**
 * Whether a contributor is the person the claim is assigned to: the same email when the owner
 * has one (emails are what people are told apart by), else the same name. A claim nobody owns
 * is assigned to nobody.
 */
export function isAssignedTo(owner: Pick<ClaimOwner, 'name' | 'email'> | null, contributor: Pick<Contributor, 'name' | 'email'>): boolean {
  if (!owner) return false;
  if (owner.email) return foldPerson(owner.email) === foldPerson(contributor.email);
  return foldPerson(owner.name) === foldPerson(contributor.name);
}

/** A name or email as people are compared: Unicode form, surrounding spaces and case aside. */
export function foldPerson(text: string): string {
  return text.normalize('NFC').trim().toLocaleLowerCase('en-GB');
}

/**
 * Who an owner is, the one rule `sscp show`, `sscp request` and the app's Owners card use:
 * their email when they have one (emails are what people are told apart by, as
 * `isAssignedTo` matches contributors), else their name; case, Unicode form and surrounding
 * spaces aside. The team is what they belong to, not who they are.
 */
export function ownerKey(owner: Pick<ClaimOwner, 'name' | 'email'>): string {
  return owner.email.trim() ? `email:${foldPerson(owner.email)}` : `name:${foldPerson(owner.name)}`;
}

/** Claim owners grouped by who they are (`ownerKey`), in the order of each one's first claim; named as first assigned. */
export function groupByOwner<T extends Pick<ClaimOwner, 'name' | 'team' | 'email' | 'claimId'>>(
  owners: readonly T[],
): readonly { readonly owner: T; readonly claimIds: readonly string[] }[] {
  const groups = new Map<string, { owner: T; claimIds: string[] }>();
  for (const o of owners) {
    const key = ownerKey(o);
    const group = groups.get(key) ?? { owner: o, claimIds: [] };
    group.claimIds.push(o.claimId);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Whether `text` (what a person typed to name an owner: `sscp request --owner`) names this owner: their name or their email. */
export function namesOwner(owner: Pick<ClaimOwner, 'name' | 'email'>, text: string): boolean {
  const wanted = foldPerson(text);
  return foldPerson(owner.name) === wanted || (owner.email.trim() !== '' && foldPerson(owner.email) === wanted);
}

/** The states a contributed claim moves through; only pending ones can be decided. */
export const CONTRIBUTION_CLAIM_STATES = ['pending', 'accepted', 'rejected'] as const;
export type ContributionClaimState = (typeof CONTRIBUTION_CLAIM_STATES)[number];

/**
 * An owned claim waits on its owner while it is not done and nothing they sent is waiting for
 * the SRO's review. `sscp show` and the app's Owners card count it the same way.
 */
export function isWaitingOnOwner(status: string, pendingContributions: number): boolean {
  return status !== 'done' && pendingContributions === 0;
}

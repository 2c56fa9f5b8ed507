import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { listTarEntries, readTarEntry, TAR_END, tarHeader, tarPadding } from '../../../main/contribution/tar';
import { writeContribution, type ContributeClaimInput, type WrittenContribution } from '../../../main/contribution/write-contribution';
import { openWorkspace } from '../../../main/services/workspace';
import { signDigest } from '../../../main/signing/cms-sign';
import { certificateFingerprint } from '../../../main/signing/fingerprint';
import { createIdentityMaterial, unlockedIdentityFromMaterial } from '../../../main/signing/identity-material';
import type { UnlockedIdentity } from '../../../main/signing/unlocked-identity';

export { makeTempDir } from '../pack/fixtures';

/** A parsed JSON document a test edits freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke at arbitrary fields of the BOM
export type Json = Record<string, any>;

export const ORG = 'Acme Ltd';

export interface Contributor {
  readonly identity: UnlockedIdentity;
  readonly fingerprint: string;
  readonly rootPem: string | null;
}

/** A real identity (key pair and certificate) for a claim owner, optionally issued by an organisation root. */
export async function makeContributor(name: string, withRoot = false): Promise<Contributor> {
  const material = await createIdentityMaterial({ subject: { sroName: name, sroRole: 'Engineer', organisation: ORG }, withRoot });
  const identity = await unlockedIdentityFromMaterial(name, material);
  return {
    identity,
    fingerprint: certificateFingerprint(identity.certificate.der),
    rootPem: material.root ? material.root.certificate.toString('pem') : null,
  };
}

export function contribute(
  who: Contributor,
  out: string,
  claims: readonly ContributeClaimInput[],
  extra: { organisation?: string; email?: string; assessmentId?: string } = {},
): Promise<WrittenContribution> {
  return writeContribution(who.identity, {
    organisation: extra.organisation ?? ORG,
    claims,
    email: extra.email ?? '',
    outPath: out,
    replace: false,
    ...(extra.assessmentId ? { assessmentId: extra.assessmentId } : {}),
  });
}

/** An SRO database with one draft of ORG (and more assessments as asked); returns the draft's id. */
export function sroDatabase(db: string, owners: readonly { claimId: string; name: string; email?: string }[] = []): string {
  const ws = openWorkspace(db, { actor: { name: 'Sam SRO', source: 'as-option' } });
  try {
    const a = ws.createAssessment({ organisation: ORG, role: 'developer-distributor', sroName: 'Ada Jones', sroRole: 'CTO' });
    for (const o of owners) ws.assignOwner(a.id, o.claimId, { name: o.name, ...(o.email ? { email: o.email } : {}) });
    return a.id;
  } finally {
    ws.close();
  }
}

/** The entries of a contribution file, by name. */
export async function readEntries(path: string): Promise<Map<string, Buffer>> {
  const h = await open(path, 'r');
  try {
    const entries = await listTarEntries(h, (await h.stat()).size, { maxEntries: 100000 });
    const out = new Map<string, Buffer>();
    for (const e of entries) out.set(e.name, await readTarEntry(h, e));
    return out;
  } finally {
    await h.close();
  }
}

/** A tar of exactly these entries, in this order. */
export function writeTar(path: string, entries: readonly (readonly [string, Buffer])[]): void {
  const parts: Buffer[] = [];
  for (const [name, data] of entries) parts.push(tarHeader(name, data.length, 1_700_000_000), data, tarPadding(data.length));
  parts.push(TAR_END);
  writeFileSync(path, Buffer.concat(parts));
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Rewrites a contribution: `edit` changes its entries (contribution.json parsed for it); with
 * `signer`, the manifest is rebuilt and signed again, so the result is a validly signed
 * contribution with hostile content (a forgery only the content checks can catch).
 */
export async function doctor(
  src: string,
  dst: string,
  edit: (json: Json, files: Map<string, Buffer>) => void,
  signer?: UnlockedIdentity,
): Promise<void> {
  const files = await readEntries(src);
  const original = files.get('contribution.json')!.toString('utf8');
  const json = JSON.parse(original) as Json;
  edit(json, files);
  // Rewritten only when the edit changed it, so other edits leave its signed bytes alone.
  if (JSON.stringify(json) !== JSON.stringify(JSON.parse(original)))
    files.set('contribution.json', Buffer.from(JSON.stringify(json, null, 2)));
  if (signer) {
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Json;
    manifest.files = [...files.keys()]
      .filter((n) => n !== 'manifest.json' && n !== 'manifest.json.p7s')
      .map((n) => ({ path: n, sha256: sha(files.get(n)!), size: files.get(n)!.length }));
    const m = Buffer.from(JSON.stringify(manifest, null, 2));
    files.set('manifest.json', m);
    files.set('manifest.json.p7s', Buffer.from(await signDigest(createHash('sha256').update(m).digest(), signer, new Date())));
  }
  writeTar(dst, [...files.entries()]);
}

/** Everything a contribution import could have written: row counts and stored files. */
export function snapshot(dbPath: string): { counts: Record<string, number>; files: string[] } {
  const counts: Record<string, number> = {};
  if (existsSync(dbPath)) {
    const db = new Database(dbPath, { readonly: true });
    try {
      for (const t of [
        'assessments',
        'claim_responses',
        'evidence_items',
        'evidence_links',
        'audit_log',
        'contributions',
        'contribution_claims',
        'contribution_files',
        'contributor_keys',
        'claim_owners',
      ]) {
        counts[t] = db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
      }
      counts.answers = db
        .prepare("SELECT count(*) FROM claim_responses WHERE result <> 'not-assessed' OR evidence_text <> ''")
        .pluck()
        .get() as number;
    } finally {
      db.close();
    }
  }
  const root = `${dbPath}.evidence`;
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(`${relative(root, p)} ${statSync(p).size}`);
    }
  };
  walk(root);
  return { counts, files: files.sort() };
}

export function bytes(path: string): Buffer {
  return readFileSync(path);
}

import Database from 'better-sqlite3';
import { appendFileSync, copyFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';
import { runCli } from '../../../main/cli/run';
import { buildPack } from '../../../main/pack/build-pack';
import type { Manifest } from '../../../main/pack/manifest';
import { xrefSection } from '../../../main/pack/pdf/appender';
import { PdfFileReader } from '../../../main/pack/pdf/file-reader';
import {
  asArray,
  asDict,
  asRef,
  dict,
  name,
  PdfDict,
  ref,
  serialize,
  textString,
  decodeTextString,
  type PdfString,
  type PdfValue,
} from '../../../main/pack/pdf/objects';
import type { PackProfile } from '../../../main/pack/types';
import { TEST_KEY_COST } from '../../helpers/key-cost';
import { makePackInput, type EvidenceSpec, type TestSigner } from '../pack/fixtures';

export { makeSigner, makeTempDir } from '../pack/fixtures';

const FIXTURES = fileURLToPath(new URL('../../fixtures/packs', import.meta.url));
export const fixturePack = (name: string): string => join(FIXTURES, name);

/** Small evidence, quick to build and to fuzz: a raw binary, a compressed text file, a confidential one. */
export function smallEvidence(): EvidenceSpec[] {
  const bytes = (seed: number, n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 13 + seed * 7) % 256));
  return [
    { fileName: 'policy.pdf', mediaType: 'application/pdf', content: bytes(1, 2000), claims: ['1.1.1'] },
    { fileName: 'build-log.txt', mediaType: 'text/plain', content: Buffer.from('build ok\n'.repeat(100)), claims: ['2.2.1', '2.2.3'] },
    { fileName: 'pen-test.pdf', mediaType: 'application/pdf', content: bytes(2, 1500), confidential: true, claims: ['1.3.1'] },
  ];
}

export async function buildSmallPack(
  dir: string,
  signer: TestSigner,
  file: string,
  profile: PackProfile = 'certification',
  evidence = smallEvidence(),
): Promise<string> {
  const path = join(dir, file);
  await buildPack(makePackInput(dir, signer.signer, { profile }, evidence), path);
  return path;
}

/** What "nothing was written" compares: row counts of every table that an import touches, and the evidence folder's files. */
export interface StoreSnapshot {
  readonly counts: Readonly<Record<string, number>>;
  readonly files: readonly string[];
}

export function snapshot(dbPath: string): StoreSnapshot {
  const counts: Record<string, number> = {};
  if (existsSync(dbPath)) {
    const db = new Database(dbPath, { readonly: true });
    try {
      for (const table of [
        'assessments',
        'claim_responses',
        'remedial_actions',
        'evidence_items',
        'evidence_links',
        'imports',
        'audit_log',
      ]) {
        counts[table] = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
      }
    } finally {
      db.close();
    }
  }
  return { counts, files: listFiles(`${dbPath}.evidence`) };
}

function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(`${relative(root, p)} ${statSync(p).size}`);
    }
  };
  walk(root);
  return out.sort();
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `sscp` in this process; keys and backups at TEST_KEY_COST. */
export async function cli(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { SSCP_HOME: process.env.SSCP_HOME },
    isTTY: false,
    keyCost: TEST_KEY_COST,
  });
  return { code, stdout, stderr };
}

/** How to doctor a built pack: edit its manifest or assessment data, rename or drop attachments. */
export interface PackEdit {
  readonly manifest?: (m: Manifest) => Manifest;
  readonly assessment?: (a: Record<string, unknown>) => Record<string, unknown>;
  /** Attachment names in the names tree: return a new name, or null to drop the attachment. */
  readonly rename?: (attachmentName: string) => string | null;
  /** More names for an attachment: each a second names-tree entry for the same file specification. */
  readonly aliases?: (attachmentName: string) => readonly string[];
}

/**
 * Copies a pack and appends an incremental update that replaces its names tree (and, when
 * asked, manifest.json / assessment.json): how an attacker would doctor a pack with ordinary
 * PDF tools. The signature then no longer covers the whole file, which the verifier notices;
 * the importer's own structural checks must catch the doctored content first.
 */
export async function doctorPack(src: string, dst: string, edit: PackEdit): Promise<void> {
  copyFileSync(src, dst);
  const reader = await PdfFileReader.open(dst);
  let update = '';
  const offsets = new Map<number, number>();
  const size = reader.size;
  try {
    await reader.readStructure();
    const trailer = reader.trailer;
    let next = trailer.get('Size') as number;
    const catalog = asDict(await reader.resolve(trailer.get('Root')))!;
    const names = asDict(await reader.resolve(catalog.get('Names')))!;
    const treeRef = asRef(names.get('EmbeddedFiles'))!;
    const tree = asDict((await reader.readObject(treeRef)).value)!;
    const pairs = asArray(tree.get('Names'))!;
    const write = (num: number, body: string) => {
      offsets.set(num, size + Buffer.byteLength(update, 'latin1'));
      update += `${num} 0 obj\n${body}\nendobj\n`;
    };
    const newPairs: [string, PdfValue][] = [];
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const key = decodeTextString(pairs[i] as PdfString);
      let spec = pairs[i + 1]!;
      const json = key === 'manifest.json' ? edit.manifest : key === 'assessment.json' ? edit.assessment : undefined;
      if (json) {
        const specDict = asDict(await reader.resolve(spec))!;
        const streamRef = asRef(asDict(specDict.get('EF'))!.get('F'))!;
        const object = await reader.readObject(streamRef);
        const extent = await reader.streamExtent(object);
        const value = JSON.parse(inflateSync(await reader.readAt(extent.start, extent.length)).toString('utf8')) as never;
        const bytes = Buffer.from(JSON.stringify((json as (v: never) => unknown)(value), null, 2), 'utf8');
        const data = deflateSync(bytes);
        const streamNum = next++;
        offsets.set(streamNum, size + Buffer.byteLength(update, 'latin1'));
        update += `${streamNum} 0 obj\n${serialize(dict({ Type: name('EmbeddedFile'), Subtype: name('application/json'), Length: data.length, Filter: name('FlateDecode') }))}\nstream\n${data.toString('latin1')}\nendstream\nendobj\n`;
        const specNum = next++;
        write(specNum, serialize(new PdfDict(specDict.entries).set('EF', dict({ F: ref(streamNum), UF: ref(streamNum) }))));
        spec = ref(specNum);
      }
      const renamed = edit.rename ? edit.rename(key) : key;
      if (renamed === null) continue;
      if (renamed !== key) {
        const specDict = asDict(await reader.resolve(spec))!;
        const specNum = next++;
        write(specNum, serialize(new PdfDict(specDict.entries).set('F', textString(renamed)).set('UF', textString(renamed))));
        spec = ref(specNum);
      }
      newPairs.push([renamed, spec]);
      for (const alias of edit.aliases?.(key) ?? []) newPairs.push([alias, spec]);
    }
    newPairs.sort((a, b) => Buffer.compare(Buffer.from(textString(a[0]).bytes), Buffer.from(textString(b[0]).bytes)));
    write(treeRef.num, serialize(dict({ Names: newPairs.flatMap(([k, v]) => [textString(k), v]) })));
    const xrefAt = size + Buffer.byteLength(update, 'latin1');
    update += `${xrefSection(offsets)}trailer\n${serialize(dict({ Size: next, Root: trailer.get('Root'), Info: trailer.get('Info'), Prev: reader.startxref }))}\nstartxref\n${xrefAt}\n%%EOF\n`;
  } finally {
    await reader.close();
  }
  appendFileSync(dst, Buffer.from(update, 'latin1'));
}

export function readBytes(path: string): Buffer {
  return readFileSync(path);
}

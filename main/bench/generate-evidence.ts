import { createHash, randomFillSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';

const MIB = 1024 * 1024;
const BLOCK_BYTES = 4 * MIB;
/** Bump when the mix or the generators change, so a cached folder from an older mix is not reused. */
const MIX_VERSION = 2;

export interface BenchFile {
  readonly fileName: string;
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  readonly kind: EvidenceKind['kind'];
}

export interface EvidenceKind {
  readonly kind: 'archive' | 'pdf' | 'image' | 'base64' | 'log' | 'json';
  /** What it stands for, for the printed mix. */
  readonly label: string;
  /** Share of the total bytes. */
  readonly share: number;
  /** How many files of this kind at 1 GiB (scaled with the total, at least one). */
  readonly filesPerGib: number;
  readonly name: (i: number) => string;
}

/**
 * The evidence a vendor attaches, by bytes: compressed build archives, scanned and generated
 * PDFs, screenshots, plain logs and SBOM/scan JSON, and a quarter of high-entropy text (base64
 * dumps of keys, signatures and binaries pasted into text files), which barely compresses.
 */
export const EVIDENCE_MIX: readonly EvidenceKind[] = [
  { kind: 'archive', label: 'compressed archives (.tar.gz)', share: 0.35, filesPerGib: 4, name: (i) => `release-bundle-${i}.tar.gz` },
  { kind: 'pdf', label: 'PDF reports (compressed streams)', share: 0.15, filesPerGib: 12, name: (i) => `pen-test-report-${i}.pdf` },
  { kind: 'image', label: 'images (.png)', share: 0.1, filesPerGib: 40, name: (i) => `screenshot-${i}.png` },
  {
    kind: 'base64',
    label: 'base64 dumps (high-entropy text)',
    share: 0.25,
    filesPerGib: 3,
    name: (i) => `signing-material-dump-${i}.b64.txt`,
  },
  { kind: 'log', label: 'plain-text logs', share: 0.1, filesPerGib: 6, name: (i) => `ci-build-${i}.log` },
  { kind: 'json', label: 'JSON (SBOMs, scan results)', share: 0.05, filesPerGib: 8, name: (i) => `sbom-${i}.cdx.json` },
];

export function describeMix(): string {
  return EVIDENCE_MIX.map((k) => `${Math.round(k.share * 100)} % ${k.label}`).join(', ');
}

/** Fills a block of the kind's bytes; `n` varies successive blocks so none repeats another. */
type BlockMaker = (block: Buffer, n: number) => void;

function randomBlock(block: Buffer): void {
  randomFillSync(block);
}

const BASE64_LINE = 76;
function base64Block(block: Buffer): void {
  // base64 of random bytes in 76-character lines, as `base64` writes it.
  const raw = randomFillSync(Buffer.alloc(Math.ceil((block.length * 3) / 4)));
  const text = raw.toString('base64');
  let at = 0;
  for (let i = 0; at < block.length; i += BASE64_LINE) {
    at += block.write(text.slice(i, i + BASE64_LINE), at, 'latin1');
    if (at < block.length) block[at++] = 0x0a;
  }
}

function hex(bytes: number): string {
  return randomFillSync(Buffer.alloc(bytes)).toString('hex');
}

function textBlock(line: (i: number) => string): BlockMaker {
  return (block, n) => {
    let at = 0;
    for (let i = n * 40_000; at < block.length; i++) at += block.write(line(i), at, 'utf8');
  };
}

const STEPS = ['checkout', 'restore-cache', 'compile', 'unit-test', 'sbom', 'sign', 'publish'];
const logBlock = textBlock((i) => {
  const t = new Date(Date.UTC(2026, 10, 1) + i * 137).toISOString();
  const level = i % 53 === 0 ? 'WARN' : 'INFO';
  return `${t} ${level} pipeline=release build=${4711 + (i >> 12)} step=${STEPS[i % STEPS.length]} req=${hex(6)} duration_ms=${(i * 7919) % 4000} msg="step finished" status=ok\n`;
});

const jsonBlock = textBlock((i) => {
  const name = `component-${(i * 2654435761) % 100_000}`;
  return `    {"type":"library","bom-ref":"pkg:npm/${name}@${i % 9}.${i % 17}.${i % 5}","name":"${name}","version":"${i % 9}.${i % 17}.${i % 5}","hashes":[{"alg":"SHA-256","content":"${hex(32)}"}],"licenses":[{"license":{"id":"${i % 3 ? 'MIT' : 'Apache-2.0'}"}}]},\n`;
});

const HEADERS: Partial<Record<EvidenceKind['kind'], Buffer>> = {
  archive: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03]),
  pdf: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
  image: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
};

const MAKERS: Record<EvidenceKind['kind'], BlockMaker> = {
  archive: randomBlock,
  pdf: randomBlock,
  image: randomBlock,
  base64: base64Block,
  log: logBlock,
  json: jsonBlock,
};

async function writeEvidenceFile(path: string, size: number, kind: EvidenceKind['kind']): Promise<string> {
  const handle = await open(path, 'w');
  const hash = createHash('sha256');
  const make = MAKERS[kind];
  const block = Buffer.alloc(BLOCK_BYTES);
  // Text kinds are costly to generate: make a few distinct blocks and cycle them (deflate's
  // 32 KiB window never sees the repeat, so the compressibility is that of one block).
  const cycled = kind === 'log' || kind === 'json' || kind === 'base64';
  const pool: Buffer[] = [];
  try {
    for (let written = 0, n = 0; written < size; n++) {
      let chunk: Buffer;
      if (cycled && pool.length >= 4) {
        chunk = pool[n % pool.length]!;
      } else {
        make(block, n);
        chunk = cycled ? Buffer.from(block) : block;
        if (cycled) pool.push(chunk);
      }
      const header = written === 0 ? HEADERS[kind] : undefined;
      if (header) chunk = Buffer.concat([header, chunk.subarray(header.length)]);
      const part = chunk.subarray(0, Math.min(chunk.length, size - written));
      hash.update(part);
      await handle.write(part, 0, part.length, written);
      written += part.length;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

/** Whether the evidence for that size was generated whole earlier (its list is written last). */
export function evidenceKept(benchDir: string, totalBytes: number): boolean {
  return existsSync(join(benchDir, `evidence-${totalBytes}-v${MIX_VERSION}`, 'files.json'));
}

/**
 * The evidence for one size, generated once into `<benchDir>/evidence-<bytes>-v<mix>/` and
 * reused by later runs: its list is written last, so a generation cut short is redone.
 */
export async function ensureEvidence(benchDir: string, totalBytes: number, log: (line: string) => void): Promise<BenchFile[]> {
  const dir = join(benchDir, `evidence-${totalBytes}-v${MIX_VERSION}`);
  const listPath = join(dir, 'files.json');
  if (existsSync(listPath)) {
    const files = JSON.parse(readFileSync(listPath, 'utf8')) as BenchFile[];
    if (files.every((f) => existsSync(f.path) && statSync(f.path).size === f.size)) {
      log(`Reusing the evidence generated earlier in ${dir}`);
      return files;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`Generating ${(totalBytes / MIB).toFixed(0)} MiB of evidence in ${dir} (kept for later runs)…`);
  const files: BenchFile[] = [];
  let assigned = 0;
  for (const [k, kind] of EVIDENCE_MIX.entries()) {
    const kindBytes = k === EVIDENCE_MIX.length - 1 ? totalBytes - assigned : Math.floor(totalBytes * kind.share);
    assigned += kindBytes;
    const count = Math.max(1, Math.round((kind.filesPerGib * totalBytes) / 1024 ** 3));
    for (let i = 0; i < count; i++) {
      const size = i === count - 1 ? kindBytes - Math.floor(kindBytes / count) * (count - 1) : Math.floor(kindBytes / count);
      const fileName = kind.name(i + 1);
      const path = join(dir, fileName);
      files.push({ fileName, path, size, sha256: await writeEvidenceFile(path, size, kind.kind), kind: kind.kind });
    }
  }
  writeFileSync(`${listPath}.partial`, JSON.stringify(files, null, 1));
  renameSync(`${listPath}.partial`, listPath);
  return files;
}

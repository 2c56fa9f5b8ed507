import type { EvidenceItem } from '../../shared/domain/types';
import { blobSize, hashFile, type BlobStore } from './blob-store';

export interface EvidenceProblem {
  readonly sha256: string;
  /** The names the file was attached under, so a person knows which one it is. */
  readonly fileNames: readonly string[];
}

export interface EvidenceReport {
  readonly ok: boolean;
  /** Distinct stored files re-hashed. */
  readonly checked: number;
  readonly missing: readonly EvidenceProblem[];
  readonly mismatched: readonly EvidenceProblem[];
  /** Blobs no evidence item names: harmless (left by an attach that crashed before saving). */
  readonly unreferenced: readonly string[];
  /** Files in the evidence folder that are not blobs at all. */
  readonly strays: readonly string[];
}

/**
 * Re-hashes every stored file that evidence items say is present, one streaming pass each,
 * and reports missing or changed ones. Unreferenced blobs are listed for information only.
 */
export async function verifyEvidence(
  items: readonly EvidenceItem[],
  blobs: BlobStore,
  onProgress?: (filesDone: number, filesTotal: number) => void,
): Promise<EvidenceReport> {
  const namesBySha = new Map<string, Set<string>>();
  for (const item of items) {
    if (!item.present) continue;
    const names = namesBySha.get(item.sha256) ?? new Set<string>();
    names.add(item.fileName);
    namesBySha.set(item.sha256, names);
  }
  const missing: EvidenceProblem[] = [];
  const mismatched: EvidenceProblem[] = [];
  let done = 0;
  for (const [sha256, names] of namesBySha) {
    const problem = { sha256, fileNames: [...names].sort() };
    const path = blobs.blobPath(sha256);
    if (blobSize(path) === undefined) missing.push(problem);
    else if ((await hashFile(path)).sha256 !== sha256) mismatched.push(problem);
    done += 1;
    onProgress?.(done, namesBySha.size);
  }
  const referenced = new Set(items.map((i) => i.sha256));
  const { blobs: onDisk, strays } = blobs.listBlobs();
  return {
    ok: missing.length === 0 && mismatched.length === 0,
    checked: namesBySha.size,
    missing,
    mismatched,
    unreferenced: onDisk.filter((sha) => !referenced.has(sha)),
    strays,
  };
}

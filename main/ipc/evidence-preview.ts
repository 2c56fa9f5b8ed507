import { open } from 'node:fs/promises';
import type { EvidenceItem } from '../../shared/domain/types';
import type { EvidencePreview } from '../../shared/ipc/views';

const TEXT_LIMIT = 64 * 1024;
const IMAGE_LIMIT = 5 * 1024 * 1024;
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const TEXT_TYPES = /^(text\/|application\/(json|xml|x-yaml|yaml|csv))/;

/**
 * A look at an evidence file without leaving the app: the start of a text file, or a small
 * image as a data: URL (the only image source the page's CSP allows besides its own files).
 */
export async function previewEvidence(item: EvidenceItem, blobPath: string): Promise<EvidencePreview> {
  const base = { evidenceId: item.id, fileName: item.fileName };
  if (!item.present) return { ...base, kind: 'none', content: '', truncated: false };
  if (IMAGE_TYPES.has(item.mediaType) && item.size <= IMAGE_LIMIT) {
    const bytes = await readStart(blobPath, IMAGE_LIMIT);
    return { ...base, kind: 'image', content: `data:${item.mediaType};base64,${bytes.toString('base64')}`, truncated: false };
  }
  if (TEXT_TYPES.test(item.mediaType)) {
    const bytes = await readStart(blobPath, TEXT_LIMIT);
    return { ...base, kind: 'text', content: bytes.toString('utf8'), truncated: item.size > TEXT_LIMIT };
  }
  return { ...base, kind: 'none', content: '', truncated: false };
}

async function readStart(path: string, limit: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(limit);
    const { bytesRead } = await handle.read(buffer, 0, limit, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

import { CLAIM_PATCH_FIELDS } from '../../shared/domain/inputs';
import { SscpError } from '../../shared/errors';
import { readSmallFileSync } from '../fs/regular-file';
import type { ClaimPatch, ClaimUpdate } from '../services/workspace';
import type { CliIo } from './io';

/**
 * The most `sscp set --from` reads: every claim's evidence text and arguments at their
 * longest (45 × 2 × 100,000 characters), with room for JSON's escapes. Anything larger is not
 * a claims file, and is refused before it fills memory.
 */
export const MAX_CLAIMS_FILE_BYTES = 64 * 1024 * 1024;

/** The fields of a `sscp show --json` claim that `set --from` applies: those of a claim patch (shared/domain/inputs.ts). */
const EDITABLE = CLAIM_PATCH_FIELDS;
/** The fields `show --json` prints that come from the catalog or the record: accepted, not applied. */
const READ_ONLY = [
  'themeId',
  'principleId',
  'title',
  'inScope',
  'updatedAt',
  'evidenceIds',
  'owner',
  'contributedBy',
  'pendingContributions',
] as const;
const KNOWN = new Set<string>(['id', ...EDITABLE, ...READ_ONLY]);

const SHAPE_HINT =
  'Give a JSON array of claims as `sscp show ID --json` prints them under "claims" (or that whole output); each needs "id" and any of "status", "result", "evidenceText", "arguments". The format is in docs/cli-json.md.';

/** One entry read from a claims file: the change, and when the claim was last changed as the file knows it. */
export interface ClaimsFileEntry extends ClaimUpdate {
  readonly updatedAt?: string;
}

/** Reads `--from FILE`, or standard input for `--from -`, whole (at most MAX_CLAIMS_FILE_BYTES). */
export async function readClaimsSource(path: string, io: CliIo): Promise<string> {
  if (path !== '-') {
    return readSmallFileSync(path, MAX_CLAIMS_FILE_BYTES, {
      what: 'claims file',
      hint: 'Give the path of a JSON file of claims (or - to read them from standard input).',
    }).toString('utf8');
  }
  if (!io.stdin)
    throw new SscpError(
      'invalid-input',
      'There is no standard input to read the claims from.',
      'Pipe the claims in, or give the path of a JSON file.',
    );
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin()) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    size += bytes.length;
    if (size > MAX_CLAIMS_FILE_BYTES) {
      throw new SscpError(
        'invalid-input',
        `The claims on standard input are larger than ${MAX_CLAIMS_FILE_BYTES / 1024 / 1024} MiB: that is not a claims file.`,
        SHAPE_HINT,
      );
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The changes in a claims file: the `claims` entries of `sscp show --json` (the array, or the
 * whole output), so show, edit and set round-trip. Every entry is checked here for shape;
 * what a value means (a known status, a claim of this assessment, a text's length) is
 * checked when it is applied. A problem names the entry by its position, from 0.
 */
export function parseClaimsFile(text: string, source: string): ClaimsFileEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new SscpError('invalid-input', `${source} is not JSON: ${(e as Error).message}.`, SHAPE_HINT);
  }
  const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.claims) ? data.claims : undefined;
  if (!list)
    throw new SscpError(
      'invalid-input',
      `${source} holds no list of claims: expected a JSON array, or an object with a "claims" array.`,
      SHAPE_HINT,
    );
  if (list.length === 0) throw new SscpError('invalid-input', `${source} lists no claims: nothing to change.`, SHAPE_HINT);
  return list.map((entry: unknown, index) => parseEntry(entry, index));
}

function parseEntry(entry: unknown, index: number): ClaimsFileEntry {
  const at = `Entry [${index}]`;
  if (!isObject(entry)) throw new SscpError('invalid-input', `${at} is ${describe(entry)}, not a claim object.`, SHAPE_HINT);
  const id = entry.id;
  if (typeof id !== 'string' || id === '') throw new SscpError('invalid-input', `${at} has no claim "id" (such as "1.2.1").`, SHAPE_HINT);
  const named = `${at} (claim ${JSON.stringify(id)})`;
  for (const key of Object.keys(entry)) {
    if (!KNOWN.has(key)) {
      throw new SscpError(
        'invalid-input',
        `${named} has a field ${JSON.stringify(key)} that claims do not have.`,
        `The fields applied are ${EDITABLE.map((k) => `"${k}"`).join(', ')}; the others that sscp show --json prints are accepted and left as they are. Nothing was changed.`,
      );
    }
  }
  const patch: { -readonly [K in keyof ClaimPatch]: ClaimPatch[K] } = {};
  for (const key of EDITABLE) {
    const value = entry[key];
    if (value === undefined) continue;
    if (typeof value !== 'string')
      throw new SscpError(
        'invalid-input',
        `${named}: "${key}" is ${describe(value)}; it must be a string. Nothing was changed.`,
        SHAPE_HINT,
      );
    (patch as Record<string, string>)[key] = value;
  }
  const updatedAt = entry.updatedAt;
  if (updatedAt !== undefined && typeof updatedAt !== 'string') {
    throw new SscpError(
      'invalid-input',
      `${named}: "updatedAt" is ${describe(updatedAt)}; leave it as sscp show --json printed it, or remove it. Nothing was changed.`,
      SHAPE_HINT,
    );
  }
  return { claimId: id, patch, ...(updatedAt === undefined ? {} : { updatedAt }) };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return `${v}`;
  return 'an object';
}

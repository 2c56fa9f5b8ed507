// Writes SHA256SUMS for the release artefacts in a folder, in the format `sha256sum -c`
// reads, so a customer can check a download with a standard tool (Code of Practice 3.1.1).
// Files are hashed as streams: installers run to hundreds of megabytes.
//
//   node scripts/checksums.mjs release
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileAtomically } from './lib/write-file-atomically.mjs';

export const CHECKSUMS_FILE = 'SHA256SUMS';
/** electron-builder's own diagnostics land beside the artefacts; customers never get them. */
const NOT_ARTEFACTS = new Set(['builder-debug.yml', 'builder-effective-config.yaml']);

/** SHA-256 of a file as lower-case hex, read in chunks. */
export async function sha256File(path) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * One line as GNU sha256sum writes it: `<hash>  <name>`. A name holding a backslash or a
 * newline is escaped and the line starts with a backslash, exactly as `sha256sum` does, so
 * `sha256sum -c` reads every name back.
 */
export function formatChecksumLine(sha256, name) {
  if (!/[\\\n\r]/.test(name)) return `${sha256}  ${name}`;
  const escaped = name.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return `\\${sha256}  ${escaped}`;
}

/**
 * Hashes every regular file directly in `dir` (sub-folders such as `linux-unpacked/` are
 * build leftovers, not downloads) and writes `dir/SHA256SUMS` atomically, sorted by name.
 */
export async function writeChecksums(dir) {
  const folder = resolve(dir);
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (e) {
    throw new Error(`Cannot read the release folder ${folder} (${e.code ?? e.message}). Build the release first ("npm run dist").`, {
      cause: e,
    });
  }
  const names = entries
    .filter((e) => e.isFile() && e.name !== CHECKSUMS_FILE && !e.name.startsWith(`.${CHECKSUMS_FILE}.`) && !NOT_ARTEFACTS.has(e.name))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length === 0) {
    throw new Error(`There are no files to list in ${folder}. Build the release first ("npm run dist").`);
  }

  const files = [];
  for (const name of names) {
    const path = join(folder, name);
    files.push({ name, sha256: await sha256File(path), size: (await stat(path)).size });
  }
  const text = files.map((f) => `${formatChecksumLine(f.sha256, f.name)}\n`).join('');

  const target = join(folder, CHECKSUMS_FILE);
  await writeFileAtomically(target, text);
  return { file: target, files };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = process.argv[2];
  if (!dir || process.argv.length > 3) {
    console.error('Usage: node scripts/checksums.mjs FOLDER   (writes FOLDER/SHA256SUMS)');
    process.exitCode = 1;
  } else {
    try {
      const result = await writeChecksums(dir);
      console.log(`${CHECKSUMS_FILE}: ${result.files.length} file(s) listed in ${result.file}`);
      console.log(`Customers check a download with: sha256sum -c --ignore-missing ${CHECKSUMS_FILE}`);
    } catch (e) {
      console.error(`checksums: ${e.message}`);
      process.exitCode = 1;
    }
  }
}

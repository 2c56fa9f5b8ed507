import { hasUnsafeCharacter, listRemoved, unsafeCharacters } from '../../shared/domain/text-rules';

/** Names the pack itself uses for its data files; evidence never takes them. */
export const MANIFEST_NAME = 'manifest.json';
export const ASSESSMENT_NAME = 'assessment.json';
/** The CycloneDX 1.6 attestation (docs/attestation.md), listed in the manifest's dataFiles. */
export const ATTESTATION_NAME = 'attestation.cdx.json';
const RESERVED = new Set([MANIFEST_NAME, ASSESSMENT_NAME, ATTESTATION_NAME]);

const MAX_NAME_LENGTH = 120;

/**
 * A name that is safe to save under on any system (`pdfdetach -saveall` writes files by
 * it) and that shows what it is: no path separators, no `..`, no control or reserved
 * characters, no leading dot, and no bidirectional or invisible formatting characters
 * (`invoice\u202Efdp.exe`, which a file manager shows as `invoiceexe.pdf`, becomes
 * `invoicefdp.exe`). It never holds a line break or backslash, so `<sha256>  <name>` lines
 * built from it are plain `sha256sum` lines.
 */
export function safeAttachmentName(original: string, maxLength = MAX_NAME_LENGTH): string {
  let name = original
    .normalize('NFC')
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .replace(unsafeCharacters(), '')
    .replace(/\.{2,}/g, '.')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (name === '') name = 'evidence';
  if (name.length > maxLength) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    name = name.slice(0, maxLength - ext.length) + ext;
  }
  return name;
}

/**
 * Gives each original file name a unique safe attachment name, in order: the second
 * `report.pdf` becomes `report (2).pdf`. Case-insensitive, as Windows and macOS are.
 */
export function uniqueAttachmentNames(originals: readonly string[]): string[] {
  const taken = new Set<string>([...RESERVED].map((n) => n.toLowerCase()));
  return originals.map((original) => {
    const base = safeAttachmentName(original);
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) {
      const dot = base.lastIndexOf('.');
      candidate = dot > 0 ? `${base.slice(0, dot)} (${n})${base.slice(dot)}` : `${base} (${n})`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/**
 * Why an evidence file is attached under another name than its own, in words for the export
 * output and the pack's evidence table; null when the name was kept.
 */
export function attachmentRenameReason(original: string, name: string): string | null {
  if (original === name) return null;
  const reasons: string[] = [];
  const hidden = [...original].filter((ch) => hasUnsafeCharacter(ch));
  if (hidden.length > 0)
    reasons.push(
      `it held control, bidirectional or invisible characters (${listRemoved(hidden)}) that can disguise a file's real name or type`,
    );
  if (/[/\\:*?"<>|]/.test(original))
    reasons.push('it held characters that are not allowed in file names on every system (/ \\ : * ? " < > |)');
  if (/\.{2,}|^[\s.]|[\s.]$/.test(original)) reasons.push('it began or ended with a dot or space, or held ".."');
  if ([...original].length > MAX_NAME_LENGTH) reasons.push(`it was longer than ${MAX_NAME_LENGTH} characters`);
  if (reasons.length === 0 && original.normalize('NFC') !== original) reasons.push('it was in decomposed Unicode form');
  if (reasons.length === 0 && RESERVED.has(original.toLowerCase())) reasons.push(`the pack uses the name ${original} for its own data`);
  if (reasons.length === 0) reasons.push('another evidence file has the same name');
  return reasons.join('; ');
}

/** Names the pack itself uses for its data files; evidence never takes them. */
export const MANIFEST_NAME = 'manifest.json';
export const ASSESSMENT_NAME = 'assessment.json';
const RESERVED = new Set([MANIFEST_NAME, ASSESSMENT_NAME]);

const MAX_NAME_LENGTH = 120;

/**
 * A name that is safe to save under on any system (`pdfdetach -saveall` writes files by
 * it): no path separators, no `..`, no control or reserved characters, no leading dot.
 */
export function safeAttachmentName(original: string): string {
  let name = original
    .normalize('NFC')
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (name === '') name = 'evidence';
  if (name.length > MAX_NAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    name = name.slice(0, MAX_NAME_LENGTH - ext.length) + ext;
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

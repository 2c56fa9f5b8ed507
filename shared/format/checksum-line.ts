/**
 * One line as GNU `sha256sum` writes it: `<hash>  <name>`. A name holding a backslash, a
 * line feed or a carriage return is escaped (`\\`, `\n`, `\r`) and the line starts with a
 * backslash, exactly as coreutils does, so the line stays one line per file whatever the
 * name holds and `sha256sum -c` reads the name back. (`scripts/checksums.mjs` writes release
 * checksums the same way.)
 */
export function checksumLine(sha256: string, name: string): string {
  if (!/[\\\n\r]/.test(name)) return `${sha256}  ${name}`;
  return `\\${sha256}  ${name.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}`;
}

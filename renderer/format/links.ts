/** The last part of a path, whichever separator the platform uses. */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** What the person is told when a path they chose was a symbolic link: the file stored is its target. */
export function followedLinkNote(path: string, target: string): string {
  return `${baseName(path)} is a symbolic link; the file it points to, ${target}, was attached.`;
}

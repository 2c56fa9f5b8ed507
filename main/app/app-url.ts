import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * True only for files inside the bundled renderer folder. Everything else (http, https, ws,
 * other file:// paths, devtools extensions) is not part of the app and is refused.
 */
export function isAppUrl(url: string, rendererRoot: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'file:') return false;
  let path: string;
  try {
    path = fileURLToPath(parsed);
  } catch {
    return false;
  }
  const inside = relative(rendererRoot, path);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}

/** Images the page builds itself (evidence previews) arrive as data: URLs and never leave the process. */
export function isAllowedRequest(url: string, rendererRoot: string): boolean {
  return url.startsWith('data:') || isAppUrl(url, rendererRoot);
}

/**
 * Where a reference points: a web address (http or https only) or a location in words
 * ("Azure AD › Conditional Access › Require MFA", "Jira SEC-142", "Interview with the
 * release manager, 3 March"). Anything that looks like another kind of address
 * (`javascript:`, `file:`, `data:`, `mailto:` …) is refused: the app never opens or fetches
 * a reference, but a recipient's PDF reader or browser might.
 */
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/** Words before a colon that are a label, not an address scheme ("Ticket: SEC-142"). */
function looksLikeScheme(text: string): string | null {
  const m = SCHEME.exec(text);
  if (!m) return null;
  const rest = text.slice(m[0].length);
  // "Ticket: SEC-142" and "Policy v2: section 3" are words; "javascript:alert(1)", "file:///etc", "data:…" are addresses.
  if (rest.startsWith(' ')) return null;
  return m[1]!.toLowerCase();
}

/** A problem with a reference's location, in a sentence, or null when it is acceptable. */
export function referenceLocationProblem(location: string): string | null {
  const scheme = looksLikeScheme(location.trim());
  if (scheme === null) return null;
  if (scheme !== 'http' && scheme !== 'https') {
    return `"${scheme}:" addresses cannot be references: give a web address starting http:// or https://, or say in words where the evidence is.`;
  }
  const address = location.trim();
  const m = /^https?:\/\/([^/?#]*)/i.exec(address);
  if (!m) return 'A web address must start http:// or https:// followed by a host name.';
  const authority = m[1]!;
  if (authority.includes('@')) return 'The web address contains a user name or password: leave credentials out of evidence.';
  if (!/^(\[[0-9a-fA-F:.]+\]|[\p{L}\p{N}.-]+)(:\d{1,5})?$/u.test(authority)) return 'The web address has no valid host name.';
  if (/\s/.test(address)) return 'A web address cannot contain spaces: copy it again from the browser.';
  return null;
}

/** Whether a reference's location is a web address (shown as text, never opened automatically). */
export function isWebAddress(location: string): boolean {
  const scheme = looksLikeScheme(location.trim());
  return scheme === 'http' || scheme === 'https';
}

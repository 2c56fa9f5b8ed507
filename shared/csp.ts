/**
 * The renderer's Content Security Policy, written here and nowhere else: main/app sends it as
 * a header on every response (session-security.ts) and the renderer build writes it into
 * index.html's meta tag (renderer/vite.config.ts, through `withCspMeta`). The meta tag is what
 * holds for a page loaded from file://, where no response header may apply, so the build
 * fails rather than ship a page without it.
 */
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/**
 * The page may load only its own scripts, styles, images and fonts, and may connect nowhere.
 * Sent as a response header on every response.
 */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/**
 * The same policy for the page's meta tag, so it holds even before the header applies.
 * frame-ancestors is header-only: browsers ignore it in a meta tag.
 */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

const CSP_META = /<meta\s[^>]*http-equiv\s*=\s*["']?content-security-policy/i;
const CHARSET_META = /<meta\s+charset\s*=\s*["']?utf-8["']?\s*\/?>/i;

/**
 * The page with the policy's meta tag added straight after `<meta charset>`, before anything
 * it governs. Throws if the page has no such charset tag (nowhere safe to put it) or already
 * has a policy of its own (a second copy that could differ from this one).
 */
export function withCspMeta(html: string): string {
  if (CSP_META.test(html)) {
    throw new Error('index.html already has a Content-Security-Policy meta tag: remove it; the build adds the one from shared/csp.ts.');
  }
  const charset = CHARSET_META.exec(html);
  if (!charset) throw new Error('index.html has no <meta charset="utf-8" /> for the Content-Security-Policy meta tag to follow.');
  const at = charset.index + charset[0].length;
  const indent = /\n([ \t]*)$/.exec(html.slice(0, charset.index))?.[1] ?? '';
  return `${html.slice(0, at)}\n${indent}<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />${html.slice(at)}`;
}

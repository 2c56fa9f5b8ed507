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
 * The same policy repeated in renderer/index.html (a test keeps them equal), so it holds even
 * before the header applies. frame-ancestors is header-only: browsers ignore it in a meta tag.
 */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

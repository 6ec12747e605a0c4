/**
 * Security headers of the console's HTML and assets; the API's JSON answers are not a document a browser renders.
 *
 * The Vite build loads only same-origin scripts and makes no inline `<script>`, so scripts need nothing beyond 'self'.
 * Styles need 'unsafe-inline': antd writes its component styles into `<style>` elements at run time (CSS-in-JS). A
 * nonce would avoid that but means rendering index.html per request; injected styles cannot run code, scripts can.
 */
export const CONSOLE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const CONSOLE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONSOLE_CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  // Case URLs carry ids, never personal data, but nothing outside the console needs to see them at all.
  'referrer-policy': 'same-origin',
};

/** Vite puts content-hashed files under assets/: a changed file gets a new name, so a cached one never goes stale. */
export const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
/** index.html and unhashed files are revalidated on every load, so that a deployment reaches users at once. */
export const REVALIDATE_CACHE = 'no-cache';

export function cacheControlFor(relativePath: string): string {
  return relativePath.startsWith('assets/') ? HASHED_ASSET_CACHE : REVALIDATE_CACHE;
}

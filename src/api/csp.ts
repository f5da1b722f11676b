/**
 * The Content-Security-Policy of the UI, the same in Electron (app://) and in
 * the browser host. Everything comes from the app itself: no remote script,
 * style, font or image; no plugins, frames or form posts; no base-href tricks.
 * React sets styles through the CSSOM, which style-src does not block, so no
 * 'unsafe-inline' is needed. data:/blob: images cover exported files and
 * media the UI builds itself.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The Content-Security-Policy every page carries (and `public/_headers` repeats for hosts that
 * read it): only this site's own files, no inline script, no third-party origin.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** The search page runs Pagefind, whose index is WebAssembly: that, and nothing else, is added. */
export const SEARCH_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");

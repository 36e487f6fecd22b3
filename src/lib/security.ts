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

/**
 * The policy `npm run dev` serves, and nothing else: Vite's dev server injects the stylesheet as
 * inline <style> elements (the build links one file instead), so without this the preview showed
 * unstyled pages and a Draft banner in plain text. The built site never carries it: Page.astro
 * uses it only when `import.meta.env.DEV` is true, which `astro build` compiles away.
 */
export function devPolicy(policy: string): string {
  return policy.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
}

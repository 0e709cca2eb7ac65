/**
 * The production build's Content-Security-Policy: only the app's own scripts and worker, no
 * network beyond its own origin, no plugins, no framing of forms. `'wasm-unsafe-eval'` lets the
 * app compile its own WebAssembly kernels (the simulation's, src/engine/wasm/, bundled as bytes in
 * its own scripts) — it allows WebAssembly compilation only, not `eval` or `new Function`. The web app manifest and its
 * icons (public/manifest.webmanifest) come from the app's own origin, under `default-src` and
 * `img-src`. Dev mode injects inline styles for hot reloading, so the policy is applied to builds
 * only.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'slidecast-content-security-policy',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
  };
}

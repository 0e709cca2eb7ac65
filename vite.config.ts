import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { precacheManifest } from './build/precacheManifest.ts';

/**
 * The production build's Content-Security-Policy: only the app's own scripts and worker, no
 * network beyond its own origin, no plugins, no framing of forms. Dev mode injects inline styles
 * for hot reloading, so the policy is applied to builds only.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'slidecast-content-security-policy',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
  };
}

export default defineConfig({
  // sw.js: the service worker that keeps the app working offline (src/io/serviceWorker.ts).
  plugins: [react(), contentSecurityPolicy(), precacheManifest({ source: 'src/io/serviceWorker.ts' })],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  server: { port: 5173 },
  preview: { port: 4173 },
});

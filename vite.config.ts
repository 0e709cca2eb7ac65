import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './build/contentSecurityPolicy.ts';
import { precacheManifest } from './build/precacheManifest.ts';

export default defineConfig({
  // sw.js: the service worker that keeps the app working offline (src/io/serviceWorker.ts); it
  // also caches the web app manifest and its icons, which are in the public folder.
  plugins: [react(), contentSecurityPolicy(), precacheManifest({ source: 'src/io/serviceWorker.ts' })],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  server: { port: 5173 },
  preview: { port: 4173 },
});

/**
 * The installed app (issue 12): public/manifest.webmanifest is what Chromium reads to offer
 * "Install Slidecast" and to open a double-clicked .slidecast.json with it. Its fields, its icons
 * (files of public/ whose real sizes are the ones declared), its colours (the app's palette), its
 * link from index.html, and the Content-Security-Policy that must let it load.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../build/contentSecurityPolicy';
import { WORKSPACE_EXTENSION } from '../../src/io/workspaceFiles';

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

interface WebManifest {
  id: string;
  name: string;
  short_name: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: ManifestIcon[];
  file_handlers: { action: string; accept: Record<string, string[]>; icons?: ManifestIcon[] }[];
}

const manifest = JSON.parse(readFileSync('public/manifest.webmanifest', 'utf8')) as WebManifest;
const indexHtml = readFileSync('index.html', 'utf8');

/** Width and height from a PNG's IHDR chunk, which the format puts first, right after the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(0, 8).equals(signature), 'a PNG signature').toBe(true);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A custom property of the app's stylesheet, e.g. `--accent`. */
function paletteColour(name: string): string {
  const match = new RegExp(`${name}:\\s*(#[0-9a-f]{6})\\s*;`, 'i').exec(readFileSync('src/ui/styles.css', 'utf8'));
  if (!match) throw new Error(`src/ui/styles.css has no ${name}`);
  return match[1]!.toLowerCase();
}

describe('the web app manifest', () => {
  it('names the app and opens standalone', () => {
    expect(manifest.name).toMatch(/^Slidecast\b/);
    expect(manifest.short_name).toBe('Slidecast');
    expect(manifest.short_name.length).toBeLessThanOrEqual(12); // what a launcher shows under the icon
    expect(manifest.display).toBe('standalone');
  });

  // The service worker is registered at the app's base URL with that base as its scope
  // (src/io/serviceWorkerRegistration.ts); the manifest sits at the base too, so its URLs are
  // written relative to it and the app installs at whatever base it is built for.
  it.each(['/', '/slidecast/'])('puts start_url, id and the file handler’s action at the base, inside the scope (base %s)', (base) => {
    const manifestUrl = new URL(`${base}manifest.webmanifest`, 'https://app.example');
    const at = (url: string) => new URL(url, manifestUrl).href;
    const baseUrl = new URL(base, 'https://app.example').href;
    expect(at(manifest.scope)).toBe(baseUrl);
    expect(at(manifest.start_url)).toBe(baseUrl);
    expect(at(manifest.id)).toBe(baseUrl);
    for (const handler of manifest.file_handlers) expect(at(handler.action)).toBe(baseUrl);
  });

  it('takes its theme and background colours from the app’s palette, and index.html agrees', () => {
    expect(manifest.theme_color).toBe(paletteColour('--accent'));
    expect(manifest.background_color).toBe(paletteColour('--paper'));
    expect(indexHtml).toContain(`<meta name="theme-color" content="${manifest.theme_color}" />`);
  });

  it('has 192 and 512 px PNG icons and a maskable one, each a file of public/ of the size it declares', () => {
    const icons = [...manifest.icons, ...manifest.file_handlers.flatMap((handler) => handler.icons ?? [])];
    for (const icon of icons) {
      const path = `public/${icon.src}`;
      expect(existsSync(path), path).toBe(true);
      if (icon.type === 'image/png') {
        const { width, height } = pngSize(readFileSync(path));
        expect(`${width}x${height}`, path).toBe(icon.sizes);
      } else {
        expect(icon.type).toBe('image/svg+xml');
        expect(icon.sizes).toBe('any');
        expect(readFileSync(path, 'utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      }
    }
    const png = (purpose: string, size: string) => manifest.icons.some((icon) => icon.type === 'image/png' && (icon.purpose ?? 'any').split(' ').includes(purpose) && icon.sizes === size);
    expect(png('any', '192x192')).toBe(true);
    expect(png('any', '512x512')).toBe(true);
    expect(png('maskable', '512x512')).toBe(true);
  });

  it('handles workspace files: .slidecast.json as application/json, the extension Open and Save use', () => {
    expect(manifest.file_handlers).toHaveLength(1);
    expect(manifest.file_handlers[0]!.accept).toEqual({ 'application/json': [WORKSPACE_EXTENSION] });
  });

  it('is linked from index.html, at the base like the favicon', () => {
    expect(indexHtml).toContain('<link rel="manifest" href="/manifest.webmanifest" />');
  });
});

describe('the Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name!, sources] as const;
    }),
  );
  /** The sources a fetch of this kind may use: its own directive, else default-src. */
  const allowed = (directive: string) => directives.get(directive) ?? directives.get('default-src') ?? [];

  it('lets the page load its manifest and the manifest’s icons from its own origin', () => {
    expect(allowed('manifest-src')).toContain("'self'");
    expect(allowed('img-src')).toContain("'self'");
  });

  it('lets the app compile its WebAssembly kernels, and still no JavaScript from a string', () => {
    expect(allowed('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });
});

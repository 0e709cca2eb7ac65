/**
 * Build step for working offline: compiles the service worker (`src/io/serviceWorker.ts`) into
 * `sw.js` with the list of files it must cache — every file of this build except source maps, plus
 * the public folder (the favicon) — and a version hashed from their contents.
 *
 * The list is known only once the bundle is written out, so this runs last (`enforce: 'post'`,
 * in `generateBundle`), and compiles the worker in a separate small build: a classic script
 * (IIFE) with the list put in place of `__SLIDECAST_PRECACHE__`. Builds only; the dev server has
 * no service worker.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { build, type Plugin, type ResolvedConfig } from 'vite';

export interface PrecacheOptions {
  /** The service worker's source, relative to the project root. */
  source: string;
  /** Its file name in the build; registered at the app's base URL. */
  fileName?: string;
}

export interface PrecacheManifest {
  version: string;
  files: string[];
}

export function precacheManifest({ source, fileName = 'sw.js' }: PrecacheOptions): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'slidecast-precache-manifest',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle(_options, bundle) {
      const contents = new Map<string, string | Uint8Array>();
      for (const [name, output] of Object.entries(bundle)) {
        if (name.endsWith('.map') || name === fileName) continue;
        contents.set(name, output.type === 'chunk' ? output.code : output.source);
      }
      for (const [name, bytes] of publicFiles(config)) if (!contents.has(name)) contents.set(name, bytes);
      if (!contents.has('index.html')) this.error('precache: the build has no index.html');

      const manifest = manifestOf(contents);
      const code = await compileServiceWorker(resolve(config.root, source), manifest);
      this.emitFile({ type: 'asset', fileName, source: code });
      config.logger.info(`precache: ${manifest.files.length} files, version ${manifest.version}`);
    },
  };
}

/** The files to cache, sorted, and a version that changes whenever any of their contents does. */
export function manifestOf(contents: ReadonlyMap<string, string | Uint8Array>): PrecacheManifest {
  const files = [...contents.keys()].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file);
    hash.update('\0');
    hash.update(contents.get(file)!);
    hash.update('\0');
  }
  return { version: hash.digest('hex').slice(0, 16), files };
}

function publicFiles(config: ResolvedConfig): Map<string, Uint8Array> {
  const found = new Map<string, Uint8Array>();
  if (!config.publicDir || !config.build.copyPublicDir) return found;
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else found.set(relative(config.publicDir, path).split(sep).join('/'), readFileSync(path));
    }
  };
  walk(config.publicDir);
  return found;
}

async function compileServiceWorker(entry: string, manifest: PrecacheManifest): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define: { __SLIDECAST_PRECACHE__: JSON.stringify(manifest) },
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      target: 'es2022',
      lib: { entry, formats: ['iife'], name: 'slidecastServiceWorker', fileName: () => 'sw.js' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    const chunk = output.output.find((file) => file.type === 'chunk');
    if (chunk?.type === 'chunk') return chunk.code;
  }
  throw new Error(`precache: compiling ${entry} produced no script`);
}

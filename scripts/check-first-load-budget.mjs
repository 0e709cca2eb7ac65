#!/usr/bin/env node
/**
 * The first-load budget of shared/DESIGN.md §8: the JavaScript a first visit loads must stay under
 * 250 kB gzip. `npm test` runs this after the production build (the one the end-to-end suite
 * makes): `node scripts/check-first-load-budget.mjs [DIST]` (default `dist`).
 *
 * First load = what index.html loads before anything else: its module scripts (the entry) and
 * its modulepreloads (the entry's static imports). Chunks loaded lazily (Compare, Structure,
 * present mode) and the engine worker are not part of it. Each file is gzipped with node:zlib.
 *
 * Prints one line, e.g. `first-load JavaScript 172.7 kB gzip of 250 kB`, and exits 1 when the
 * total is over the budget (naming the files, largest first) or when index.html cannot be read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** shared/DESIGN.md §8, in kB (1000 bytes, as Vite reports sizes). */
export const FIRST_LOAD_BUDGET_KB = 250;

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

/** The value of `name` in one tag's attributes, or undefined. */
function attribute(tag, name) {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** The scripts index.html loads first: module scripts' src and modulepreloads' href, in order. */
export function firstLoadScripts(html) {
  const urls = [];
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const isScript = /^<script/i.test(tag);
    const url = isScript ? attribute(tag, 'src') : attribute(tag, 'rel')?.toLowerCase() === 'modulepreload' ? attribute(tag, 'href') : undefined;
    if (url !== undefined && !urls.includes(url)) urls.push(url);
  }
  return urls;
}

/**
 * The file in `dist` that a URL of index.html names: `/assets/x.js` → `assets/x.js`; with a base
 * path (`/app/assets/x.js`) the leading folders are dropped until a file of the build matches.
 */
function fileOf(dist, url) {
  if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url)) throw new Error(`index.html loads ${url}, which is not a file of the build`);
  const parts = url.split(/[?#]/)[0].split('/').filter(Boolean);
  for (let i = 0; i < parts.length; i += 1) {
    const relative = normalize(parts.slice(i).join('/'));
    if (relative.startsWith('..')) break;
    if (existsSync(join(dist, relative))) return relative.split(sep).join('/');
  }
  throw new Error(`index.html loads ${url}, which is not in ${dist}`);
}

/** The first load's files with their gzip sizes, largest first, and their total in bytes. */
export function measureFirstLoad(dist) {
  const indexPath = join(dist, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`${indexPath} not found: build first (npm run build)`);
  const files = firstLoadScripts(readFileSync(indexPath, 'utf8'))
    .map((url) => fileOf(dist, url))
    .map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(dist, file))).length }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  if (files.length === 0) throw new Error(`${indexPath} loads no script`);
  return { files, totalBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

/** The check: one line saying the size against the budget, and whether it is within it. */
export function checkFirstLoadBudget(dist, budgetKb = FIRST_LOAD_BUDGET_KB) {
  const { files, totalBytes } = measureFirstLoad(dist);
  const line = `first-load JavaScript ${kB(totalBytes)} gzip of ${budgetKb} kB`;
  if (totalBytes <= budgetKb * 1000) return { ok: true, message: line };
  const list = files.map((f) => `${f.file} ${kB(f.gzipBytes)}`).join(', ');
  return { ok: false, message: `${line}: over the budget by ${kB(totalBytes - budgetKb * 1000)} (${list})` };
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const dist = process.argv[2] ?? 'dist';
  try {
    const { ok, message } = checkFirstLoadBudget(dist);
    (ok ? console.log : console.error)(message);
    process.exit(ok ? 0 : 1);
  } catch (error) {
    console.error(`first-load JavaScript: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/**
 * The first-load budget (DESIGN.md §8: under 250 kB gzip), checked by
 * scripts/check-first-load-budget.mjs as `npm test` runs it, on fake builds in a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';

const script = resolve(__dirname, '../../scripts/check-first-load-budget.mjs');
const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A build: index.html and the files it names, as Vite writes them. */
function fakeDist(files: Record<string, string | Buffer>): string {
  const dist = mkdtempSync(join(tmpdir(), 'slidecast-dist-'));
  made.push(dist);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), content);
  }
  return dist;
}

function indexHtml(entry: string, preloads: string[]): string {
  return [
    '<!doctype html><html><head>',
    `<script type="module" crossorigin src="/${entry}"></script>`,
    ...preloads.map((p) => `<link rel="modulepreload" crossorigin href="/${p}">`),
    '<link rel="stylesheet" crossorigin href="/assets/index.css">',
    '</head><body><div id="root"></div></body></html>',
  ].join('\n');
}

/** Text that gzip cannot shrink much: about `kb` kB once gzipped. */
function incompressible(kb: number): string {
  return `export const x = "${randomBytes(kb * 1000).toString('base64')}";\n`;
}

function check(dist: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [script, dist], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

const gzipKb = (text: string) => (gzipSync(text).length / 1000).toFixed(1);

describe('the first-load budget check', () => {
  it('passes a build whose first load is under 250 kB gzip, and says its size', () => {
    const entry = incompressible(100);
    const preload = incompressible(40);
    const dist = fakeDist({
      'index.html': indexHtml('assets/index-a1.js', ['assets/ids-b2.js']),
      'assets/index-a1.js': entry,
      'assets/ids-b2.js': preload,
      'assets/index.css': 'body { color: red }',
    });
    const { status, output } = check(dist);
    const total = ((gzipSync(entry).length + gzipSync(preload).length) / 1000).toFixed(1);
    expect(output.trim()).toBe(`first-load JavaScript ${total} kB gzip of 250 kB`);
    expect(status).toBe(0);
  });

  it('fails a build whose entry and preloads pass 250 kB gzip, naming the files', () => {
    const big = incompressible(230);
    const dist = fakeDist({
      'index.html': indexHtml('assets/index-a1.js', ['assets/ids-b2.js']),
      'assets/index-a1.js': big,
      'assets/ids-b2.js': incompressible(40),
    });
    const { status, output } = check(dist);
    expect(status).toBe(1);
    expect(output).toMatch(/^first-load JavaScript \d+\.\d kB gzip of 250 kB: over the budget by \d+\.\d kB \(assets\/index-a1\.js /);
    expect(output).toContain(`assets/index-a1.js ${gzipKb(big)} kB`);
    expect(output).toContain('assets/ids-b2.js');
  });

  it('does not count lazily loaded chunks or the worker', () => {
    const dist = fakeDist({
      'index.html': indexHtml('assets/index-a1.js', []),
      'assets/index-a1.js': 'import("./CompareView-c3.js"); new Worker(new URL("./worker-d4.js", import.meta.url));\n',
      'assets/CompareView-c3.js': incompressible(200),
      'assets/worker-d4.js': incompressible(200),
    });
    const { status, output } = check(dist);
    expect(output).toMatch(/^first-load JavaScript 0\.\d kB gzip of 250 kB$/m);
    expect(status).toBe(0);
  });

  it('fails with a clear message when there is no build, or index.html names a missing file', () => {
    const empty = fakeDist({});
    expect(check(empty)).toMatchObject({ status: 1, output: expect.stringMatching(/index\.html not found: build first/) });
    const broken = fakeDist({ 'index.html': indexHtml('assets/index-gone.js', []) });
    expect(check(broken)).toMatchObject({ status: 1, output: expect.stringContaining('index.html loads /assets/index-gone.js, which is not in') });
  });
});

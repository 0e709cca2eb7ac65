/**
 * bench/RESULTS.md holds one section per benchmark script, each between its own markers, so
 * `npm run bench` and `npm run bench:ui` can each rewrite their part without touching the other's.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const RESULTS = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const HEADER = [
  '# Benchmark results',
  '',
  'Written by the benchmark scripts (`npm run bench` for the engine, `npm run bench:ui` for the browser);',
  'rerun them rather than editing this file. Each section names its date and machine.',
  '',
].join('\n');

export function writeResultsSection(name: string, markdown: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : HEADER;
  const base = current.includes('<!-- ') ? current : HEADER; // a file from before sections: start over
  const from = base.indexOf(start);
  const to = base.indexOf(end);
  const next = from >= 0 && to > from ? base.slice(0, from) + block + base.slice(to + end.length) : `${base.trimEnd()}\n\n${block}\n`;
  writeFileSync(RESULTS, next);
}

/**
 * The lines every section opens with: when the run started, the machine (with `more` of it, say
 * the browser), and its load before the run — on a shared machine, the context of the figures.
 */
export function runConditionLines(started: Date, loadBefore: readonly number[], more?: string): string[] {
  const cpus = os.cpus();
  const machine = `${cpus[0]?.model.trim() ?? 'unknown CPU'} × ${cpus.length} logical CPUs, ${os.platform()} ${os.arch()}, Node ${process.version}`;
  return [
    `- Date: ${started.toISOString()}`,
    `- Machine: ${machine}${more === undefined ? '' : `, ${more}`}`,
    `- Load average before the run (1/5/15 min): ${loadBefore.map((x) => x.toFixed(2)).join(' / ')} — the machine is shared`,
  ];
}

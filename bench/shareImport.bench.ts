/**
 * `npx tsx bench/shareImport.bench.ts`: the share import's preview (src/model/shareImport.ts) on
 * pastes a user can make, printed to the console (not written to RESULTS.md).
 *
 * - 5,000 new member names with "Create missing members": the paste that froze the tab (issue 9);
 *   it is refused, since a list holds at most 500 members, and the refusal must come quickly;
 * - 495 new names: the seed's five regions and these make 500, the largest list there can be,
 *   previewed in full;
 * - the seed's five regions: a typical paste;
 * - 2,000,000 characters (200,000 comma-separated rows): refused for its length.
 *
 * Every case gets the same few samples (SHARE_IMPORT_BENCH_SAMPLES, default 20), interleaved by
 * the harness: the slowest paste took tens of seconds before issue 9 was fixed.
 */
import os from 'node:os';
import { previewShareImport, type ShareImportOptions } from '../src/model/shareImport';
import { seedWorkspace } from '../src/model/seedWorkspace';
import { benchSink, compare, type BenchStats } from './harness';

const model = seedWorkspace().scenarios[0]!.model;
const options: ShareImportOptions = { dimensionId: 'region', createMissing: true, scaleToWhole: true };

const names = (n: number) => Array.from({ length: n }, (_, i) => `Country number ${i + 1}\t${(100 / n).toFixed(6)}%`).join('\n');
const pastes = {
  '5,000 new names': names(5000),
  '495 new names': names(495),
  'five regions': 'Region\tShare\nNorth America\t40%\nEurope\t30%\nAsia-Pacific\t20%\nLatin America\t6%\nMiddle East & Africa\t4%',
  '2,000,000 characters': 'Europe,1%\n'.repeat(200_000),
};

function row(s: BenchStats): string {
  return `| ${s.name} | ${s.median.toFixed(3)} | ${s.p95.toFixed(3)} | ${s.samples} |`;
}

function main(): void {
  const samples = Number(process.env.SHARE_IMPORT_BENCH_SAMPLES ?? 20);
  const cases = Object.entries(pastes).map(([name, text]) => ({
    name: `${name} (${text.length.toLocaleString('en-US')} characters)`,
    run: () => {
      const preview = previewShareImport(model, text, options);
      return preview.rows.length + preview.errorCount;
    },
  }));
  const stats = compare(cases, { warmupMs: 1, budgetMs: 0, minSamples: samples, maxSamples: samples });
  const cpus = os.cpus();
  console.log(`share import preview, ms per paste — ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(2)}`);
  console.log('| paste | median | p95 | samples |\n| --- | ---: | ---: | ---: |');
  for (const s of stats) console.log(row(s));
  for (const [name, text] of Object.entries(pastes)) {
    const preview = previewShareImport(model, text, options);
    console.log(`${name}: ${preview.error ?? `${preview.errorCount} problems`}`);
  }
  console.log(`(checksum ${benchSink()})`);
}

main();

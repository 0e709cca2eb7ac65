/**
 * Opening hostile files (issue 9, item 8): time and heap for files built to make loading work hard.
 * Run with `node --expose-gc --import tsx bench/hostileFiles.bench.ts`; prints a table, writes nothing.
 *
 * - 5 MB of unknown fields: 443,582 fields `"k0":0,"k1":0,…` at the top of an otherwise valid file;
 * - 20,000 broken members: 10 scenarios × 20 dimensions × 100 members, each with a number for a
 *   name — within every count limit, so only stopping early keeps the work small;
 * - a 5 MB format: a format tag of 5,000,000 characters.
 *
 * Each case runs `ROUNDS` times, a full garbage collection before each; reported are the median
 * time, the heap allocated during the call (heap used after − before, nothing collected in
 * between when the call is short; a lower bound when a collection ran) and the message's length.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { blankWorkspace } from '../src/model/blankWorkspace';
import { describeLoadError } from '../src/model/loadError';
import { parseWorkspaceFile } from '../src/model/workspaceFile';
import { quantile } from './harness';

const ROUNDS = 7;
const MB = 1024 * 1024;

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc (see the comment at the top)');

/** The project's own minimal valid workspace (one scenario, a total, no dimensions), as parsed JSON. */
function validFileText(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(blankWorkspace(2025))) as Record<string, unknown>;
}

function unknownFieldsText(): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < 5 * MB - 1_000; i++) {
    const part = `"k${i}":0`;
    parts.push(part);
    length += part.length + 1;
  }
  return `{${parts.join(',')},${JSON.stringify(validFileText()).slice(1)}`;
}

function brokenMembersText(): string {
  const file = validFileText();
  const [scenario] = file.scenarios as Record<string, unknown>[];
  const model = scenario!.model as Record<string, unknown>;
  file.scenarios = Array.from({ length: 10 }, (_, s) => ({
    ...scenario,
    id: s === 0 ? (scenario!.id as string) : `s${s}`,
    model: {
      ...model,
      dimensions: Array.from({ length: 20 }, (_, d) => ({
        id: `d${d}`,
        name: 'D',
        members: Array.from({ length: 100 }, (_, m) => ({ id: `m${m}`, name: 7, share: { value: 0.01 } })),
      })),
    },
  }));
  return JSON.stringify(file);
}

const cases = [
  { name: '5 MB of unknown fields (443,582)', text: unknownFieldsText() },
  { name: '20,000 broken members', text: brokenMembersText() },
  { name: 'a 5 MB format', text: JSON.stringify({ format: 'x'.repeat(5_000_000), version: 2 }) },
];

console.log(`Opening hostile files — ${new Date().toISOString()}`);
console.log(`${os.cpus()[0]?.model ?? 'CPU'} × ${os.cpus().length}, Node ${process.version}; load ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
console.log('| file | text | median time | p95 time | heap allocated (median) | message |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const { name, text } of cases) {
  const times: number[] = [];
  const heaps: number[] = [];
  let message = '';
  for (let round = 0; round < ROUNDS; round++) {
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    const result = parseWorkspaceFile(text);
    times.push(performance.now() - start);
    heaps.push(process.memoryUsage().heapUsed - heapBefore);
    message = result.ok ? 'opened' : describeLoadError(result.error);
  }
  const sortedTimes = times.sort((a, b) => a - b);
  const medianHeap = quantile(heaps.sort((a, b) => a - b), 0.5);
  console.log(
    `| ${name} | ${(text.length / MB).toFixed(1)} MB | ${quantile(sortedTimes, 0.5).toFixed(1)} ms | ` +
      `${quantile(sortedTimes, 0.95).toFixed(1)} ms | ${(medianHeap / MB).toFixed(1)} MB | ${message.length.toLocaleString('en-US')} characters |`,
  );
}

/**
 * `npm run bench:office`: how long the Office exports of issue 12 take to make, written to
 * bench/RESULTS.md. Each is one task on the page's thread in the app (after the library's first
 * load), so its time is how long the page is busy; Node runs the same V8 as Chromium.
 *
 * Cases, sampled in interleaved rounds (one of each per round, the order rotating), median and
 * 95th percentile of single calls:
 * - the workbook (src/io/office/forecastWorkbook.ts) of the seed's scenario and of the large model;
 * - the deck (description, src/ui/export/office/deckOfWorkspace.ts, then pptxgenjs) of the seed's
 *   scenario with its finished simulation, of every seed scenario, and of the large model.
 *
 * The deck's description reads the app's formatters and chart helpers, whose modules import CSS:
 * a loader hook gives Node an empty module for each stylesheet.
 */
import { register } from 'node:module';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { evaluateScenario } from '../src/engine/evaluateScenario';
import { simulate } from '../src/engine/simulate';
import { forecastWorkbookBytes, forecastWorkbookInput } from '../src/io/office/forecastWorkbook';
import { writeDeck } from '../src/io/office/pptxDeck';
import { seedWorkspace } from '../src/model/seedWorkspace';
import type { Workspace } from '../src/model/types';
import { statsOf, type BenchStats } from './harness';
import { LARGE_MODEL_SHAPE, largeModel } from './largeModel';
import { runConditionLines, writeResultsSection } from './resultsFile';

register(
  'data:text/javascript,' +
    encodeURIComponent('export async function load(url, context, next) { return url.endsWith(".css") ? { format: "module", source: "", shortCircuit: true } : next(url, context); }'),
);
const { deckOfWorkspace } = await import('../src/ui/export/office/deckOfWorkspace');

interface AsyncCase {
  name: string;
  run: () => Promise<number>;
}

interface Stats extends BenchStats {
  /** The size of the file made, in bytes. */
  bytes: number;
}

const WARMUP_ROUNDS = 3;
const ROUNDS = 25;

async function compareAsync(cases: readonly AsyncCase[]): Promise<Stats[]> {
  const times = cases.map(() => [] as number[]);
  const bytes = cases.map(() => 0);
  for (let r = 0; r < WARMUP_ROUNDS + ROUNDS; r++) {
    for (let k = 0; k < cases.length; k++) {
      const i = (r + k) % cases.length;
      const started = performance.now();
      bytes[i] = await cases[i]!.run();
      if (r >= WARMUP_ROUNDS) times[i]!.push(performance.now() - started);
    }
  }
  return cases.map((c, i) => ({ ...statsOf(c.name, times[i]!), bytes: bytes[i]! }));
}

function activeScenario(workspace: Workspace) {
  return workspace.scenarios.find((s) => s.id === workspace.activeScenario) ?? workspace.scenarios[0]!;
}

const seed = seedWorkspace();
const seedScenario = activeScenario(seed);
const seedResult = evaluateScenario(seedScenario.model, seed.claims);
const seedSimulation = { scenarioId: seedScenario.id, summary: simulate(seedScenario.model, seed.claims, { samples: 10_000, seed: 1 }), target: 10_000, running: false };

const large: Workspace = { ...seedWorkspace(), scenarios: [{ ...seedScenario, model: largeModel() }] };
const largeScenario = large.scenarios[0]!;
const largeResult = evaluateScenario(largeScenario.model, large.claims);

const today = new Date();
const cases: AsyncCase[] = [
  { name: 'workbook, seed scenario', run: async () => (await forecastWorkbookBytes(forecastWorkbookInput(seed, seedScenario))).byteLength },
  { name: 'workbook, large model', run: async () => (await forecastWorkbookBytes(forecastWorkbookInput(large, largeScenario))).byteLength },
  {
    name: 'deck, seed scenario with its simulation',
    run: async () =>
      (await writeDeck(deckOfWorkspace({ workspace: seed, scenarioIds: [seedScenario.id], activeResult: seedResult, simulation: seedSimulation, bridgePair: undefined, today }))).byteLength,
  },
  {
    name: 'deck, every seed scenario (a section each)',
    run: async () =>
      (await writeDeck(deckOfWorkspace({ workspace: seed, scenarioIds: seed.scenarios.map((s) => s.id), activeResult: seedResult, simulation: undefined, bridgePair: undefined, today }))).byteLength,
  },
  {
    name: 'deck, large model',
    run: async () =>
      (await writeDeck(deckOfWorkspace({ workspace: large, scenarioIds: [largeScenario.id], activeResult: largeResult, simulation: undefined, bridgePair: undefined, today }))).byteLength,
  },
];

const started = new Date();
const loadBefore = os.loadavg();
const stats = await compareAsync(cases);

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const kb = (x: number): string => `${(x / 1024).toFixed(0)} kB`;
const lines = [
  '## Office exports (`npm run bench:office`)',
  '',
  'The PowerPoint deck and the Excel workbook of issue 12, made in Node (same V8 as Chromium) from bench/office.bench.ts. In the app each is one task on the page’s thread, after its library’s first load; the numbers on screen cannot change meanwhile.',
  '',
  ...runConditionLines(started, loadBefore),
  `- Large model: ${LARGE_MODEL_SHAPE.types} types × ${LARGE_MODEL_SHAPE.applications} applications × ${LARGE_MODEL_SHAPE.regions * LARGE_MODEL_SHAPE.countriesPerRegion} countries in ${LARGE_MODEL_SHAPE.regions} regions, ${LARGE_MODEL_SHAPE.baseYear}–${LARGE_MODEL_SHAPE.endYear}`,
  `- Method: ${WARMUP_ROUNDS} warm-up rounds, then ${ROUNDS} rounds with one call of each case, the order rotating; median and 95th percentile of single calls.`,
  '',
  '| case | median | p95 | calls | file |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...stats.map((s) => `| ${s.name} | ${ms(s.median)} ms | ${ms(s.p95)} ms | ${s.samples} | ${kb(s.bytes)} |`),
  '',
  '- No target in DESIGN.md §8. The exports refuse, before any work, a workbook of more than 250,000 formulas and a deck of more than 200 charts (src/io/office/forecastWorkbook.ts, pptxDeck.ts), so no export can hold the page for long.',
];
const markdown = lines.join('\n');
console.log(markdown);
writeResultsSection('office', markdown);

/**
 * `npm run bench`: the forecast engine against DESIGN.md §8's targets, written to bench/RESULTS.md.
 *
 * For the default workspace and the large model, side by side in one interleaved run:
 * - forecast(model): the public entry — compile + evaluate + result, what the worker calls;
 * - forecast(model, layout): the same keeping the layout of an earlier forecast (a slider drag);
 * - evaluate only: a compiled model evaluated into reused buffers — a simulation's inner loop;
 * - compile only;
 * - the reference implementation of test/engine/referenceForecast.ts (plain arrays and objects).
 *
 * Then the analysis of issue 11 against its targets (tornado, goal seek, calibration): each call
 * whole, as the engine worker makes it (compile, buffers and all).
 */
import { runConditionLines, writeResultsSection } from './resultsFile';
import os from 'node:os';
import { compileModel } from '../src/engine/compiledModel';
import { createForecastBuffers, evaluateForecast } from '../src/engine/evaluateForecast';
import { forecast } from '../src/engine/forecast';
import { buildLayout } from '../src/engine/forecastLayout';
import { seedWorkspace } from '../src/model/seedWorkspace';
import { calibrate } from '../src/engine/calibration';
import { goalSeek } from '../src/engine/goalSeek';
import { tornado } from '../src/engine/sensitivity';
import { getQuantity, quantityRefs } from '../src/model/quantityRef';
import type { Model } from '../src/model/types';
import { referenceForecast } from '../test/engine/referenceForecast';
import { benchSink, compare, type BenchStats } from './harness';
import { LARGE_MODEL_SHAPE, largeModel } from './largeModel';

interface Group {
  title: string;
  description: string;
  targetMs: number;
  targetText: string;
  stats: BenchStats[];
}

const CASE = {
  forecast: 'forecast(model)',
  forecastWithLayout: 'forecast(model, layout)',
  evaluate: 'evaluate only (compiled, reused buffers)',
  compile: 'compile only',
  reference: 'reference implementation',
} as const;

function benchModel(model: Model): BenchStats[] {
  const layout = buildLayout(model);
  const compiled = compileModel(model, layout);
  const buffers = createForecastBuffers(compiled.structure);
  const last = layout.years.length - 1;
  return compare([
    { name: CASE.forecast, run: () => forecast(model).total[last] as number },
    { name: CASE.forecastWithLayout, run: () => forecast(model, layout).total[last] as number },
    {
      name: CASE.evaluate,
      run: () => {
        evaluateForecast(compiled.structure, compiled.parameters, buffers, null);
        return buffers.values[buffers.values.length - 1] as number;
      },
    },
    { name: CASE.compile, run: () => compileModel(model, layout).parameters.share.length },
    { name: CASE.reference, run: () => referenceForecast(model).total[last] as number },
  ]);
}

function activeSeedModel(): { model: Model; label: string } {
  const workspace = seedWorkspace();
  const scenario = workspace.scenarios.find((s) => s.id === workspace.activeScenario) ?? workspace.scenarios[0];
  if (scenario === undefined) throw new Error('the seed workspace has no scenario');
  return { model: scenario.model, label: `${scenario.id} — ${scenario.name}` };
}

function describeModel(model: Model): string {
  const layout = buildLayout(model);
  return `${layout.years.length} years (${model.baseYear}–${model.endYear}), ${layout.series.length} member series, ${model.drivers.length} drivers`;
}

function formatMs(ms: number): string {
  if (ms < 0.001) return `${(ms * 1e6).toFixed(0)} ns`;
  if (ms < 1) return `${(ms * 1000).toFixed(ms < 0.01 ? 2 : 1)} µs`;
  return `${ms.toFixed(2)} ms`;
}

function find(stats: readonly BenchStats[], name: string): BenchStats {
  const s = stats.find((x) => x.name === name);
  if (s === undefined) throw new Error(`no case ${name}`);
  return s;
}

function ratio(stats: readonly BenchStats[], numerator: string, denominator: string): string {
  return `${(find(stats, numerator).median / find(stats, denominator).median).toFixed(1)}×`;
}

function groupMarkdown(g: Group): string {
  const rows = g.stats.map((s) => `| ${s.name} | ${formatMs(s.median)} | ${formatMs(s.p95)} | ${s.samples} × ${s.callsPerSample} |`);
  return [
    `### ${g.title}`,
    '',
    g.description,
    '',
    '| case | median | p95 | samples × calls per sample |',
    '| --- | ---: | ---: | ---: |',
    ...rows,
    '',
    `- reference / forecast(model): **${ratio(g.stats, CASE.reference, CASE.forecast)}** (median over median)`,
    `- reference / evaluate only: **${ratio(g.stats, CASE.reference, CASE.evaluate)}** — the hot path a simulation repeats, against the plain-arrays formulas`,
    `- forecast(model) / evaluate only: **${ratio(g.stats, CASE.forecast, CASE.evaluate)}** — what compiling and allocating a result cost on top of the arithmetic`,
    `- forecast(model, layout) / forecast(model): **${ratio(g.stats, CASE.forecastWithLayout, CASE.forecast)}**`,
    '',
  ].join('\n');
}

interface AnalysisCase {
  name: string;
  targetMs: number;
  run: () => number;
}

/** Issue 11's analysis cases, each with its target (p95 under it passes). */
function analysisCases(seed: Model, large: Model): AnalysisCase[] {
  const workspace = seedWorkspace();
  const narrow = workspace.scenarios.find((s) => s.id === 'narrow')?.model;
  if (narrow === undefined) throw new Error('the seed workspace has no narrow scenario');
  const unranged = quantityRefs(seed).filter((ref) => getQuantity(seed, ref)?.range === undefined);
  if (unranged.length > 0) throw new Error(`the seed has quantities without a range: ${unranged.length}`);
  const claims = ['cagr-headline', 'size-2028-over-20', 'size-2028-about-6'].map((id) => {
    const claim = workspace.claims.find((c) => c.id === id);
    if (claim === undefined) throw new Error(`the seed has no claim ${id}`);
    return claim;
  });
  const country = ['region', 'region-0', 'region-0-country-0'];
  return [
    { name: 'tornado, seed (every assumption ranged), end-year total', targetMs: 2, run: () => tornado(seed, { kind: 'total', year: seed.endYear }).bars.length },
    {
      name: 'tornado, seed, a country in 2030 (its lists evaluated)',
      targetMs: 2,
      run: () => tornado(seed, { kind: 'member', path: ['region', 'apac', 'cn'], year: 2030 }).base,
    },
    { name: 'tornado, large model, end-year total', targetMs: 30, run: () => tornado(large, { kind: 'total', year: large.endYear }).bars.length },
    {
      name: `tornado, large model, ${country.join('/')} in the end year`,
      targetMs: 30,
      run: () => tornado(large, { kind: 'member', path: country, year: large.endYear }).base,
    },
    { name: 'goal seek, seed: total 2028 = 25 by trend growth', targetMs: 5, run: () => goalSeek(seed, [], { metric: { kind: 'total', year: 2028 }, value: 25 }, { kind: 'baseGrowth' }).value },
    { name: 'goal seek, seed: meet "About $6 B by 2028" by base size', targetMs: 5, run: () => goalSeek(seed, workspace.claims, { claimId: 'size-2028-about-6' }, { kind: 'baseSize' }).value },
    { name: 'calibration, narrow scenario: 2 quantities × 3 claims', targetMs: 20, run: () => calibrate(narrow, claims).cost },
  ];
}

function analysisMarkdown(cases: readonly AnalysisCase[], stats: readonly BenchStats[]): string {
  const rows = cases.map((c) => {
    const s = find(stats, c.name);
    return `| ${c.name} | ${formatMs(s.median)} | ${formatMs(s.p95)} | under ${c.targetMs} ms | ${s.p95 < c.targetMs ? 'pass' : 'FAIL'} |`;
  });
  return [
    '### Analysis (issue 11)',
    '',
    'Tornado, goal seek and calibration (src/engine/sensitivity.ts, goalSeek.ts, calibration.ts), each call',
    'whole as the engine worker makes it: compile once, then every forecast into reused buffers, evaluating only',
    'the lists the metric reads (none for the total). Judged on the p95.',
    '',
    '| case | median | p95 | target | result |',
    '| --- | ---: | ---: | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

function main(): void {
  const started = new Date();
  const loadBefore = os.loadavg();

  const seed = activeSeedModel();
  const large = largeModel();
  const { types, applications, regions, countriesPerRegion } = LARGE_MODEL_SHAPE;

  const groups: Group[] = [];
  console.log('benchmarking the default workspace…');
  groups.push({
    title: 'Default workspace',
    description: `The seed workspace's active scenario (${seed.label}): ${describeModel(seed.model)}.`,
    targetMs: 1,
    targetText: 'forecast of the default workspace well under 1 ms',
    stats: benchModel(seed.model),
  });
  console.log('benchmarking the large model…');
  groups.push({
    title: 'Large model',
    description:
      `${types} types × ${applications} applications × ${regions * countriesPerRegion} countries in ${regions} regions ` +
      `(bench/largeModel.ts): ${describeModel(large)}.`,
    targetMs: 10,
    targetText: 'forecast of the large model under 10 ms',
    stats: benchModel(large),
  });

  console.log('benchmarking the analysis…');
  const analysis = analysisCases(seed.model, large);
  const analysisStats = compare(analysis.map(({ name, run }) => ({ name, run })));

  const targetRows = groups.map((g) => {
    const s = find(g.stats, CASE.forecast);
    const pass = s.p95 < g.targetMs;
    return `| ${g.targetText} | ${formatMs(s.median)} | ${formatMs(s.p95)} | ${pass ? 'pass' : 'FAIL'} |`;
  });

  const markdown = [
    '## Engine (`npm run bench`)',
    '',
    'The engine in Node (same V8 as Chromium), from bench/engine.bench.ts.',
    '',
    ...runConditionLines(started, loadBefore),
    '- Method (bench/harness.ts): warm-up, then every case of a table sampled in interleaved rounds (one sample',
    '  of each case per round, rotating order), so noise hits all cases alike; each sample times enough calls to',
    '  last ≥ 20 µs and figures are per call; median and 95th percentile over all samples.',
    '',
    ...groups.map(groupMarkdown),
    '### Targets (DESIGN.md §8)',
    '',
    'Judged on the p95 of `forecast(model)`, the call the worker makes.',
    '',
    '| target | median | p95 | result |',
    '| --- | ---: | ---: | --- |',
    ...targetRows,
    '',
    analysisMarkdown(analysis, analysisStats),
  ].join('\n');

  writeResultsSection('engine', markdown);
  console.log(markdown);
  // Printing the sink keeps every benchmarked result observable.
  console.log(`(checksum ${benchSink().toPrecision(6)})`);
}

main();

/**
 * `npm run forecast -- FILE --samples N [--seed S] [--timing] [--workers K]` (DESIGN.md §7, issue 10
 * "Command line"): the percentiles and the odds of the claims from a pool of worker threads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runForecastCli } from '../../src/cli/forecast';
import { createSimulationPool } from '../../src/cli/simulationPool';
import { createSimulation } from '../../src/engine/simulation';
import { simulationSeries, summariseSimulation } from '../../src/engine/simulationSummary';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import type { Model } from '../../src/model/types';

const FULL = 'test/fixtures/good/v1-full.slidecast.json';
const STATISTICS = ['p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'mean'];

/** The rows of a CSV whose cells hold no comma, quote or line break (the fixture's names do not). */
function parseCsv(text: string): string[][] {
  return text.split('\r\n').filter((line) => line !== '').map((line) => line.split(','));
}

type SimulatedJson = {
  years: number[];
  total: number[];
  members: Record<string, number[]>;
  percentiles: { total: Record<string, number[]>; members: Record<string, Record<string, number[]>> };
  claims: { id: string; met: boolean | null; probability: number | null }[];
};

async function json(argv: string[]): Promise<SimulatedJson> {
  const { code, stdout, stderr } = await runForecastCli(argv);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as SimulatedJson;
}

describe('npm run forecast -- --samples', () => {
  it('adds the percentiles of the total and of every member, and the odds of every claim, to the JSON', async () => {
    const out = await json([FULL, '--samples', '2000', '--seed', '7']);
    expect(Object.keys(out)).toEqual(['scenario', 'unit', 'years', 'total', 'members', 'percentiles', 'claims']);
    expect(Object.keys(out.percentiles)).toEqual(['total', 'members']);
    expect(Object.keys(out.percentiles.total)).toEqual(STATISTICS);
    expect(Object.keys(out.percentiles.members)).toEqual(Object.keys(out.members));
    for (const stats of [out.percentiles.total, ...Object.values(out.percentiles.members)]) {
      expect(Object.keys(stats)).toEqual(STATISTICS);
      for (const stat of STATISTICS) expect(stats[stat]).toHaveLength(out.years.length);
      out.years.forEach((_, t) => {
        for (let k = 1; k < 7; k++) expect(stats[STATISTICS[k]!]![t]).toBeGreaterThanOrEqual(stats[STATISTICS[k - 1]!]![t]!);
      });
    }
    // The fan is a fan: the seed file's ranges spread the end year.
    const end = out.years.length - 1;
    expect(out.percentiles.total.p95![end]).toBeGreaterThan(out.percentiles.total.p5![end]!);
    const workspace = JSON.parse(readFileSync(FULL, 'utf8')) as { claims: { id: string }[] };
    expect(out.claims.map((c) => c.id)).toEqual(workspace.claims.map((c) => c.id));
    for (const claim of out.claims) {
      expect(Object.keys(claim)).toEqual(['id', 'met', 'probability']);
      if (claim.probability !== null) expect(claim.probability).toBeGreaterThanOrEqual(0);
      if (claim.probability !== null) expect(claim.probability).toBeLessThanOrEqual(1);
      // A claim the model cannot check has neither a status nor odds.
      expect(claim.met === null).toBe(claim.probability === null);
    }
    expect(out.claims.some((c) => c.probability !== null && c.probability > 0 && c.probability < 1)).toBe(true);
  });

  it('prints the same numbers for the same seed with 1, 2 and 4 workers, and other numbers for another seed', async () => {
    const run = async (workers: string, seed = '11') => (await runForecastCli([FULL, '--samples', '5000', '--seed', seed, '--workers', workers])).stdout;
    const one = await run('1');
    expect(one).toContain('"percentiles"');
    expect(await run('2')).toBe(one);
    expect(await run('4')).toBe(one);
    const other = JSON.parse(await run('2', '12')) as SimulatedJson;
    const first = JSON.parse(one) as SimulatedJson;
    expect(other.total).toEqual(first.total); // the deterministic forecast does not depend on the seed
    expect(other.percentiles.total.p50).not.toEqual(first.percentiles.total.p50);
  });

  it('gives the p50 of the seed’s total at 10,000 samples that the engine gives in-process, with the scenario’s seed by default', async () => {
    const workspace = seedWorkspace();
    const scenario = workspace.scenarios.find((s) => s.id === workspace.activeScenario)!;
    const simulation = createSimulation(scenario.model, workspace.claims, { samples: 10_000, seed: scenario.model.simulation.seed });
    const blocks = Array.from({ length: simulation.blockCount }, (_, b) => simulation.runBlock(b));
    const summary = summariseSimulation(simulation, blocks);
    const out = await json(['--samples', '10000']);
    expect(out.percentiles.total.p50).toEqual(Array.from(simulationSeries(summary, 'p50', 0)));
    expect(out.percentiles.total.p5).not.toEqual(out.percentiles.total.p95);
    expect(out.claims.map((c) => c.probability)).toEqual(summary.claims.map((c) => c.probability));
  });

  it('adds a CSV row per series and statistic after the forecast rows', async () => {
    const { code, stdout } = await runForecastCli([FULL, '--samples', '1000', '--format', 'csv']);
    expect(code).toBe(0);
    const rows = parseCsv(stdout);
    const plain = parseCsv(readFileSync('test/fixtures/cli/v1-full.forecast.csv', 'utf8'));
    expect(rows.slice(0, plain.length)).toEqual(plain);
    const extra = rows.slice(plain.length);
    expect(extra.slice(0, 8).map((row) => row[0])).toEqual(STATISTICS.map((s) => `total:${s}`));
    expect(extra.slice(0, 8).map((row) => row[1])).toEqual(STATISTICS.map((s) => `Total market (${s})`));
    expect(extra).toHaveLength(8 * (plain.length - 1));
    expect(extra.map((row) => row[0])).toContain('region/apac/china/inland/west:p95');
  });

  it('--timing prints one line on stderr: simulated N samples in X ms (K workers)', async () => {
    const { code, stdout, stderr } = await runForecastCli([FULL, '--samples', '3000', '--workers', '2', '--timing']);
    expect(code).toBe(0);
    expect(stdout).toContain('"percentiles"');
    expect(stderr).toMatch(/^simulated 3000 samples in \d+ ms \(2 workers\)\n$/);
    const single = await runForecastCli([FULL, '--samples', '12000', '--workers', '1', '--timing']);
    expect(single.stderr).toMatch(/^simulated 12000 samples in \d+ ms \(1 worker\)\n$/);
  });

  it('leaves no worker thread behind', async () => {
    const threads = () => process.getActiveResourcesInfo().filter((kind) => kind === 'MessagePort').length;
    const before = threads();
    for (let i = 0; i < 3; i++) expect((await runForecastCli([FULL, '--samples', '3000', '--workers', '3'])).code).toBe(0);
    expect(threads()).toBe(before);
  });

  it('uses no more workers than there are blocks', async () => {
    const { stderr } = await runForecastCli([FULL, '--samples', '500', '--workers', '4', '--timing']);
    expect(stderr).toMatch(/^simulated 500 samples in \d+ ms \(1 worker\)\n$/);
  });

  it.each([
    [['--samples', '0'], '--samples'],
    [['--samples', '-5'], '--samples'],
    [['--samples', '1.5'], '--samples'],
    [['--samples', '1e4'], '--samples'],
    [['--samples', '10,000'], '--samples'],
    [['--samples', 'many'], '--samples'],
    [['--samples', ''], '--samples'],
    [['--samples', '200001'], '--samples'],
    [['--samples', '1000', '--seed', '-1'], '--seed'],
    [['--samples', '1000', '--seed', '4294967296'], '--seed'],
    [['--samples', '1000', '--seed', '0x10'], '--seed'],
    [['--samples', '1000', '--seed', 'abc'], '--seed'],
    [['--seed', '3'], '--seed'],
    [['--timing'], '--timing'],
    [['--samples', '1000', '--workers', '0'], '--workers'],
    [['--samples', '1000', '--workers', 'two'], '--workers'],
    [['--samples', '1000', '--workers', '65'], '--workers'],
  ])('%j exits 2 naming %s, nothing on stdout', async (flags, flag) => {
    const { code, stdout, stderr } = await runForecastCli([FULL, ...flags]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^forecast: ${flag}: `));
  });

  it('accepts the limits: 1 sample, 200,000 named in the message for more, seeds 0 and 4294967295', async () => {
    expect((await runForecastCli([FULL, '--samples', '1', '--seed', '0'])).code).toBe(0);
    expect((await runForecastCli([FULL, '--samples', '1', '--seed', '4294967295'])).code).toBe(0);
    expect((await runForecastCli([FULL, '--samples', '200001'])).stderr).toContain('200000');
  });

  it('without --samples prints exactly what it printed before the simulation existed', async () => {
    for (const name of ['v1-full', 'v1-readme-example']) {
      const file = `test/fixtures/good/${name}.slidecast.json`;
      expect((await runForecastCli([file])).stdout).toBe(readFileSync(`test/fixtures/cli/${name}.forecast.json`, 'utf8'));
      expect((await runForecastCli([file, '--format', 'csv'])).stdout).toBe(readFileSync(`test/fixtures/cli/${name}.forecast.csv`, 'utf8'));
    }
  });
});

describe('a pool of worker threads kept for one run after another (src/cli/simulationPool.ts)', () => {
  it('gives each run the statistics one thread gives, bit for bit, uses no more threads than a run has blocks, and stops its threads when closed', async () => {
    const threads = () => process.getActiveResourcesInfo().filter((kind) => kind === 'MessagePort').length;
    const before = threads();
    const workspace = seedWorkspace();
    const [first, second] = workspace.scenarios;
    const pool = await createSimulationPool(3);
    try {
      const runs: [Model, number, number][] = [
        [first!.model, 5000, 1],
        [second!.model, 3500, 2],
        [first!.model, 1500, 3], // two blocks: two of the three threads
        [first!.model, 5000, 1], // again: the same numbers from threads that ran other runs
      ];
      const summaries = [];
      for (const [model, samples, seed] of runs) {
        const run = await pool.run(model, workspace.claims, { samples, seed });
        expect(run.workers).toBe(Math.min(3, Math.ceil(samples / 1000)));
        const simulation = createSimulation(model, workspace.claims, { samples, seed });
        const alone = summariseSimulation(simulation, Array.from({ length: simulation.blockCount }, (_, b) => simulation.runBlock(b)));
        expect(Array.from(run.summary.statistics)).toEqual(Array.from(alone.statistics));
        expect(run.summary.claims).toEqual(alone.claims);
        expect(Array.from(run.summary.endYearHistogram.counts)).toEqual(Array.from(alone.endYearHistogram.counts));
        summaries.push(run.summary);
      }
      expect(Array.from(summaries[3]!.statistics)).toEqual(Array.from(summaries[0]!.statistics));
      expect(Array.from(summaries[1]!.statistics)).not.toEqual(Array.from(summaries[0]!.statistics));
      const busy = pool.run(first!.model, workspace.claims, { samples: 2000, seed: 1 });
      await expect(pool.run(first!.model, workspace.claims, { samples: 2000, seed: 1 })).rejects.toThrow(/one simulation at a time/);
      await busy;
      expect(threads()).toBe(before + 3);
    } finally {
      await pool.close();
    }
    expect(threads()).toBe(before);
  });
});

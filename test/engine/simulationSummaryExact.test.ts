/**
 * The summary of a large run keeps only the samples near the wanted percentiles
 * (src/engine/percentileBands.ts, the accumulator of src/engine/simulationSummary.ts), of a run
 * within KEEP_EVERY_SAMPLE_BYTES every sample; either way it must equal, bit for bit, the
 * straightforward summary that keeps every sample and sorts it: on random block data with every
 * adversarial shape (ties, a far outlier, constant rows, rows constant until a late block, a span
 * no double can divide, a drift the first block does not foresee), blocks added in any order and
 * summarised part-way, at the default band margin and at margins so narrow that the exact fallback
 * (rerunning the blocks) is taken; and on random models' simulations. And it does keep few samples.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERCENTILE_POINTS } from '../../src/engine/percentiles';
import { createSimulation, type Simulation, type SimulationBlock } from '../../src/engine/simulation';
import { createSimulationAccumulator, histogramOfParts, KEEP_EVERY_SAMPLE_BYTES, SIMULATION_STATISTICS, type AccumulatorOptions, type SimulationAccumulator, type SimulationSummary } from '../../src/engine/simulationSummary';
import { SIMULATE_ACCUMULATOR } from '../../src/engine/simulate';
import { createSimulationShard, type SimulationShard } from '../../src/engine/simulationShard';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import { arbitraryModel } from '../support/arbitraries';
import { assertProperty } from '../support/property';

/** The definition: sort, then linear interpolation at p · (N − 1), never past the upper order statistic. */
function sortedPercentile(sorted: Float64Array, p: number): number {
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const lo = sorted[below]!;
  const hi = sorted[Math.min(sorted.length - 1, below + 1)]!;
  return position === below ? lo : Math.min(hi, lo + (hi - lo) * (position - below));
}

/** The straightforward summary of `blocks`: every sample kept and sorted; the mean adds the blocks' sums in block order. */
function straightforward(simulation: Simulation, blocks: readonly SimulationBlock[]): { statistics: number[]; histogram: SimulationSummary['endYearHistogram'] } {
  const ordered = [...blocks].sort((a, b) => a.index - b.index);
  const rowYears = simulation.rowCount * simulation.yearCount;
  const n = ordered.reduce((k, b) => k + b.samples, 0);
  const statistics = new Array<number>(SIMULATION_STATISTICS.length * rowYears).fill(NaN);
  for (let j = 0; j < rowYears && n > 0; j++) {
    const all = new Float64Array(n);
    let at = 0;
    let sum = 0;
    for (const block of ordered) {
      const part = block.values.subarray(j * block.samples, (j + 1) * block.samples);
      let blockSum = 0;
      for (const x of part) blockSum += x;
      sum += blockSum;
      all.set(part, at);
      at += part.length;
    }
    all.sort();
    statistics[j] = sum / n;
    PERCENTILE_POINTS.forEach((p, k) => (statistics[(k + 1) * rowYears + j] = sortedPercentile(all, p)));
  }
  const Y = simulation.yearCount;
  const histogram = histogramOfParts(ordered.map((b) => b.values.subarray((Y - 1) * b.samples, Y * b.samples)));
  return { statistics, histogram };
}

function expectSame(summary: SimulationSummary, expected: ReturnType<typeof straightforward>): void {
  expect(Array.from(summary.statistics)).toEqual(expected.statistics);
  expect(summary.endYearHistogram.low).toBe(expected.histogram.low);
  expect(summary.endYearHistogram.high).toBe(expected.histogram.high);
  expect(Array.from(summary.endYearHistogram.counts)).toEqual(Array.from(expected.histogram.counts));
}

/** A uniform in [0, 1) from (seed, row, sample): blocks recomputed for the fallback give the same numbers. */
function hashUniform(seed: number, row: number, i: number): number {
  let x = (seed ^ Math.imul(row + 1, 0x9e3779b9) ^ Math.imul(i + 1, 0x85ebca6b)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

const ROW_KINDS = ['smooth', 'ties', 'constant', 'constantUntilLate', 'outlier', 'hugeSpan', 'drift', 'twoValues'] as const;
type RowKind = (typeof ROW_KINDS)[number];

function rowValue(kind: RowKind, seed: number, row: number, i: number, samples: number): number {
  const u = hashUniform(seed, row, i);
  switch (kind) {
    case 'smooth':
      return 50 + 100 * u;
    case 'ties':
      return Math.floor(u * 5) / 2 + 1;
    case 'constant':
      return 7.25;
    case 'constantUntilLate':
      return i < samples * 0.7 ? 3 : 3 + u;
    case 'outlier':
      return i === seed % samples ? (seed % 2 === 0 ? 1e300 : -1e300) : u + 1;
    case 'hugeSpan':
      return u < 0.5 ? -1e308 * (u + 0.5) : 1e308 * u;
    case 'drift':
      return i + 1 + u * 1e-3;
    case 'twoValues':
      return u < 0.9 ? 1 : 2;
  }
}

/** A simulation whose blocks hold `kinds` (one per series-year) instead of a model's forecasts. */
function fakeSimulation(kinds: readonly RowKind[], yearCount: number, samples: number, blockSize: number, seed: number): Simulation {
  const real = createSimulation(seedWorkspace().scenarios[0]!.model, [], { samples: 1, seed: 1 });
  const rowCount = kinds.length / yearCount;
  const blockCount = Math.ceil(samples / blockSize);
  const blockSamples = (index: number): number => Math.min(blockSize, samples - index * blockSize);
  return {
    ...real,
    samples,
    seed,
    blockSize,
    blockCount,
    yearCount,
    rowCount,
    blockSamples,
    runBlock,
    runBlockInStore: runBlock,
  };
  function runBlock(index: number): SimulationBlock {
    const n = blockSamples(index);
    const values = new Float64Array(kinds.length * n);
    const sums = new Float64Array(kinds.length);
    kinds.forEach((kind, j) => {
      for (let i = 0; i < n; i++) {
        values[j * n + i] = rowValue(kind, seed, j, index * blockSize + i, samples);
        sums[j] = (sums[j] as number) + (values[j * n + i] as number);
      }
    });
    return { index, samples: n, values, claimsMet: new Uint32Array(0), sums };
  }
}

const fakeRuns = fc
  .record({
    yearCount: fc.integer({ min: 1, max: 3 }),
    rowCount: fc.integer({ min: 1, max: 3 }),
    samples: fc.integer({ min: 1, max: 3000 }),
    blockSize: fc.integer({ min: 1, max: 800 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    margin: fc.constantFrom<number | undefined>(undefined, undefined, 0, 0.5, 2),
    keepEverySample: fc.boolean(),
  })
  .chain((r) =>
    fc.record({
      ...Object.fromEntries(Object.entries(r).map(([k, v]) => [k, fc.constant(v)])),
      kinds: fc.array(fc.constantFrom(...ROW_KINDS), { minLength: r.yearCount * r.rowCount, maxLength: r.yearCount * r.rowCount }),
      order: fc.shuffledSubarray(
        Array.from({ length: Math.ceil(r.samples / r.blockSize) }, (_, b) => b),
        { minLength: Math.ceil(r.samples / r.blockSize), maxLength: Math.ceil(r.samples / r.blockSize) },
      ),
      checkpoints: fc.array(fc.integer({ min: 1, max: Math.ceil(r.samples / r.blockSize) }), { maxLength: 3 }),
    }),
  ) as fc.Arbitrary<{ yearCount: number; samples: number; blockSize: number; seed: number; margin: number | undefined; keepEverySample: boolean; kinds: RowKind[]; order: number[]; checkpoints: number[] }>;

/** What the command line's pool does at the end (src/cli/simulationPool.ts): every shard's histograms, then its values of the buckets asked for. */
function mergeShards(accumulator: SimulationAccumulator, shards: readonly SimulationShard[]): void {
  const wanted = accumulator.takeHistograms(shards.map((shard) => shard.histograms()));
  accumulator.takeValues(shards.map((shard) => shard.valuesIn(wanted)));
}

/** The bands at `margin`, or every sample kept (whatever the run's size). */
function accumulatorOptions(margin: number | undefined, keepEverySample: boolean): AccumulatorOptions {
  if (keepEverySample) return { keepEverySampleBytes: Infinity };
  return margin === undefined ? {} : { bandMargin: margin };
}

describe('the summary keeps few samples and equals the straightforward one', () => {
  it('on random blocks with ties, outliers, constant and late-varying rows, in any order, part-way and at the end', () => {
    assertProperty(
      fc.property(fakeRuns, ({ yearCount, samples, blockSize, seed, margin, keepEverySample, kinds, order, checkpoints }) => {
        const simulation = fakeSimulation(kinds, yearCount, samples, blockSize, seed);
        const accumulator = createSimulationAccumulator(simulation, accumulatorOptions(margin, keepEverySample));
        const added: SimulationBlock[] = [];
        for (const b of order) {
          const block = simulation.runBlock(b);
          accumulator.add(block);
          added.push(block);
          if (checkpoints.includes(added.length)) expectSame(accumulator.summarise(), straightforward(simulation, added));
        }
        expectSame(accumulator.summarise(), straightforward(simulation, added));
      }),
      { numRuns: 150 },
    );
  });

  it('on random models’ simulations, including at a margin that forces the rerun', () => {
    const models = arbitraryModel({ maxYears: 8, maxDimensions: 2, maxMembers: 3, maxDepth: 1, maxDrivers: 2 });
    assertProperty(
      fc.property(
        models,
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 2500 }),
        fc.integer({ min: 50, max: 700 }),
        fc.constantFrom<number | undefined>(undefined, 0),
        fc.boolean(),
        (m, seed, samples, blockSize, margin, keepEverySample) => {
          const simulation = createSimulation(m, [], { samples, seed, blockSize });
          const blocks = Array.from({ length: simulation.blockCount }, (_, b) => simulation.runBlock(b));
          const accumulator = createSimulationAccumulator(simulation, accumulatorOptions(margin, keepEverySample));
          for (const block of [...blocks].reverse()) accumulator.add(block);
          expectSame(accumulator.summarise(), straightforward(simulation, blocks));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('from shards: blocks run on up to 4 workers, each folding its own into bands on the pilot’s edges, merged at the end', () => {
    assertProperty(
      fc.property(fakeRuns, fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 60, maxLength: 60 }), ({ yearCount, samples, blockSize, seed, margin, kinds, order }, owners) => {
        const simulation = fakeSimulation(kinds, yearCount, samples, blockSize, seed);
        const shardCount = 1 + Math.max(...owners.slice(0, order.length), 0);
        const shards = Array.from({ length: shardCount }, () => createSimulationShard(simulation, margin));
        const accumulator = createSimulationAccumulator(simulation, margin === undefined ? {} : { bandMargin: margin });
        for (const [k, b] of order.entries()) accumulator.addTally(shards[(owners[k % owners.length] as number) % shardCount]!.runBlock(b));
        expect(() => accumulator.summarise()).toThrow(/came without their values/);
        mergeShards(accumulator, shards);
        const blocks = order.map((b) => simulation.runBlock(b));
        expectSame(accumulator.summarise(), straightforward(simulation, blocks));
      }),
      { numRuns: 150 },
    );
  });

  it('from shards of the seed’s 20,000 samples on 3 workers: the same statistics as one accumulator, and nothing rerun', () => {
    const workspace = seedWorkspace();
    const simulation = createSimulation(workspace.scenarios[0]!.model, workspace.claims, { samples: 20_000, seed: 8 });
    const whole = createSimulationAccumulator(simulation);
    const merged = createSimulationAccumulator(simulation);
    const shards = [0, 1, 2].map(() => createSimulationShard(createSimulation(workspace.scenarios[0]!.model, workspace.claims, { samples: 20_000, seed: 8 })));
    for (let b = simulation.blockCount - 1; b >= 0; b--) {
      whole.add(simulation.runBlock(b));
      merged.addTally(shards[b % 3]!.runBlock(b));
    }
    expect(shards.map((shard) => shard.samples)).toEqual([7000, 7000, 6000]);
    mergeShards(merged, shards);
    const a = whole.summarise();
    const b = merged.summarise();
    expect(merged.reruns).toBe(0);
    expect(Array.from(b.statistics)).toEqual(Array.from(a.statistics));
    expect(b.claims).toEqual(a.claims);
    expect(Array.from(b.endYearHistogram.counts)).toEqual(Array.from(a.endYearHistogram.counts));
  });

  it('from shards: a row one shard holds as a constant (its only block has 1 sample) and another bucketed is read again from every sample (found by the property above)', () => {
    const simulation = fakeSimulation(['smooth'], 1, 8, 7, 0);
    const shards = [createSimulationShard(simulation), createSimulationShard(simulation)];
    const accumulator = createSimulationAccumulator(simulation);
    accumulator.addTally(shards[1]!.runBlock(1));
    accumulator.addTally(shards[0]!.runBlock(0));
    mergeShards(accumulator, shards);
    expectSame(accumulator.summarise(), straightforward(simulation, [simulation.runBlock(0), simulation.runBlock(1)]));
    expect(accumulator.reruns).toBe(1);
  });

  it('refuses shards that do not hold the blocks given, and a block after the shards', () => {
    const simulation = fakeSimulation(['smooth', 'ties'], 1, 2000, 500, 3);
    const shard = createSimulationShard(simulation);
    const accumulator = createSimulationAccumulator(simulation);
    accumulator.addTally(shard.runBlock(1));
    accumulator.addTally(createSimulationShard(simulation).runBlock(2));
    expect(() => accumulator.takeHistograms([shard.histograms()])).toThrow(/the shards hold 500 samples, the blocks 1000/);
    const other = createSimulationShard(simulation);
    const fine = createSimulationAccumulator(simulation);
    fine.addTally(other.runBlock(3));
    mergeShards(fine, [other]);
    expect(() => fine.addTally(createSimulationShard(simulation).runBlock(0))).toThrow(/block 0 came after the shards/);
  });

  it('takes the exact fallback when a band missed its percentile, and gives the same answer', () => {
    const simulation = fakeSimulation(['smooth', 'drift', 'ties', 'outlier'], 2, 3000, 300, 5);
    const blocks = Array.from({ length: simulation.blockCount }, (_, b) => simulation.runBlock(b));
    const narrow = createSimulationAccumulator(simulation, { bandMargin: 0 });
    for (const block of blocks) narrow.add(block);
    expectSame(narrow.summarise(), straightforward(simulation, blocks));
    expect(narrow.reruns).toBe(1);
  });

  it('keeps room for under a sixth of the seed’s 100,000 samples (every sample of its 384 series-years was 295 MB), and reruns nothing', () => {
    const workspace = seedWorkspace();
    const simulation = createSimulation(workspace.scenarios[0]!.model, workspace.claims, { samples: 100_000, seed: 3 });
    const accumulator = createSimulationAccumulator(simulation);
    const every = simulation.rowCount * simulation.yearCount * simulation.samples;
    for (let b = 0; b < simulation.blockCount; b++) accumulator.add(simulation.runBlock(b));
    accumulator.summarise();
    expect(accumulator.keptValues).toBeLessThan(every / 6);
    expect(accumulator.reruns).toBe(0);
  });

  it('simulate keeps every sample of a run within KEEP_EVERY_SAMPLE_BYTES (the seed at 10,000 samples, 31 MB), and gets what the bands give', () => {
    const workspace = seedWorkspace();
    const simulation = createSimulation(workspace.scenarios[0]!.model, workspace.claims, { samples: 10_000, seed: 4 });
    const every = simulation.rowCount * simulation.yearCount * simulation.samples;
    expect(every * 8).toBeLessThanOrEqual(KEEP_EVERY_SAMPLE_BYTES);
    const whole = createSimulationAccumulator(simulation, SIMULATE_ACCUMULATOR);
    const banded = createSimulationAccumulator(simulation);
    const reuse = new Float64Array(simulation.rowCount * simulation.yearCount * simulation.blockSize);
    for (let b = simulation.blockCount - 1; b >= 0; b--) {
      const block = simulation.runBlock(b, reuse); // the same array every block: the accumulator must copy what it keeps
      whole.add(block);
      banded.add(block);
    }
    expect(whole.keptValues).toBe(every);
    expect(banded.keptValues).toBeLessThan(every);
    const a = whole.summarise();
    const b = banded.summarise();
    expect(Array.from(a.statistics)).toEqual(Array.from(b.statistics));
    expect(a.claims).toEqual(b.claims);
    expect(Array.from(a.endYearHistogram.counts)).toEqual(Array.from(b.endYearHistogram.counts));
    // 100,000 samples (293 MB) are over the limit: the bands.
    const large = createSimulation(workspace.scenarios[0]!.model, workspace.claims, { samples: 100_000, seed: 4 });
    const largeAccumulator = createSimulationAccumulator(large, SIMULATE_ACCUMULATOR);
    largeAccumulator.add(large.runBlock(0));
    expect(largeAccumulator.keptValues).toBeLessThanOrEqual(large.rowCount * large.yearCount * large.blockSize);
  });
});

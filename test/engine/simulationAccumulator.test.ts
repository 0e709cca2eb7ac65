/**
 * The accumulator a pool's blocks arrive in (src/engine/simulationSummary.ts) and the end year's
 * histogram: blocks in any order summarise to the same statistics as the whole run; a block given
 * twice is refused; the histogram counts every sample once, within its edges.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/simulation';
import { simulate } from '../../src/engine/simulate';
import { createSimulationAccumulator, HISTOGRAM_BINS, histogramOfParts } from '../../src/engine/simulationSummary';
import { seedWorkspace } from '../../src/model/seedWorkspace';

describe('simulation accumulator', () => {
  const workspace = seedWorkspace();
  const model = workspace.scenarios[0]!.model;
  const options = { samples: 2500, seed: 11, blockSize: 500 };

  it('summarises blocks added in any order exactly as the whole run', () => {
    const whole = simulate(model, workspace.claims, options);
    const simulation = createSimulation(model, workspace.claims, options);
    const accumulator = createSimulationAccumulator(simulation);
    for (const b of [3, 0, 4, 1, 2]) accumulator.add(simulation.runBlock(b));
    expect(accumulator.samples).toBe(2500);
    expect(accumulator.blocks).toBe(5);
    const summary = accumulator.summarise();
    expect(Array.from(summary.statistics)).toEqual(Array.from(whole.statistics));
    expect(summary.claims).toEqual(whole.claims);
    expect(Array.from(summary.endYearHistogram.counts)).toEqual(Array.from(whole.endYearHistogram.counts));
  });

  it('refuses a block given twice', () => {
    const simulation = createSimulation(model, workspace.claims, options);
    const accumulator = createSimulationAccumulator(simulation);
    const block = simulation.runBlock(1);
    accumulator.add(block);
    expect(() => accumulator.add(block)).toThrow(/block 1 was given twice/);
  });

  it("counts every end-year total once, between the smallest and the largest", () => {
    const summary = simulate(model, workspace.claims, options);
    const { low, high, counts } = summary.endYearHistogram;
    expect(counts).toHaveLength(HISTOGRAM_BINS);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2500);
    expect(low).toBeLessThanOrEqual(high);
    const p5 = summary.statistics[(1 * summary.rowCount + 0) * summary.yearCount + summary.yearCount - 1]!;
    expect(p5).toBeGreaterThanOrEqual(low);
  });

  it('puts equal values in one bin and an empty sample at NaN edges', () => {
    expect(Array.from(histogramOfParts([Float64Array.of(2, 2), Float64Array.of(2)]).counts).filter((c) => c > 0)).toEqual([3]);
    const empty = histogramOfParts([]);
    expect(empty.low).toBeNaN();
    expect(empty.counts.reduce((a, b) => a + b, 0)).toBe(0);
    const spread = histogramOfParts([Float64Array.of(0, 1, 2, 3, 4)]);
    expect(spread.counts[0]).toBe(1);
    expect(spread.counts[HISTOGRAM_BINS - 1]).toBe(1);
  });
});

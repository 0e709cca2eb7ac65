// The summary before the percentile bands (commit bfb275d of src/engine/simulationSummary.ts): every
// block kept until the end, then per series-year the two-pass selection of src/engine/percentiles.ts
// over all of its samples. Kept only so that bench/simulation.bench.ts can compare it with the bands.
import { PERCENTILE_POINTS, percentilesOfParts } from '../../src/engine/percentiles';
import type { Simulation, SimulationBlock } from '../../src/engine/simulation';
import { histogramOfParts, SIMULATION_STATISTICS, type ClaimOdds, type SimulationSummary } from '../../src/engine/simulationSummary';

export function summariseEverySample(simulation: Simulation, blocks: readonly SimulationBlock[]): SimulationSummary {
  const { yearCount: Y, rowCount } = simulation;
  const ordered = [...blocks].sort((a, b) => a.index - b.index);
  let samples = 0;
  for (let k = 0; k < ordered.length; k++) {
    const block = ordered[k] as SimulationBlock;
    if (k > 0 && ordered[k - 1]?.index === block.index) throw new Error(`block ${block.index} was given twice`);
    if (block.samples !== simulation.blockSamples(block.index) || block.values.length !== rowCount * Y * block.samples) {
      throw new Error(`block ${block.index} does not belong to this simulation`);
    }
    samples += block.samples;
  }

  const statistics = new Float64Array(SIMULATION_STATISTICS.length * rowCount * Y);
  const stride = rowCount * Y; // from one statistic to the next for the same row and year
  const parts: Float64Array[] = [];
  for (let rowYear = 0; rowYear < rowCount * Y; rowYear++) {
    // This series-year's samples: one contiguous run in each block, read in block order.
    parts.length = 0;
    for (const block of ordered) parts.push(block.values.subarray(rowYear * block.samples, (rowYear + 1) * block.samples));
    const sum = percentilesOfParts(parts, PERCENTILE_POINTS, statistics, stride + rowYear, stride);
    statistics[rowYear] = samples > 0 ? sum / samples : NaN;
  }

  const claims = simulation.claims.map((claim, c): ClaimOdds => {
    if (typeof simulation.claimLocations[c] === 'string' || samples === 0) return { claimId: claim.id, probability: null };
    let met = 0;
    for (const block of ordered) met += block.claimsMet[c] as number;
    return { claimId: claim.id, probability: met / samples };
  });

  const endYear: Float64Array[] = [];
  for (const block of ordered) endYear.push(block.values.subarray((Y - 1) * block.samples, Y * block.samples));
  const endYearHistogram = histogramOfParts(endYear);

  return { layout: simulation.layout, seed: simulation.seed, samples, blocks: ordered.length, yearCount: Y, rowCount, statistics, claims, endYearHistogram };
}

/**
 * The Monte-Carlo simulation of a model (DESIGN.md §3 "Uncertainty"): `samples` independent draws
 * of every ranged quantity, each evaluated by the forecast engine, summarised per year for the
 * total and every member series.
 *
 * Shaped for a pool of workers: `createSimulation` compiles the model once (one per worker), and
 * `runBlock(b)` computes block b — samples b·blockSize … — from its own random stream, seeded from
 * (seed, b) (src/engine/random.ts). A block depends on nothing but (model, seed, blockSize, b), so
 * blocks can run on any number of workers, in any order, and a run can stop at any block boundary;
 * `summariseSimulation` (src/engine/simulationSummary.ts) merges them in block order, so the
 * result is bit-identical however they were computed.
 *
 * One draw (one sample):
 * 1. every ranged quantity is drawn (src/engine/distributions.ts) in a fixed order: baseSize,
 *    baseGrowth, each driver's impact (model order), then each member series in layout order
 *    (depth first): its share, then its growth premium. Draws are made for a batch of 32 samples
 *    at once, quantity by quantity (the quantity's 32 draws, then the next quantity's), from the
 *    block's stream. Quantities without a range (or with low = high) keep their value and draw
 *    nothing;
 * 2. the base size is clipped at 0 (a normal range can reach below it; a market is never negative);
 * 3. in every list holding a ranged share, shares are clipped to [0, 1] and renormalised to sum 1
 *    (DESIGN.md §3). A list whose shares all came out 0 stays 0: the forecast then shows that list
 *    collapsed, as it would for such a file. Lists without a ranged share are left exactly as they
 *    are, so a model without ranges simulates to its deterministic forecast, bit for bit;
 * 4. the compiled model is evaluated into reused buffers (src/engine/evaluateForecast.ts), its
 *    values copied into the block's sample store, and every claim checked
 *    (src/engine/claimStatus.ts).
 */
import type { Claim, Member, Model } from '../model/types';
import type { Quantity } from '../model/quantity';
import { claimMet, claimSeries, locateClaim, measureClaim, type ClaimLocation } from './claimStatus';
import { compileModel, type ForecastParameters } from './compiledModel';
import { compileRange, fillRange, RANGE_FIXED } from './distributions';
import { createForecastBuffers, evaluateForecast } from './evaluateForecast';
import type { ForecastLayout } from './forecastTypes';
import { blockRandomState } from './random';

/** Samples per block when the caller does not say: a first estimate, and the unit of cancellation. */
export const DEFAULT_BLOCK_SIZE = 1000;

/** Samples evaluated before they are transposed into a block's store (see runBlock). */
const BATCH = 32;

export interface SimulationOptions {
  /** Total number of samples, a whole number ≥ 1. */
  samples: number;
  /** The seed, a whole number from 0 to 2^32 − 1. */
  seed: number;
  /** Samples per block (default 1,000). Part of the result's identity: the same seed with another block size draws other numbers. */
  blockSize?: number;
}

/**
 * One block of samples. A series-year's samples are contiguous: the value of row r (0 = the total,
 * 1 + s = member series s of the layout) in year index t for the block's i-th sample is at
 * `values[(r · yearCount + t) · samples + i]`.
 */
export interface SimulationBlock {
  index: number;
  samples: number;
  values: Float64Array;
  /** How many of the block's samples meet each claim (claims in the order given). */
  claimsMet: Uint32Array;
}

/** Where a ranged quantity's draw goes. */
const TARGET_BASE_SIZE = 0;
const TARGET_BASE_GROWTH = 1;
const TARGET_DRIVER = 2;
const TARGET_SHARE = 3;
const TARGET_GROWTH_DELTA = 4;

export interface Simulation {
  layout: ForecastLayout;
  claims: readonly Claim[];
  /** Where each claim is read, or why it cannot be checked in this model (then its odds are null). */
  claimLocations: readonly (ClaimLocation | string)[];
  samples: number;
  seed: number;
  blockSize: number;
  blockCount: number;
  yearCount: number;
  /** 1 + the number of member series: row 0 is the total. */
  rowCount: number;
  /** How many quantities are drawn per sample. */
  rangedCount: number;
  /** Samples in block `index` (the last block may be short). */
  blockSamples(index: number): number;
  /**
   * Computes block `index` (0 … blockCount − 1). Its values go into `reuse` when given and large
   * enough (a view of its first values; the caller must be done with what it held), else into a new
   * array — as a pool's workers must, since they transfer each block away.
   */
  runBlock(index: number, reuse?: Float64Array): SimulationBlock;
}

export function createSimulation(model: Model, claims: readonly Claim[], options: SimulationOptions): Simulation {
  const { samples, seed } = options;
  const blockSize = options.blockSize ?? DEFAULT_BLOCK_SIZE;
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`samples must be a whole number of at least 1 (got ${samples})`);
  if (!Number.isInteger(blockSize) || blockSize < 1) throw new RangeError(`blockSize must be a whole number of at least 1 (got ${blockSize})`);
  blockRandomState(seed, 0); // checks the seed now rather than in the first block

  const { structure, parameters: base } = compileModel(model);
  const { layout, yearCount: Y, seriesCount } = structure;
  const rowCount = 1 + seriesCount;
  const blockCount = Math.ceil(samples / blockSize);

  // The ranged quantities, in draw order, as parallel typed arrays.
  const kinds: number[] = [];
  const params: number[] = [];
  const targets: number[] = [];
  const targetIndices: number[] = [];
  const add = (quantity: Quantity | undefined, target: number, index: number): void => {
    if (quantity === undefined) return;
    const range = compileRange(quantity.value, quantity.range);
    if (range.kind === RANGE_FIXED) return;
    kinds.push(range.kind);
    params.push(range.p0, range.p1, range.p2, range.p3);
    targets.push(target);
    targetIndices.push(index);
  };
  add(model.baseSize, TARGET_BASE_SIZE, 0);
  add(model.baseGrowth, TARGET_BASE_GROWTH, 0);
  model.drivers.forEach((driver, d) => add(driver.impact, TARGET_DRIVER, d));
  const rangedShareSeries = new Set<number>();
  let next = 0;
  const walk = (members: readonly Member[]): void => {
    for (const member of members) {
      const s = next++;
      if (layout.series[s]?.memberId !== member.id) throw new Error(`layout does not match the model at member ${member.id}`);
      const before = kinds.length;
      add(member.share, TARGET_SHARE, s);
      if (kinds.length > before) rangedShareSeries.add(s);
      add(member.growthDelta, TARGET_GROWTH_DELTA, s);
      if (member.children !== undefined) walk(member.children);
    }
  };
  for (const dimension of model.dimensions) walk(dimension.members);

  const rangedCount = kinds.length;
  const kind = Uint8Array.from(kinds);
  const param = Float64Array.from(params);
  const target = Uint8Array.from(targets);
  const targetIndex = Int32Array.from(targetIndices);

  // The lists whose shares are drawn, to be reset, clipped and renormalised every sample.
  const rangedLists: number[] = [];
  for (let l = 0; l < structure.listCount; l++) {
    for (let k = structure.listOffsets[l] as number; k < (structure.listOffsets[l + 1] as number); k++) {
      if (rangedShareSeries.has(structure.listMembers[k] as number)) {
        rangedLists.push(l);
        break;
      }
    }
  }

  // The parameters one draw writes; quantities without a range keep their compiled value.
  const drawn: ForecastParameters = {
    baseSize: base.baseSize,
    baseGrowth: base.baseGrowth,
    driverImpact: base.driverImpact.slice(),
    share: base.share.slice(),
    growthDelta: base.growthDelta.slice(),
  };
  const buffers = createForecastBuffers(structure);
  const forecastView = { layout, total: buffers.total, values: buffers.values };

  const claimLocations = claims.map((claim) => locateClaim(model, layout, claim));
  const claimViews = claimLocations.map((location) => (typeof location === 'string' ? null : claimSeries(location, forecastView)));

  const blockSamples = (index: number): number => {
    if (!Number.isInteger(index) || index < 0 || index >= blockCount) throw new RangeError(`no block ${index} in a simulation of ${blockCount} blocks`);
    return Math.min(blockSize, samples - index * blockSize);
  };

  // Every ranged quantity's draws for a batch of samples at once, quantity by quantity
  // (draws[q · BATCH + k] for the batch's k-th sample): one run of the generator and one loop of
  // one distribution per quantity instead of a dispatch per draw (bench/simulation.bench.ts
  // compares the two).
  const draws = new Float64Array(rangedCount * BATCH);
  const drawBatch = (state: Uint32Array, m: number): void => {
    for (let q = 0; q < rangedCount; q++) {
      const p = 4 * q;
      fillRange(kind[q] as number, param[p] as number, param[p + 1] as number, param[p + 2] as number, param[p + 3] as number, state, draws, q * BATCH, m);
    }
  };

  // Where each draw goes, grouped by target so that setting a sample's parameters is a few plain
  // loops with no dispatch per quantity: the draw row (q · BATCH) and the index written.
  const rowsOf = (wanted: number): { rows: Int32Array; at: Int32Array } => {
    const qs: number[] = [];
    for (let q = 0; q < rangedCount; q++) if (target[q] === wanted) qs.push(q);
    return { rows: Int32Array.from(qs, (q) => q * BATCH), at: Int32Array.from(qs, (q) => targetIndex[q] as number) };
  };
  const baseSizeDraw = rowsOf(TARGET_BASE_SIZE).rows[0] ?? -1;
  const baseGrowthDraw = rowsOf(TARGET_BASE_GROWTH).rows[0] ?? -1;
  const driverDraws = rowsOf(TARGET_DRIVER);
  const shareDraws = rowsOf(TARGET_SHARE);
  const deltaDraws = rowsOf(TARGET_GROWTH_DELTA);
  // The ranged lists' members, flattened: list i is rangedMembers[rangedStart[i] … rangedStart[i + 1] − 1].
  const rangedStart = new Int32Array(rangedLists.length + 1);
  const rangedMembersList: number[] = [];
  rangedLists.forEach((l, i) => {
    for (let j = structure.listOffsets[l] as number; j < (structure.listOffsets[l + 1] as number); j++) rangedMembersList.push(structure.listMembers[j] as number);
    rangedStart[i + 1] = rangedMembersList.length;
  });
  const rangedMembers = Int32Array.from(rangedMembersList);

  /** Sets the parameters of the batch's k-th sample from `draws`: steps 2 and 3 of the file comment. */
  const setSample = (k: number): void => {
    const share = drawn.share;
    const baseShare = base.share;
    for (let j = 0; j < rangedMembers.length; j++) {
      const s = rangedMembers[j] as number;
      share[s] = baseShare[s] as number;
    }
    if (baseSizeDraw >= 0) {
      const x = draws[baseSizeDraw + k] as number;
      drawn.baseSize = x > 0 ? x : 0;
    }
    if (baseGrowthDraw >= 0) drawn.baseGrowth = draws[baseGrowthDraw + k] as number;
    scatter(draws, driverDraws.rows, driverDraws.at, k, drawn.driverImpact);
    scatter(draws, shareDraws.rows, shareDraws.at, k, share);
    scatter(draws, deltaDraws.rows, deltaDraws.at, k, drawn.growthDelta);
    for (let i = 0; i < rangedLists.length; i++) clipAndRenormalise(share, rangedMembers, rangedStart[i] as number, rangedStart[i + 1] as number);
  };

  // Samples are evaluated in batches of BATCH into a sample-major scratch (one sample's values
  // contiguous, copied with two `set`s), then transposed into the block's series-major store, a
  // batch-long contiguous run per series-year. Writing each sample straight into the store
  // scattered its values over every series-year's run of the block (3 MB apart at 1,000 samples):
  // the batch keeps both sides in cache.
  const rowYears = rowCount * Y;
  const batch = new Float64Array(BATCH * rowYears);

  const runBlock = (index: number, reuse?: Float64Array): SimulationBlock => {
    const n = blockSamples(index);
    const state = blockRandomState(seed, index);
    const values = reuse !== undefined && reuse.length >= rowYears * n ? reuse.subarray(0, rowYears * n) : new Float64Array(rowYears * n);
    const claimsMet = new Uint32Array(claims.length);
    const { total, values: seriesValues } = buffers;
    for (let i0 = 0; i0 < n; i0 += BATCH) {
      const m = Math.min(BATCH, n - i0);
      drawBatch(state, m);
      for (let k = 0; k < m; k++) {
        setSample(k);
        evaluateForecast(structure, drawn, buffers, null);
        batch.set(total, k * rowYears);
        batch.set(seriesValues, k * rowYears + Y);
        for (let c = 0; c < claims.length; c++) {
          const view = claimViews[c];
          if (view === null || view === undefined) continue;
          const location = claimLocations[c] as ClaimLocation;
          if (claimMet(claims[c] as Claim, measureClaim(location, view, total))) claimsMet[c] = (claimsMet[c] as number) + 1;
        }
      }
      for (let j = 0; j < rowYears; j++) {
        const to = j * n + i0;
        for (let k = 0; k < m; k++) values[to + k] = batch[k * rowYears + j] as number;
      }
    }
    return { index, samples: n, values, claimsMet };
  };

  return {
    layout,
    claims,
    claimLocations,
    samples,
    seed,
    blockSize,
    blockCount,
    yearCount: Y,
    rowCount,
    rangedCount,
    blockSamples,
    runBlock,
  };
}

/** out[at[j]] = draws[rows[j] + k] for every j: one kind of target's draws for the batch's k-th sample. */
function scatter(draws: Float64Array, rows: Int32Array, at: Int32Array, k: number, out: Float64Array): void {
  for (let j = 0; j < rows.length; j++) out[at[j] as number] = draws[(rows[j] as number) + k] as number;
}

/**
 * The shares of one list (share[members[first … end − 1]]) clipped to [0, 1] and divided by their
 * sum; a list whose shares all clip to 0 stays 0.
 */
function clipAndRenormalise(share: Float64Array, members: Int32Array, first: number, end: number): void {
  let sum = 0;
  for (let j = first; j < end; j++) {
    const s = members[j] as number;
    const x = share[s] as number;
    const clipped = x < 0 ? 0 : x > 1 ? 1 : x;
    share[s] = clipped;
    sum += clipped;
  }
  if (sum > 0) for (let j = first; j < end; j++) share[members[j] as number] = (share[members[j] as number] as number) / sum;
}

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
 * 4. the compiled model is evaluated, the batch's 32 samples at once, straight into the block's
 *    sample store (src/engine/evaluateBatch.ts: the arithmetic of src/engine/evaluateForecast.ts,
 *    bit for bit, with the sample index innermost); a sample that leaves the plain formula's safe
 *    path is evaluated alone by evaluateForecast and its column overwritten;
 * 5. once the block's values are in, every claim is checked on every sample's values
 *    (src/engine/claimStatus.ts), and every series-year's values are added up (the block's `sums`,
 *    for the mean).
 */
import type { Claim, Member, Model } from '../model/types';
import type { Quantity } from '../model/quantity';
import { claimMet, locateClaim, measureClaim, type ClaimLocation } from './claimStatus';
import { compileModel, type ForecastParameters } from './compiledModel';
import { compileRange, fillRange, RANGE_FIXED } from './distributions';
import { createBatchEvaluator, type BatchEvaluatorFactory, type BatchKernel } from './evaluateBatch';
import { createForecastBuffers, evaluateForecast } from './evaluateForecast';
import type { ForecastLayout } from './forecastTypes';
import { blockRandomState } from './random';

/** Samples per block when the caller does not say: a first estimate, and the unit of cancellation. */
export const DEFAULT_BLOCK_SIZE = 1000;

/** Samples drawn and evaluated together (see runBlock). */
const BATCH = 32;

export interface SimulationOptions {
  /** Total number of samples, a whole number ≥ 1. */
  samples: number;
  /** The seed, a whole number from 0 to 2^32 − 1. */
  seed: number;
  /** Samples per block (default 1,000). Part of the result's identity: the same seed with another block size draws other numbers. */
  blockSize?: number;
  /**
   * How samples are evaluated: a batch at once (default, src/engine/evaluateBatch.ts) or one at a
   * time through evaluateForecast. The results are bit-identical; the tests and the bench compare them.
   */
  evaluation?: 'batch' | 'perSample';
  /** How the batch evaluator is made (default: the WebAssembly kernel); the bench passes the JavaScript loops it replaced, to compare. */
  batchEvaluator?: BatchEvaluatorFactory;
  /**
   * The batch evaluator's kernel, laid out afresh for this simulation (default: a new one). A
   * thread that runs one simulation after another passes the same one each time (see BatchKernel);
   * this simulation must then be done with before the kernel is given to the next.
   */
  kernel?: BatchKernel;
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
  /**
   * Each series-year's sum over the block's samples, added up in sample order (row r, year t at
   * [r · yearCount + t]): what the mean adds up, block by block in block order, so that it is the
   * same however many workers made the blocks.
   */
  sums: Float64Array;
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
  /**
   * Computes block `index` like runBlock, leaving its values where they were computed: a view of
   * the simulation's own store, overwritten by the next block this simulation computes. For a
   * caller that folds each block in before asking for the next (`simulate`), which saves a copy.
   */
  runBlockInStore(index: number): SimulationBlock;
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
  const shareDrawn = new Set<number>();
  let next = 0;
  const walk = (members: readonly Member[]): void => {
    for (const member of members) {
      const s = next++;
      if (layout.series[s]?.memberId !== member.id) throw new Error(`layout does not match the model at member ${member.id}`);
      const before = kinds.length;
      add(member.share, TARGET_SHARE, s);
      if (kinds.length > before) shareDrawn.add(s);
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
      if (shareDrawn.has(structure.listMembers[k] as number)) {
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

  const claimLocations = claims.map((claim) => locateClaim(model, layout, claim));

  const blockSamples = (index: number): number => {
    if (!Number.isInteger(index) || index < 0 || index >= blockCount) throw new RangeError(`no block ${index} in a simulation of ${blockCount} blocks`);
    return Math.min(blockSize, samples - index * blockSize);
  };

  // The ranged lists' members, flattened: list i is rangedMembers[rangedStart[i] … rangedStart[i + 1] − 1].
  const rangedStart = new Int32Array(rangedLists.length + 1);
  const rangedMembersList: number[] = [];
  rangedLists.forEach((l, i) => {
    for (let j = structure.listOffsets[l] as number; j < (structure.listOffsets[l + 1] as number); j++) rangedMembersList.push(structure.listMembers[j] as number);
    rangedStart[i + 1] = rangedMembersList.length;
  });
  const rangedMembers = Int32Array.from(rangedMembersList);
  // The members of those lists whose share is not drawn: set back to their value before each batch
  // is renormalised (the drawn ones are overwritten by their draws).
  const undrawnShares = Int32Array.from(rangedMembersList.filter((s) => !shareDrawn.has(s)));

  const rowYears = rowCount * Y;
  const { driverCount } = structure;
  // The batch's parameters, sample k's value of each quantity at [j · BATCH + k] (views of the
  // evaluator's memory); quantities without a range hold their compiled value in every column, set
  // here once.
  const evaluator = (options.batchEvaluator ?? createBatchEvaluator)(structure, BATCH, blockSize, options.kernel);
  const { parameters: batchParameters, leaves } = evaluator;
  batchParameters.baseSize.fill(base.baseSize);
  batchParameters.baseGrowth.fill(base.baseGrowth);
  spread(base.driverImpact, driverCount, batchParameters.driverImpact);
  spread(base.share, seriesCount, batchParameters.share);
  spread(base.growthDelta, seriesCount, batchParameters.growthDelta);
  const shareSums = new Float64Array(BATCH);

  // Where each ranged quantity's draws go: its row of the batch's parameters (drawOut[q], from
  // drawAt[q]), so that a batch's draws land where the evaluator reads them, with no copy.
  const parameterRows = [batchParameters.baseSize, batchParameters.baseGrowth, batchParameters.driverImpact, batchParameters.share, batchParameters.growthDelta];
  const drawOut = Array.from({ length: rangedCount }, (_, q) => parameterRows[target[q] as number] as Float64Array);
  const drawAt = Int32Array.from({ length: rangedCount }, (_, q) => (targetIndex[q] as number) * BATCH);
  const baseSizeDrawn = target.includes(TARGET_BASE_SIZE);

  // Every ranged quantity's draws for a batch of samples at once, quantity by quantity: one run of
  // the generator and one loop of one distribution per quantity instead of a dispatch per draw
  // (bench/simulation.bench.ts compares the two).
  const drawBatch = (state: Uint32Array, m: number): void => {
    for (let q = 0; q < rangedCount; q++) {
      const p = 4 * q;
      fillRange(kind[q] as number, param[p] as number, param[p + 1] as number, param[p + 2] as number, param[p + 3] as number, state, drawOut[q] as Float64Array, drawAt[q] as number, m);
    }
  };

  /** Completes the parameters of the batch's first m samples once drawBatch has drawn them: steps 2 and 3 of the file comment. */
  const setBatch = (m: number): void => {
    const { share, baseSize } = batchParameters;
    if (baseSizeDrawn) {
      for (let k = 0; k < m; k++) {
        const x = baseSize[k] as number;
        baseSize[k] = x > 0 ? x : 0;
      }
    }
    for (let j = 0; j < undrawnShares.length; j++) {
      const s = undrawnShares[j] as number;
      share.fill(base.share[s] as number, s * BATCH, s * BATCH + m);
    }
    for (let i = 0; i < rangedLists.length; i++) clipAndRenormalise(share, rangedMembers, rangedStart[i] as number, rangedStart[i + 1] as number, m, shareSums);
  };

  /** The parameters of the batch's k-th sample (setBatch's) into `drawn`, for evaluateForecast. */
  const setSample = (k: number): void => {
    drawn.baseSize = batchParameters.baseSize[k] as number;
    drawn.baseGrowth = batchParameters.baseGrowth[k] as number;
    column(batchParameters.driverImpact, driverCount, k, drawn.driverImpact);
    column(batchParameters.share, seriesCount, k, drawn.share);
    column(batchParameters.growthDelta, seriesCount, k, drawn.growthDelta);
  };
  /** Sample i of the block (n samples): its forecast by evaluateForecast, into its column of `values`. */
  const evaluateAlone = (values: Float64Array, n: number, i: number): void => {
    evaluateForecast(structure, drawn, buffers, null);
    scatterColumn(buffers.total, values, 0, Y, n, i);
    scatterColumn(buffers.values, values, Y, rowYears - Y, n, i);
  };

  // The claims, counted on the block's columns once its values are in (claimStatus's measureClaim
  // on each sample's values of the claim's years, read into two scratch rows).
  const claimRows = claimLocations.map((location) => (typeof location === 'string' ? -1 : 1 + location.series));
  const claimSeriesScratch = new Float64Array(Y);
  const claimTotalScratch = new Float64Array(Y);
  const countClaims = (values: Float64Array, n: number, claimsMet: Uint32Array): void => {
    for (let c = 0; c < claims.length; c++) {
      const row = claimRows[c] as number;
      if (row < 0) continue;
      const location = claimLocations[c] as ClaimLocation;
      const claim = claims[c] as Claim;
      const { from, to } = location;
      const seriesFrom = (row * Y + from) * n;
      const seriesTo = (row * Y + to) * n;
      const totalFrom = from * n;
      let met = 0;
      for (let i = 0; i < n; i++) {
        claimSeriesScratch[from] = values[seriesFrom + i] as number;
        claimSeriesScratch[to] = values[seriesTo + i] as number;
        claimTotalScratch[from] = values[totalFrom + i] as number;
        if (claimMet(claim, measureClaim(location, claimSeriesScratch, claimTotalScratch))) met++;
      }
      claimsMet[c] = met;
    }
  };

  // One sample at a time (`evaluation: 'perSample'`, the reference and the bench's "before"):
  // evaluated into a sample-major scratch of BATCH samples, then transposed into the store.
  const perSampleScratch = options.evaluation === 'perSample' ? new Float64Array(BATCH * rowYears) : null;
  const evaluateOneByOne = (scratch: Float64Array, values: Float64Array, n: number, i0: number, m: number): void => {
    setBatch(m);
    for (let k = 0; k < m; k++) {
      setSample(k);
      evaluateForecast(structure, drawn, buffers, null);
      scratch.set(buffers.total, k * rowYears);
      scratch.set(buffers.values, k * rowYears + Y);
    }
    for (let j = 0; j < rowYears; j++) {
      const to = j * n + i0;
      for (let k = 0; k < m; k++) values[to + k] = scratch[k * rowYears + j] as number;
    }
  };

  // A batch at once (the default): src/engine/evaluateBatch.ts, straight into the evaluator's store
  // (`values`); a sample that leaves the plain formula's safe path is evaluated again alone and its
  // column overwritten.
  const evaluateInBatch = (values: Float64Array, n: number, i0: number, m: number): void => {
    setBatch(m);
    leaves.fill(0);
    evaluator.evaluate(m, n, i0);
    for (let k = 0; k < m; k++) {
      if (leaves[k] === 0) continue;
      setSample(k);
      evaluateAlone(values, n, i0 + k);
    }
  };

  /** Block `index` computed into `values` (per sample) or into the evaluator's store (a batch at once), which it returns. */
  const computeBlock = (index: number, values: Float64Array | null): SimulationBlock => {
    const n = blockSamples(index);
    const state = blockRandomState(seed, index);
    const into = perSampleScratch !== null ? (values ?? new Float64Array(rowYears * n)) : evaluator.store(n);
    const claimsMet = new Uint32Array(claims.length);
    for (let i0 = 0; i0 < n; i0 += BATCH) {
      const m = Math.min(BATCH, n - i0);
      drawBatch(state, m);
      if (perSampleScratch !== null) evaluateOneByOne(perSampleScratch, into, n, i0, m);
      else evaluateInBatch(into, n, i0, m);
    }
    countClaims(into, n, claimsMet);
    if (perSampleScratch !== null) evaluator.store(n).set(into);
    return { index, samples: n, values: into, claimsMet, sums: evaluator.rowSums(n) };
  };

  const runBlock = (index: number, reuse?: Float64Array): SimulationBlock => {
    const size = rowYears * blockSamples(index);
    const values = reuse !== undefined && reuse.length >= size ? reuse.subarray(0, size) : new Float64Array(size);
    const block = computeBlock(index, values);
    if (block.values !== values) values.set(block.values);
    return { ...block, values };
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
    runBlockInStore: (index) => computeBlock(index, null),
  };
}

/** out[j · BATCH + k] = from[j] for every j < count and k < BATCH: one value per quantity into every column of the batch's. */
function spread(from: Float64Array, count: number, out: Float64Array): void {
  for (let j = 0; j < count; j++) out.fill(from[j] as number, j * BATCH, (j + 1) * BATCH);
}

/** out[j] = from[j · BATCH + k] for j < count: the batch's k-th sample's values of one kind of quantity. */
function column(from: Float64Array, count: number, k: number, out: Float64Array): void {
  for (let j = 0; j < count; j++) out[j] = from[j * BATCH + k] as number;
}

/** values[(first + j) · n + i] = from[j] for j < count: one sample's rows into its column of a block. */
function scatterColumn(from: Float64Array, values: Float64Array, first: number, count: number, n: number, i: number): void {
  for (let j = 0; j < count; j++) values[(first + j) * n + i] = from[j] as number;
}

/**
 * The shares of one list, for each of the batch's first m samples (share[s · BATCH + k] for s in
 * members[first … end − 1]), clipped to [0, 1] and divided by their sum (added up in list order);
 * a sample whose shares all clip to 0 keeps them at 0. `sums` is scratch of m entries.
 */
function clipAndRenormalise(share: Float64Array, members: Int32Array, first: number, end: number, m: number, sums: Float64Array): void {
  sums.fill(0, 0, m);
  for (let j = first; j < end; j++) {
    const row = (members[j] as number) * BATCH;
    for (let k = 0; k < m; k++) {
      const x = share[row + k] as number;
      const clipped = x < 0 ? 0 : x > 1 ? 1 : x;
      share[row + k] = clipped;
      sums[k] = (sums[k] as number) + clipped;
    }
  }
  for (let j = first; j < end; j++) {
    const row = (members[j] as number) * BATCH;
    for (let k = 0; k < m; k++) {
      const sum = sums[k] as number;
      if (sum > 0) share[row + k] = (share[row + k] as number) / sum;
    }
  }
}

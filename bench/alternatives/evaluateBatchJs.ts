// The batch evaluation as it was before the WebAssembly kernel (src/engine/evaluateBatch.ts,
// src/engine/wasm/evaluateBatch.wat): the same loops in JavaScript, one sample per operation. Kept
// only so that bench/simulation.bench.ts can compare the two (createSimulation's `batchEvaluator`).
// Bit-identical to the kernel and to evaluateForecast for every sample it keeps.
import type { ForecastStructure } from '../../src/engine/compiledModel';
import type { BatchEvaluatorFactory, BatchParameters } from '../../src/engine/evaluateBatch';
import { F_LOW, HUGE_RATIO, M_HIGH, M_LOW } from '../../src/engine/evaluateForecast';

/** Scratch of a batch evaluation, made once per simulation. */
interface BatchScratch {
  /** Samples per batch: the stride of BatchParameters and of these rows. */
  batch: number;
  /** m of each sample (the value being carried forward). */
  m: Float64Array;
  /** g(t) of each sample. */
  growth: Float64Array;
  /** r(t) of each sample at [t · batch + k]. */
  ratio: Float64Array;
  /** Σu(t) of each sample at [t · batch + k]. */
  listSum: Float64Array;
  /** u(t) of the list's j-th member for each sample at [(j · Y + t) · batch + k]. */
  u: Float64Array;
}

function createBatchParameters(structure: ForecastStructure, batch: number): BatchParameters {
  return {
    baseSize: new Float64Array(batch),
    baseGrowth: new Float64Array(batch),
    driverImpact: new Float64Array(structure.driverCount * batch),
    share: new Float64Array(structure.seriesCount * batch),
    growthDelta: new Float64Array(structure.seriesCount * batch),
  };
}

function createBatchScratch(structure: ForecastStructure, batch: number): BatchScratch {
  const Y = structure.yearCount;
  return {
    batch,
    m: new Float64Array(batch),
    growth: new Float64Array(batch),
    ratio: new Float64Array(Y * batch),
    listSum: new Float64Array(Y * batch),
    u: new Float64Array(longestList(structure) * Y * batch),
  };
}

/** The JavaScript batch evaluator, in place of the kernel's. */
export const createBatchEvaluatorJs: BatchEvaluatorFactory = (structure, batch, blockSize) => {
  const parameters = createBatchParameters(structure, batch);
  const scratch = createBatchScratch(structure, batch);
  const leaves = new Uint8Array(batch);
  const values = new Float64Array((1 + structure.seriesCount) * structure.yearCount * blockSize);
  return {
    batch,
    parameters,
    leaves,
    store: (n) => values.subarray(0, (1 + structure.seriesCount) * structure.yearCount * n),
    evaluate: (count, n, i0) => evaluateBatch(structure, parameters, scratch, count, values, n, i0, leaves),
    rowSums: (n) => {
      const rows = (1 + structure.seriesCount) * structure.yearCount;
      const sums = new Float64Array(rows);
      for (let j = 0; j < rows; j++) {
        let sum = 0;
        for (let i = j * n; i < (j + 1) * n; i++) sum += values[i] as number;
        sums[j] = sum;
      }
      return sums;
    },
  };
};

function longestList(structure: ForecastStructure): number {
  let longest = 0;
  for (let l = 0; l < structure.listCount; l++) longest = Math.max(longest, (structure.listOffsets[l + 1] as number) - (structure.listOffsets[l] as number));
  return longest;
}

/**
 * Evaluates samples 0 … count − 1 of the batch (`parameters`) into `values` (the block's store of
 * n samples per series-year; the batch's sample k is the block's sample i0 + k). Sets leaves[k] to
 * 1 for each sample the caller must evaluate alone (file comment); leaves others as they were.
 */
function evaluateBatch(
  structure: ForecastStructure,
  parameters: BatchParameters,
  scratch: BatchScratch,
  count: number,
  values: Float64Array,
  n: number,
  i0: number,
  leaves: Uint8Array,
): void {
  const { yearCount: Y, listCount, listParent, listOffsets, listMembers } = structure;
  evaluateTotal(structure, parameters, scratch, count, values, n, i0, leaves);
  for (let l = 0; l < listCount; l++) {
    const parent = listParent[l] as number;
    const parentRow = parent < 0 ? 0 : 1 + parent;
    const first = listOffsets[l] as number;
    const end = listOffsets[l + 1] as number;
    parentRatios(scratch, count, values, (parentRow * Y) * n + i0, n, Y);
    scratch.listSum.fill(0);
    for (let j = first; j < end; j++) {
      growMember(parameters, scratch, count, listMembers[j] as number, (j - first) * Y * scratch.batch, Y, leaves);
    }
    for (let j = first; j < end; j++) {
      const s = listMembers[j] as number;
      splitMember(scratch, count, (j - first) * Y * scratch.batch, values, ((1 + s) * Y) * n + i0, (parentRow * Y) * n + i0, n, Y);
    }
  }
}

// The hot loops, each a function of its own so that V8 optimises each on its own.

/** The total (row 0): T(y0) = baseSize; T(t) = T(t − 1) · max(0, 1 + g(t)). */
function evaluateTotal(
  structure: ForecastStructure,
  parameters: BatchParameters,
  scratch: BatchScratch,
  count: number,
  values: Float64Array,
  n: number,
  i0: number,
  leaves: Uint8Array,
): void {
  const { yearCount: Y, driverCount, driverWeights } = structure;
  const { baseSize, baseGrowth, driverImpact } = parameters;
  const { m, growth, batch } = scratch;
  for (let k = 0; k < count; k++) {
    const x = baseSize[k] as number;
    if (x > 0 && x < M_LOW) leaves[k] = 1;
    m[k] = x;
    values[i0 + k] = x;
  }
  for (let t = 1; t < Y; t++) {
    for (let k = 0; k < count; k++) growth[k] = baseGrowth[k] as number;
    for (let d = 0; d < driverCount; d++) {
      const w = driverWeights[d * Y + t] as number;
      const row = d * batch;
      for (let k = 0; k < count; k++) growth[k] = (growth[k] as number) + (driverImpact[row + k] as number) * w;
    }
    const at = t * n + i0;
    for (let k = 0; k < count; k++) {
      let factor = 1 + (growth[k] as number);
      if (factor < 0) factor = 0;
      const next = (m[k] as number) * factor;
      if (!(next >= M_LOW && next <= M_HIGH) && next > 0 && next < Infinity) leaves[k] = 1;
      m[k] = next;
      values[at + k] = next;
    }
  }
}

/** Pass 0: r(t) = P(t) / P(t − 1) of every sample, NaN (KEEP) where P(t) = 0 or r ≥ 2^64. */
function parentRatios(scratch: BatchScratch, count: number, values: Float64Array, parentAt: number, n: number, Y: number): void {
  const { ratio, batch } = scratch;
  for (let t = 1; t < Y; t++) {
    const now = parentAt + t * n;
    const before = now - n;
    const row = t * batch;
    for (let k = 0; k < count; k++) {
      const p = values[now + k] as number;
      const r = p === 0 ? NaN : p / (values[before + k] as number);
      ratio[row + k] = r >= HUGE_RATIO ? NaN : r;
    }
  }
}

/** Pass 1 for member s: u(y0) = σ, u(t) = u(t − 1) · (r(t) + δ) into its rows of the scratch u (from uAt), added to Σu(t). */
function growMember(parameters: BatchParameters, scratch: BatchScratch, count: number, s: number, uAt: number, Y: number, leaves: Uint8Array): void {
  const { share, growthDelta } = parameters;
  const { u, ratio, listSum, batch } = scratch;
  const p = s * batch;
  for (let k = 0; k < count; k++) {
    const x = share[p + k] as number;
    if (x > 0 && x < M_LOW) leaves[k] = 1;
    u[uAt + k] = x;
    listSum[k] = (listSum[k] as number) + x;
  }
  for (let t = 1; t < Y; t++) {
    const row = t * batch;
    const to = uAt + row;
    const from = to - batch;
    for (let k = 0; k < count; k++) {
      const factor = (ratio[row + k] as number) + (growthDelta[p + k] as number);
      const next = (u[from + k] as number) * factor;
      if (!(factor >= F_LOW && next >= M_LOW && next <= M_HIGH)) leaves[k] = 1;
      u[to + k] = next;
      listSum[row + k] = (listSum[row + k] as number) + next;
    }
  }
}

/** Pass 2 for one member: share(t) = u(t) / Σu(t) (0 for a collapsed list), value(t) = P(t) · share(t), into its rows of the store. */
function splitMember(scratch: BatchScratch, count: number, uAt: number, values: Float64Array, at: number, parentAt: number, n: number, Y: number): void {
  const { u, listSum, batch } = scratch;
  for (let t = 0; t < Y; t++) {
    const to = at + t * n;
    const from = parentAt + t * n;
    const row = t * batch;
    const ut = uAt + row;
    for (let k = 0; k < count; k++) {
      const sum = listSum[row + k] as number;
      const share = sum > 0 ? (u[ut + k] as number) / sum : 0;
      values[to + k] = (values[from + k] as number) * share;
    }
  }
}

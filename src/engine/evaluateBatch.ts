/**
 * The forecast of a batch of samples at once, for the simulation (src/engine/simulation.ts): the
 * same arithmetic as evaluateForecast (src/engine/evaluateForecast.ts), with the sample index
 * innermost (structure of arrays), in WebAssembly with 128-bit SIMD — two samples per instruction
 * (src/engine/wasm/evaluateBatch.wat). For each list, each member and each year, one loop runs over
 * the batch's samples, writing straight into the block's series-major store — the value of row r
 * (0 = the total, 1 + s = series s) in year t for sample i0 + k at `store[(r · Y + t) · n + i0 + k]`.
 * Each list's u(t) stays in a small contiguous scratch, and the store is written once per
 * member-year. The batch's parameters, its flags and the block's store are views of the module's
 * memory: the simulation draws into them and reads the store where the kernel wrote it.
 *
 * Bit-identical to evaluateForecast for every sample it keeps: each sample goes through the same
 * operations in the same order (g adds the drivers in model order, Σu the members in list order,
 * r + δ, m · factor, u / Σu, P · share), with no fused or reordered arithmetic (WebAssembly's f64
 * arithmetic is IEEE-754's, round to nearest, as JavaScript's). Only the plain formula's safe path
 * is done here; a sample that leaves it anywhere — a base size or share below 2^-500, a member
 * factor below 2^-400 or a KEEP year (NaN), a total or member m outside [2^-500, 2^500] (a zero
 * share or a collapsed member included), where evaluateForecast would rescale or take its careful
 * path — is flagged in `leaves`, and the caller evaluates it alone with evaluateForecast and
 * overwrites its column. A clamped total growth (factor < 0 → 0) is on the safe path, as it is in
 * evaluateForecast's total loop.
 *
 * bench/simulation.bench.ts compares it with the same loops in JavaScript
 * (bench/alternatives/evaluateBatchJs.ts, what this was before).
 */
import type { ForecastStructure } from './compiledModel';
import { evaluateBatchWasm } from './wasm/evaluateBatchModule';
import { growTo, instantiate, type KernelMemory } from './wasm/host';

/** The parameters of a batch's samples: sample k's value of quantity j at `[j · batch + k]`. */
export interface BatchParameters {
  baseSize: Float64Array;
  baseGrowth: Float64Array;
  driverImpact: Float64Array;
  share: Float64Array;
  growthDelta: Float64Array;
}

/** A batch evaluation set up for one simulation: its parameters, flags and block store, and the kernel. */
export interface BatchEvaluator {
  /** Samples per batch: the stride of `parameters`. */
  batch: number;
  parameters: BatchParameters;
  /** 1 for each of the batch's samples the caller must evaluate alone (see the file comment). */
  leaves: Uint8Array;
  /** The block store of `n` samples per series-year (n up to the blockSize given): a view, rewritten by every block. */
  store(n: number): Float64Array;
  /**
   * Evaluates samples 0 … count − 1 of the batch (`parameters`) into `store(n)` (the batch's sample
   * k is the block's sample i0 + k). Sets leaves[k] to 1 for each sample the caller must evaluate
   * alone; leaves others as they were.
   */
  evaluate(count: number, n: number, i0: number): void;
  /** Each row's sum of `store(n)` (row j: its n values added up in order), in a new array of (1 + series) × years. */
  rowSums(n: number): Float64Array;
}

/** How a simulation makes its batch evaluator (bench/simulation.bench.ts passes the JavaScript one to compare). */
export type BatchEvaluatorFactory = (structure: ForecastStructure, batch: number, blockSize: number, kernel?: BatchKernel) => BatchEvaluator;

/**
 * An instance of the kernel with its memory. `createBatchEvaluator` makes a new one unless given
 * one: a caller running one simulation after another on a thread (`simulate`) passes the same
 * kernel each time, so that a few megabytes of memory are not made afresh, and collected, every run
 * (about a twentieth of a 10,000-sample run of the seed; bench/simulation.bench.ts). An evaluator
 * owns its kernel until its simulation is done: two evaluators must never share one at a time.
 */
export interface BatchKernel {
  /** @internal the instance's exports */
  readonly exports: KernelExports;
}

/** A new instance of the kernel, for `createBatchEvaluator`. */
export function createBatchKernel(): BatchKernel {
  return { exports: instantiate<KernelExports>(evaluateBatchWasm) };
}

/** The header's fields (src/engine/wasm/evaluateBatch.wat exports where each is, as a byte offset). */
const HEADER_FIELDS = [
  'H_Y',
  'H_B',
  'H_D',
  'H_LISTS',
  'H_BASE_SIZE',
  'H_BASE_GROWTH',
  'H_IMPACT',
  'H_SHARE',
  'H_DELTA',
  'H_WEIGHTS',
  'H_LIST_PARENT',
  'H_LIST_OFFSETS',
  'H_LIST_MEMBERS',
  'H_RATIO',
  'H_LIST_SUM',
  'H_U',
  'H_LEAVES',
  'H_VALUES',
  'H_SUMS',
] as const;
type HeaderField = (typeof HEADER_FIELDS)[number];
const HEADER_BYTES = 128;

type KernelExports = {
  memory: KernelMemory;
  evaluate(count: number, n: number, i0: number): void;
  sumRows(n: number, rows: number): void;
} & Record<HeaderField, { value: number }>;

/**
 * The batch evaluator of `structure` for batches of `batch` samples (even) and blocks of up to
 * `blockSize` samples: an instance of the kernel with its own memory (`kernel`, by default a new
 * one), laid out once. A kernel that served another evaluator is laid out afresh: its memory
 * grown where needed and everything before the block store cleared, as a new memory would be; the
 * store is written before it is read in every block.
 */
export const createBatchEvaluator: BatchEvaluatorFactory = (structure, batch, blockSize, kernel = createBatchKernel()) => {
  if (!Number.isInteger(batch) || batch < 2 || batch % 2 !== 0) throw new RangeError(`batch must be an even whole number (got ${batch})`);
  const { yearCount: Y, seriesCount, driverCount, listCount } = structure;
  const rowYears = (1 + seriesCount) * Y;

  // Every array at a 16-byte boundary, in the order of the header.
  let end = HEADER_BYTES;
  const place = (bytes: number): number => {
    const at = end;
    end += Math.ceil(bytes / 16) * 16;
    return at;
  };
  const at = {
    baseSize: place(batch * 8),
    baseGrowth: place(batch * 8),
    impact: place(driverCount * batch * 8),
    share: place(seriesCount * batch * 8),
    delta: place(seriesCount * batch * 8),
    weights: place(driverCount * Y * 8),
    listParent: place(listCount * 4),
    listOffsets: place((listCount + 1) * 4),
    listMembers: place(seriesCount * 4),
    ratio: place(Y * batch * 8),
    listSum: place(Y * batch * 8),
    u: place(longestList(structure) * Y * batch * 8),
    leaves: place(batch),
    sums: place(rowYears * 8),
    // A pair's second lane may read one sample past the store's end: 16 bytes of room after it.
    values: place(rowYears * blockSize * 8 + 16),
  };

  const { exports: wasm } = kernel;
  growTo(wasm.memory, end);
  const { buffer } = wasm.memory;
  new Uint8Array(buffer, 0, at.values).fill(0);

  const header = new DataView(buffer, 0, HEADER_BYTES);
  const values: Record<HeaderField, number> = {
    H_Y: Y,
    H_B: batch,
    H_D: driverCount,
    H_LISTS: listCount,
    H_BASE_SIZE: at.baseSize,
    H_BASE_GROWTH: at.baseGrowth,
    H_IMPACT: at.impact,
    H_SHARE: at.share,
    H_DELTA: at.delta,
    H_WEIGHTS: at.weights,
    H_LIST_PARENT: at.listParent,
    H_LIST_OFFSETS: at.listOffsets,
    H_LIST_MEMBERS: at.listMembers,
    H_RATIO: at.ratio,
    H_LIST_SUM: at.listSum,
    H_U: at.u,
    H_LEAVES: at.leaves,
    H_VALUES: at.values,
    H_SUMS: at.sums,
  };
  for (const field of HEADER_FIELDS) header.setInt32(wasm[field].value, values[field], true);
  new Float64Array(buffer, at.weights, driverCount * Y).set(structure.driverWeights);
  new Int32Array(buffer, at.listParent, listCount).set(structure.listParent);
  new Int32Array(buffer, at.listOffsets, listCount + 1).set(structure.listOffsets);
  new Int32Array(buffer, at.listMembers, seriesCount).set(structure.listMembers);

  const stores = new Map<number, Float64Array>();
  return {
    batch,
    parameters: {
      baseSize: new Float64Array(buffer, at.baseSize, batch),
      baseGrowth: new Float64Array(buffer, at.baseGrowth, batch),
      driverImpact: new Float64Array(buffer, at.impact, driverCount * batch),
      share: new Float64Array(buffer, at.share, seriesCount * batch),
      growthDelta: new Float64Array(buffer, at.delta, seriesCount * batch),
    },
    leaves: new Uint8Array(buffer, at.leaves, batch),
    store(n) {
      if (!Number.isInteger(n) || n < 1 || n > blockSize) throw new RangeError(`a block of ${n} samples does not fit a store of ${blockSize}`);
      let view = stores.get(n);
      if (view === undefined) {
        view = new Float64Array(buffer, at.values, rowYears * n);
        stores.set(n, view);
      }
      return view;
    },
    evaluate(count, n, i0) {
      if (!(count >= 0 && count <= batch && i0 >= 0 && i0 + count <= n && n <= blockSize)) {
        throw new RangeError(`samples ${i0}…${i0 + count - 1} are not in a batch of ${batch} within a block of ${n}`);
      }
      wasm.evaluate(count, n, i0);
    },
    rowSums(n) {
      if (!Number.isInteger(n) || n < 1 || n > blockSize) throw new RangeError(`a block of ${n} samples does not fit a store of ${blockSize}`);
      wasm.sumRows(n, rowYears);
      return new Float64Array(buffer, at.sums, rowYears).slice();
    },
  };
};

function longestList(structure: ForecastStructure): number {
  let longest = 0;
  for (let l = 0; l < structure.listCount; l++) longest = Math.max(longest, (structure.listOffsets[l + 1] as number) - (structure.listOffsets[l] as number));
  return longest;
}

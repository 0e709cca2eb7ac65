/**
 * The histogram passes of the percentile selection (src/engine/percentiles.ts) and of the
 * percentile bands (src/engine/percentileBands.ts), run by a WebAssembly kernel
 * (src/engine/wasm/countBuckets.wat): counting values into buckets, and copying out the values of
 * chosen buckets. They are the summary's hot loops — every sample of every series-year passes
 * through them — and run 2–3× as fast there as the same loops in JavaScript (bench/simulation.bench.ts).
 *
 * A kernel owns its memory, laid out as
 * - a table of `tableBuckets` counts (u32) and as many keep flags (u8, 0 or 1): one histogram, or a
 *   histogram per row side by side (the bands), addressed by bucket index;
 * - a data area (f64), where the values to count are put, or kept (a summary's every sample), and
 *   read in place;
 * - an output area (f64), where values are copied out.
 * Views of the areas are made again whenever the memory grows (`reserve`), so read them through
 * the getters, never keep one across a `reserve`.
 */
import { countBucketsWasm } from './wasm/countBucketsModule';
import { growTo, instantiate, type KernelMemory } from './wasm/host';

interface CountBucketsExports {
  memory: KernelMemory;
  count(data: number, n: number, low: number, scale: number, top: number, counts: number): void;
  pick(data: number, n: number, low: number, scale: number, top: number, keeps: number, into: number): number;
  countPick(data: number, n: number, low: number, scale: number, top: number, counts: number, keeps: number, into: number, kept: number): number;
}

/** Rounds up to a multiple of 16 bytes. */
const align = (bytes: number): number => Math.ceil(bytes / 16) * 16;

export class BucketKernel {
  private readonly kernel: CountBucketsExports;
  private readonly countsAt = 0;
  private readonly keepsAt: number;
  private readonly dataAt: number;
  private intoAt = 0;
  private room = 0;
  private intoRoom = 0;
  private buffer: ArrayBuffer | null = null;
  private countsView = new Uint32Array(0);
  private keepsView = new Uint8Array(0);
  private dataView = new Float64Array(0);
  private intoView = new Float64Array(0);

  constructor(
    /** Buckets in the table (a histogram, or several side by side). */
    readonly tableBuckets: number,
    data = 0,
    into = data,
  ) {
    this.kernel = instantiate<CountBucketsExports>(countBucketsWasm);
    this.keepsAt = align(4 * tableBuckets);
    this.dataAt = this.keepsAt + align(tableBuckets);
    this.reserve(data, into);
  }

  /**
   * Makes room for `data` values in the data area and `into` in the output area (by default as
   * many); what the data area held stays, the output area's does not.
   */
  reserve(data: number, into = data): void {
    if (data <= this.room && into <= this.intoRoom && this.buffer !== null) return;
    const room = data <= this.room ? this.room : Math.max(data, Math.ceil(this.room * 1.5), 1024);
    const intoRoom = into <= this.intoRoom ? this.intoRoom : Math.max(into, Math.ceil(this.intoRoom * 1.5), 1024);
    this.intoAt = this.dataAt + align(8 * room);
    growTo(this.kernel.memory, this.intoAt + align(8 * intoRoom));
    this.room = room;
    this.intoRoom = intoRoom;
    this.buffer = null;
  }

  /** Bytes of memory the kernel holds. */
  get bytes(): number {
    return this.kernel.memory.buffer.byteLength;
  }

  /** The table's counts: bucket b at [b]. */
  get counts(): Uint32Array {
    this.refresh();
    return this.countsView;
  }

  /** The table's keep flags (0 or 1): bucket b at [b]. */
  get keeps(): Uint8Array {
    this.refresh();
    return this.keepsView;
  }

  /** The data area. */
  get data(): Float64Array {
    this.refresh();
    return this.dataView;
  }

  /** The output area. */
  get into(): Float64Array {
    this.refresh();
    return this.intoView;
  }

  /**
   * Copies `parts` one after another into the data area from its start (making room for them);
   * returns where each went, as pairs (first index, length).
   */
  put(parts: readonly Float64Array[]): number[] {
    let n = 0;
    for (const part of parts) n += part.length;
    this.reserve(n);
    const data = this.data;
    const ranges: number[] = [];
    let at = 0;
    for (const part of parts) {
      data.set(part, at);
      ranges.push(at, part.length);
      at += part.length;
    }
    return ranges;
  }

  /** counts[base + bucketOf(x, low, scale, top)] += 1 for x in data[at … at + n − 1]. */
  count(at: number, n: number, low: number, scale: number, top: number, base: number): void {
    this.check(at, n, base, top);
    this.kernel.count(this.dataAt + 8 * at, n, low, scale, top, this.countsAt + 4 * base);
  }

  /**
   * Copies the x of data[at … at + n − 1] whose bucket is kept (keeps[base + bucketOf(x, …)] = 1),
   * in order, to into[to …]; returns how many.
   */
  pick(at: number, n: number, low: number, scale: number, top: number, base: number, to: number): number {
    this.check(at, n, base, top);
    if (to < 0 || to + n > this.intoRoom) throw new RangeError(`no room for ${n} values at ${to} of ${this.intoRoom}`);
    return this.kernel.pick(this.dataAt + 8 * at, n, low, scale, top, this.keepsAt + base, this.intoAt + 8 * to);
  }

  /** Both at once: counts every x, and copies those of kept buckets to into[kept …]; returns the new kept. */
  countPick(at: number, n: number, low: number, scale: number, top: number, base: number, kept: number): number {
    this.check(at, n, base, top);
    if (kept < 0 || kept + n > this.intoRoom) throw new RangeError(`no room for ${n} values at ${kept} of ${this.intoRoom}`);
    return this.kernel.countPick(this.dataAt + 8 * at, n, low, scale, top, this.countsAt + 4 * base, this.keepsAt + base, this.intoAt, kept);
  }

  private check(at: number, n: number, base: number, top: number): void {
    if (!(at >= 0 && n >= 0 && at + n <= this.room)) throw new RangeError(`values ${at}…${at + n - 1} are not in a data area of ${this.room}`);
    if (!(base >= 0 && top >= 0 && base + top < this.tableBuckets)) throw new RangeError(`buckets ${base}…${base + top} are not in a table of ${this.tableBuckets}`);
  }

  private refresh(): void {
    const { buffer } = this.kernel.memory;
    if (buffer === this.buffer) return;
    this.buffer = buffer;
    this.countsView = new Uint32Array(buffer, this.countsAt, this.tableBuckets);
    this.keepsView = new Uint8Array(buffer, this.keepsAt, this.tableBuckets);
    this.dataView = new Float64Array(buffer, this.dataAt, this.room);
    this.intoView = new Float64Array(buffer, this.intoAt, this.intoRoom);
  }
}

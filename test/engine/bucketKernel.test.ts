/**
 * The histogram kernel (src/engine/bucketKernel.ts, src/engine/wasm/countBuckets.wat) against the
 * bucket rule written the plain way, and its memory's contract: what the data area holds survives
 * growing it, and views are made again when it grows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BucketKernel } from '../../src/engine/bucketKernel';
import { assertProperty } from '../support/property';

/**
 * The rule, as DESIGN's percentiles read it: `top + 1` equal buckets from `low`, `scale` buckets a
 * unit; values below go to the first, above (and NaN) to the last — monotone in x.
 */
function bucketOf(x: number, low: number, scale: number, top: number): number {
  const v = (x - low) * scale;
  return v < top ? (v > 0 ? Math.floor(v) : 0) : top;
}

const edges = fc.constantFrom(0, -0, 1, -1, 0.5, 1e-310, 5e-324, Infinity, -Infinity, NaN, 1e308, -1e308, 4095, 4096, 4095.999999999999);
const value = fc.oneof(fc.double(), edges, fc.double({ min: -10, max: 10, noNaN: true }));

describe('the histogram kernel', () => {
  it('counts every value in the bucket the plain rule gives it, edges and non-finite values included', () => {
    assertProperty(
      fc.property(
        fc.array(value, { maxLength: 300 }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.oneof(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.constantFrom(0, 4096, Infinity)),
        fc.integer({ min: 0, max: 4095 }),
        (values, low, scale, top) => {
          const kernel = new BucketKernel(4096, values.length);
          kernel.data.set(values);
          kernel.counts.fill(0);
          kernel.count(0, values.length, low, scale, top, 0);
          const expected = new Uint32Array(4096);
          for (const x of values) expected[bucketOf(x, low, scale, top)]! += 1;
          expect(Array.from(kernel.counts)).toEqual(Array.from(expected));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('picks, in order, exactly the values of the kept buckets; countPick counts them all and appends the kept after what was there', () => {
    assertProperty(
      fc.property(fc.array(fc.double({ min: -1, max: 2, noNaN: true }), { maxLength: 400 }), fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }), (values, keep) => {
        const [low, scale, top, base] = [0, 64, 63, 64];
        const kernel = new BucketKernel(192, values.length + 3);
        kernel.data.set(values);
        keep.forEach((k, b) => (kernel.keeps[base + b] = k ? 1 : 0));
        const wanted = values.filter((x) => keep[bucketOf(x, low, scale, top)]);
        expect(kernel.pick(0, values.length, low, scale, top, base, 0)).toBe(wanted.length);
        expect(Array.from(kernel.into.subarray(0, wanted.length))).toEqual(wanted);

        kernel.into.set([7, 8, 9]);
        kernel.counts.fill(0);
        expect(kernel.countPick(0, values.length, low, scale, top, base, 3)).toBe(3 + wanted.length);
        expect(Array.from(kernel.into.subarray(0, 3 + wanted.length))).toEqual([7, 8, 9, ...wanted]);
        const counted = new Uint32Array(192);
        for (const x of values) counted[base + bucketOf(x, low, scale, top)]! += 1;
        expect(Array.from(kernel.counts)).toEqual(Array.from(counted));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps what its data area holds when it grows, and hands out views of the grown memory', () => {
    const kernel = new BucketKernel(16, 10);
    kernel.data.set([1, 2, 3]);
    kernel.keeps.fill(1);
    const before = kernel.data;
    kernel.reserve(2_000_000, 10);
    expect(before.length).toBe(0); // the old view is detached, not silently stale
    expect(kernel.data.length).toBeGreaterThanOrEqual(2_000_000);
    expect(Array.from(kernel.data.subarray(0, 3))).toEqual([1, 2, 3]);
    expect(Array.from(kernel.keeps)).toEqual(new Array(16).fill(1));
    kernel.data[1_999_999] = 5;
    expect(kernel.pick(1_999_990, 10, 0, 1, 15, 0, 0)).toBe(10);
    expect(kernel.into[9]).toBe(5);
  });

  it('refuses ranges outside its areas or its table instead of reading past them', () => {
    const kernel = new BucketKernel(16, 10, 4);
    const room = kernel.data.length;
    const intoRoom = kernel.into.length;
    expect(() => kernel.count(room - 5, 6, 0, 1, 15, 0)).toThrow(RangeError);
    expect(() => kernel.count(0, 10, 0, 1, 15, 1)).toThrow(RangeError);
    expect(() => kernel.pick(0, intoRoom, 0, 1, 15, 0, 1)).toThrow(RangeError);
    expect(() => kernel.countPick(0, intoRoom, 0, 1, 15, 0, 1)).toThrow(RangeError);
    expect(() => kernel.count(room - 5, 5, 0, 1, 15, 0)).not.toThrow();
  });
});

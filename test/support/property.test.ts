import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertAsyncProperty, assertProperty } from './property';
import { FIXED_SEED, seedOfCommit, seedOfText } from './propertySeed';

/** The first integers a property sees with `seed`. */
const firstDraws = (seed: number, runs: number) => fc.sample(fc.integer(), { seed, numRuns: runs });

describe('assertProperty', () => {
  it('runs every property with the fixed seed, then again with the seed of the commit', () => {
    const seen: number[] = [];
    assertProperty(fc.property(fc.integer(), (x) => void seen.push(x)), { numRuns: 3 });
    expect(seen).toEqual([...firstDraws(FIXED_SEED, 3), ...firstDraws(seedOfCommit().seed, 3)]);
  });

  it('names the seed a failure ran with, and runs the examples it is given', () => {
    const prop = fc.property(fc.integer({ min: 0, max: 10 }), (x) => x !== -1);
    expect(() => assertProperty(prop, { examples: [[-1]] })).toThrow(new RegExp(`fixed seed ${FIXED_SEED}.*seed: ${FIXED_SEED}`, 's'));
  });
});

describe('assertAsyncProperty', () => {
  it('awaits an async property with both seeds, and names the seed a failure ran with', async () => {
    const seen: number[] = [];
    await assertAsyncProperty(fc.asyncProperty(fc.integer(), async (x) => void seen.push(await Promise.resolve(x))), { numRuns: 3 });
    expect(seen).toEqual([...firstDraws(FIXED_SEED, 3), ...firstDraws(seedOfCommit().seed, 3)]);
    const failing = fc.asyncProperty(fc.integer({ min: 0, max: 10 }), async (x) => (await Promise.resolve(x)) !== -1);
    await expect(assertAsyncProperty(failing, { examples: [[-1]] })).rejects.toThrow(new RegExp(`fixed seed ${FIXED_SEED}`));
  });
});

describe('seedOfCommit', () => {
  it('derives the seed from the commit, falls back to the clock without git, and takes a seed to replay', () => {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    expect(seedOfCommit({ PATH: process.env.PATH })).toEqual({ seed: seedOfText(head), from: `commit ${head.slice(0, 10)}` });
    expect(seedOfCommit({ PATH: '' }, () => 1234)).toEqual({ seed: seedOfText('1234'), from: 'the clock (no git commit found)' });
    expect(seedOfCommit({ SLIDECAST_PROPERTY_SEED: '-1827270135' }).seed).toBe(-1827270135);
    expect(() => seedOfCommit({ SLIDECAST_PROPERTY_SEED: 'abc' })).toThrow(/integer/);
  });

  it('gives 32-bit integers, different for different commits', () => {
    const a = seedOfText('cda207e0000000000000000000000000000000000');
    const b = seedOfText('cda207e0000000000000000000000000000000001');
    expect(a).not.toBe(b);
    for (const s of [a, b]) expect(s).toBe(s | 0);
  });
});

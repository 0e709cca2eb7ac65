/**
 * `assertProperty` (and `assertAsyncProperty`): how every property test runs — twice, first with the fixed seed, then with
 * the seed of the commit under test (`propertySeed.ts`). A failure names the seed it ran with and
 * fast-check's counterexample path; keep the counterexample as an explicit example (`examples` in
 * the parameters, which both passes run) or as a plain test.
 */
import fc from 'fast-check';
import { inject } from 'vitest';
import { FIXED_SEED } from './propertySeed';

/** The two seeds every property runs with, in order. */
function propertySeeds() {
  return [
    ['fixed seed', FIXED_SEED],
    ['commit seed', inject('propertySeed')],
  ] as const;
}

function nameSeed(error: unknown, which: string, seed: number): unknown {
  if (error instanceof Error) error.message = `Property failed with the ${which} ${seed}: ${error.message}`;
  return error;
}

export function assertProperty<Ts>(property: fc.IRawProperty<Ts>, params: fc.Parameters<Ts> = {}): void {
  for (const [which, seed] of propertySeeds()) {
    try {
      fc.assert(property, { ...params, seed });
    } catch (error) {
      throw nameSeed(error, which, seed);
    }
  }
}

/** `assertProperty` for an `fc.asyncProperty` (a property that awaits, e.g. reading a file it wrote): await it. */
export async function assertAsyncProperty<Ts>(property: fc.IAsyncProperty<Ts>, params: fc.Parameters<Ts> = {}): Promise<void> {
  for (const [which, seed] of propertySeeds()) {
    try {
      await fc.assert(property, { ...params, seed });
    } catch (error) {
      throw nameSeed(error, which, seed);
    }
  }
}

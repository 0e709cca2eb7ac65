/**
 * `assertProperty`: how every property test runs — twice, first with the fixed seed, then with
 * the seed of the commit under test (`propertySeed.ts`). A failure names the seed it ran with and
 * fast-check's counterexample path; keep the counterexample as an explicit example (`examples` in
 * the parameters, which both passes run) or as a plain test.
 */
import fc from 'fast-check';
import { inject } from 'vitest';
import { FIXED_SEED } from './propertySeed';

export function assertProperty<Ts>(property: fc.IRawProperty<Ts>, params: fc.Parameters<Ts> = {}): void {
  for (const [which, seed] of [
    ['fixed seed', FIXED_SEED],
    ['commit seed', inject('propertySeed')],
  ] as const) {
    try {
      fc.assert(property, { ...params, seed });
    } catch (error) {
      if (error instanceof Error) error.message = `Property failed with the ${which} ${seed}: ${error.message}`;
      throw error;
    }
  }
}

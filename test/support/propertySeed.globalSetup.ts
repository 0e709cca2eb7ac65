/**
 * Vitest global setup: derives the commit's property-test seed once for the whole run, prints it,
 * and hands it to every test file (`inject('propertySeed')`, read by `assertProperty`).
 */
import type { TestProject } from 'vitest/node';
import { FIXED_SEED, seedOfCommit } from './propertySeed';

declare module 'vitest' {
  export interface ProvidedContext {
    propertySeed: number;
  }
}

export default function setup(project: TestProject): void {
  const { seed, from } = seedOfCommit();
  console.log(`property tests: fixed seed ${FIXED_SEED}, then seed ${seed} (from ${from}); replay one with SLIDECAST_PROPERTY_SEED=<seed>`);
  project.provide('propertySeed', seed);
}

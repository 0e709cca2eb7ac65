/**
 * The seeds every property test runs with (see `assertProperty` in `property.ts`):
 * - a fixed seed, the same on every run and every machine, so a result never depends on the dice;
 * - a seed derived from the commit under test, so each commit explores cases the fixed seed never
 *   reaches (the subnormal shares of issue 9 were found by one such seed) while a given commit
 *   still replays exactly. Where git is not there (an unpacked tarball) the seed comes from the
 *   clock. `SLIDECAST_PROPERTY_SEED` replaces it, to replay a seed a failure printed.
 *
 * `seedOfCommit` runs once, in Vitest's global setup, which prints the seed before any test.
 */
import { execFileSync } from 'node:child_process';

export const FIXED_SEED = 20261128;

export interface CommitSeed {
  seed: number;
  /** Where the seed came from, for the line printed at the start of a run. */
  from: string;
}

/** A 32-bit signed integer from text (FNV-1a): fast-check takes any 32-bit integer as a seed. */
export function seedOfText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

export function seedOfCommit(env: Record<string, string | undefined> = process.env, now: () => number = Date.now): CommitSeed {
  const given = env.SLIDECAST_PROPERTY_SEED;
  if (given !== undefined && given.trim() !== '') {
    const seed = Number(given);
    if (!Number.isInteger(seed)) throw new Error(`SLIDECAST_PROPERTY_SEED must be an integer, not "${given}"`);
    return { seed: seed | 0, from: 'SLIDECAST_PROPERTY_SEED' };
  }
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env }).trim();
    if (/^[0-9a-f]{40,64}$/.test(commit)) return { seed: seedOfText(commit), from: `commit ${commit.slice(0, 10)}` };
  } catch {
    // No git, or not a repository: fall through to the clock.
  }
  return { seed: seedOfText(String(now())), from: 'the clock (no git commit found)' };
}

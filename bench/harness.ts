/**
 * A small benchmark harness for a shared, noisy machine (TOOLCHAIN.md "Measuring"):
 * - warm-up first, so the JIT has optimised every case before anything is recorded;
 * - alternatives run interleaved — one sample of each case per round, the order rotating every
 *   round — so a burst of noise from a neighbour hits all of them alike and ratios stay fair;
 * - many samples, reported as median and 95th percentile, never a single best or a mean.
 *
 * A sample times a batch of calls just long enough to stand clear of the timer's resolution
 * (`minSampleMs`); figures are per call. For calls longer than that, a sample is one call, so the
 * p95 is the p95 of single calls.
 */
import { performance } from 'node:perf_hooks';

export interface BenchCase {
  name: string;
  /** One call of the code under test. Return something derived from the result, so it is not optimised away. */
  run: () => number;
}

export interface BenchStats {
  name: string;
  /** Milliseconds per call. */
  median: number;
  p95: number;
  /** Samples recorded, and calls timed together in each. */
  samples: number;
  callsPerSample: number;
}

export interface BenchOptions {
  /** Warm-up time for all cases together, ms. */
  warmupMs?: number;
  /** Shortest time one sample should take, ms. */
  minSampleMs?: number;
  /** Time budget for the recorded rounds of all cases together, ms. */
  budgetMs?: number;
  /** Bounds on the number of samples (rounds); every case gets the same number. */
  minSamples?: number;
  maxSamples?: number;
}

/** Keeps every result alive, so no call can be dead-code eliminated. */
let sink = 0;
export function benchSink(): number {
  return sink;
}

function timeBatch(run: () => number, calls: number): number {
  const start = performance.now();
  let acc = 0;
  for (let i = 0; i < calls; i++) acc += run();
  const elapsed = performance.now() - start;
  sink += acc;
  return elapsed;
}

/** Linear interpolation between order statistics (the definition the simulation uses too). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  const lo = sorted[below] as number;
  const hi = sorted[above] as number;
  return lo + (hi - lo) * (position - below);
}

export function compare(cases: readonly BenchCase[], options: BenchOptions = {}): BenchStats[] {
  const warmupMs = options.warmupMs ?? 500;
  const minSampleMs = options.minSampleMs ?? 0.02;
  const budgetMs = options.budgetMs ?? 4000;
  const minSamples = options.minSamples ?? 50;
  const maxSamples = options.maxSamples ?? 2000;

  // Warm-up, interleaved, until the time is spent; it also gives a first estimate per call.
  const estimate = cases.map(() => ({ time: 0, calls: 0 }));
  const warmupEnd = performance.now() + warmupMs;
  while (performance.now() < warmupEnd) {
    cases.forEach((c, i) => {
      const e = estimate[i] as { time: number; calls: number };
      e.time += timeBatch(c.run, 1);
      e.calls += 1;
    });
  }

  const plans = cases.map((c, i) => {
    const e = estimate[i] as { time: number; calls: number };
    const perCall = Math.max(e.time / Math.max(1, e.calls), 1e-6);
    const callsPerSample = Math.max(1, Math.ceil(minSampleMs / perCall));
    return { c, callsPerSample, sampleMs: perCall * callsPerSample, times: [] as number[] };
  });

  // Every case gets the same number of samples, one per round, so each round's noise hits all of
  // them; the starting case rotates so that no case always runs right after the same neighbour.
  const roundMs = plans.reduce((sum, p) => sum + p.sampleMs, 0);
  const rounds = Math.round(Math.min(maxSamples, Math.max(minSamples, budgetMs / roundMs)));
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < plans.length; k++) {
      const plan = plans[(r + k) % plans.length];
      if (plan === undefined) continue;
      plan.times.push(timeBatch(plan.c.run, plan.callsPerSample) / plan.callsPerSample);
    }
  }

  return plans.map(({ c, callsPerSample, times }) => statsOf(c.name, times, callsPerSample));
}

/** The median and 95th percentile of `times` (milliseconds per call, any order), as a table's row. */
export function statsOf(name: string, times: readonly number[], callsPerSample = 1): BenchStats {
  const sorted = [...times].sort((a, b) => a - b);
  return { name, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), samples: sorted.length, callsPerSample };
}

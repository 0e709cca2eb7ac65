/**
 * The simulation's statistics against closed forms (issue 10, "Tests"): a one-year model whose only
 * ranged quantity is the base growth g, base size 100 fixed, so the total in the end year is
 * T = 100 · (1 + g) and its quantiles and mean follow from g's distribution. At N = 100,000 every
 * percentile and the mean must land within 3 standard errors of the truth — for a quantile,
 * sqrt(p(1 − p) / N) / f(q), f the density of T at the true quantile q; for the mean, sd / sqrt(N).
 *
 * The closed forms here are written from the distributions' definitions, not from the engine's
 * samplers. The run is seeded, so the test is deterministic; a wrong sampler (a mode in the wrong
 * place, a normal scaled by 1.96 instead of 1.645, a PERT with λ ≠ 4) moves the statistics by many
 * standard errors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRange, drawRange, fillRange, RANGE_FIXED, zigguratNormal } from '../../src/engine/distributions';
import { blockRandomState, fillUniform } from '../../src/engine/random';
import { simulate } from '../../src/engine/simulate';
import { SIMULATION_STATISTICS, simulationStatistic } from '../../src/engine/simulationSummary';
import type { Range } from '../../src/model/quantity';
import { model } from '../support/models';
import { assertProperty } from '../support/property';

const N = 100_000;
const BASE = 100;
const PERCENTILES: Record<string, number> = { p5: 0.05, p10: 0.1, p25: 0.25, p50: 0.5, p75: 0.75, p90: 0.9, p95: 0.95 };

interface ClosedForm {
  /** Quantile function of g. */
  quantile: (p: number) => number;
  /** Density of g. */
  density: (x: number) => number;
  mean: number;
  sd: number;
}

function oneYearModel(value: number, range: Range) {
  const m = model({ baseYear: 2025, endYear: 2026, baseSize: BASE, baseGrowth: value });
  m.baseGrowth = { value, range };
  return m;
}

function expectClosedForm(value: number, range: Range, truth: ClosedForm): void {
  const summary = simulate(oneYearModel(value, range), [], { samples: N, seed: 20261130 });
  expect(summary.samples).toBe(N);
  for (const statistic of SIMULATION_STATISTICS) {
    const actual = simulationStatistic(summary, statistic, 0, 1);
    let expected: number;
    let standardError: number;
    if (statistic === 'mean') {
      expected = BASE * (1 + truth.mean);
      standardError = (BASE * truth.sd) / Math.sqrt(N);
    } else {
      const p = PERCENTILES[statistic]!;
      const q = truth.quantile(p);
      expected = BASE * (1 + q);
      // T = 100 (1 + g): f_T(t) = f_g(g) / 100.
      standardError = Math.sqrt((p * (1 - p)) / N) / (truth.density(q) / BASE);
    }
    expect(Math.abs(actual - expected), `${range.dist} ${statistic}: ${actual} vs ${expected} (SE ${standardError})`).toBeLessThan(3 * standardError);
  }
  // The base year is the fixed base size in every sample.
  for (const statistic of SIMULATION_STATISTICS) expect(simulationStatistic(summary, statistic, 0, 0)).toBe(BASE);
}

describe('statistics of the total against closed forms (N = 100,000, within 3 standard errors)', () => {
  it('uniform on [−10%, +10%]', () => {
    const a = -0.1;
    const b = 0.1;
    expectClosedForm(0.02, { low: a, high: b, dist: 'uniform' }, {
      quantile: (p) => a + (b - a) * p,
      density: () => 1 / (b - a),
      mean: (a + b) / 2,
      sd: (b - a) / Math.sqrt(12),
    });
  });

  it('triangular on [−5%, +10%] with its mode at the value, 2%', () => {
    const a = -0.05;
    const c = 0.02;
    const b = 0.1;
    const fc = (c - a) / (b - a);
    expectClosedForm(c, { low: a, high: b, dist: 'triangular' }, {
      quantile: (p) => (p < fc ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c))),
      density: (x) => (x < c ? (2 * (x - a)) / ((b - a) * (c - a)) : (2 * (b - x)) / ((b - a) * (b - c))),
      mean: (a + b + c) / 3,
      sd: Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18),
    });
  });

  it('PERT on [0, 20%] with its mode at 5%: 20% · Beta(2, 4) (λ = 4)', () => {
    // α = 1 + 4 (0.05 − 0) / 0.2 = 2, β = 1 + 4 (0.2 − 0.05) / 0.2 = 4. Beta(2, 4): density
    // 20 x (1 − x)³, CDF Σ_{j=2..5} C(5, j) x^j (1 − x)^(5−j), mean 1/3, variance 8 / (36 · 7).
    const width = 0.2;
    const cdf = (x: number): number => {
      const binomial = [1, 5, 10, 10, 5, 1];
      let sum = 0;
      for (let j = 2; j <= 5; j++) sum += binomial[j]! * x ** j * (1 - x) ** (5 - j);
      return sum;
    };
    const betaQuantile = (p: number): number => {
      let lo = 0;
      let hi = 1;
      for (let i = 0; i < 100; i++) {
        const mid = (lo + hi) / 2;
        if (cdf(mid) < p) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    };
    expectClosedForm(0.05, { low: 0, high: width, dist: 'pert' }, {
      quantile: (p) => width * betaQuantile(p),
      density: (x) => (20 * (x / width) * (1 - x / width) ** 3) / width,
      mean: width / 3,
      sd: width * Math.sqrt(8 / (36 * 7)),
    });
  });

  it('normal with 5th percentile −2% and 95th +8%: mean 3%, σ = 10% / (2 · 1.6449)', () => {
    const mu = 0.03;
    const sigma = 0.1 / (2 * 1.6448536269514722);
    const z: Record<number, number> = {
      0.05: -1.6448536269514722,
      0.1: -1.2815515655446004,
      0.25: -0.6744897501960817,
      0.5: 0,
      0.75: 0.6744897501960817,
      0.9: 1.2815515655446004,
      0.95: 1.6448536269514722,
    };
    expectClosedForm(0.03, { low: -0.02, high: 0.08, dist: 'normal' }, {
      quantile: (p) => mu + sigma * z[p]!,
      density: (x) => Math.exp(-0.5 * ((x - mu) / sigma) ** 2) / (sigma * Math.sqrt(2 * Math.PI)),
      mean: mu,
      sd: sigma,
    });
  });
});

describe('ranges', () => {
  it('a degenerate range (low = high) and no range draw the value, consuming no random numbers', () => {
    expect(compileRange(0.04, { low: 0.04, high: 0.04, dist: 'normal' }).kind).toBe(RANGE_FIXED);
    expect(compileRange(0.04, undefined).kind).toBe(RANGE_FIXED);
    const { kind, p0, p1, p2, p3 } = compileRange(0.04, { low: 0.04, high: 0.04, dist: 'pert' });
    const state = blockRandomState(1, 0);
    const before = Array.from(state);
    expect(drawRange(kind, p0, p1, p2, p3, state)).toBe(0.04);
    expect(Array.from(state)).toEqual(before);
  });

  it('fillRange draws exactly what as many drawRange calls draw, and leaves the generator where they would', () => {
    const ranges = [
      compileRange(0.13, { low: 0.1, high: 0.3, dist: 'uniform' }),
      compileRange(0.13, { low: 0.1, high: 0.3, dist: 'triangular' }),
      compileRange(0.13, { low: 0.1, high: 0.3, dist: 'pert' }),
      compileRange(0.2, { low: 0.1, high: 0.3, dist: 'normal' }),
      compileRange(0.2, undefined),
    ];
    for (const { kind, p0, p1, p2, p3 } of ranges) {
      for (const [start, count] of [[0, 1000], [3, 17], [5, 0]] as const) {
        const bulk = blockRandomState(9, kind);
        const single = blockRandomState(9, kind);
        const out = new Float64Array(start + count + 2).fill(-1);
        fillRange(kind, p0, p1, p2, p3, bulk, out, start, count);
        for (let i = 0; i < count; i++) if (out[start + i] !== drawRange(kind, p0, p1, p2, p3, single)) expect.fail(`kind ${kind}: draw ${i} differs`);
        expect(Array.from(bulk)).toEqual(Array.from(single));
        expect(out[start - 1] ?? -1).toBe(-1);
        expect(out[start + count]).toBe(-1);
      }
    }
  });

  it('triangular draws (the WebAssembly kernel, two at a time) are bit for bit the inverse CDF written the plain way', () => {
    // The definition: u < F(mode) ? low + √(u (high − low)(mode − low)) : high − √((1 − u)(high − low)(high − mode)).
    const plain = (low: number, high: number, mode: number, fMode: number, u: number): number =>
      u < fMode ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
    const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    assertProperty(
      fc.property(finite, finite, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 5000 }), fc.nat(), (a, b, at, count, seed) => {
        fc.pre(a !== b);
        const [low, high] = a < b ? [a, b] : [b, a];
        const { kind, p0, p1, p2, p3 } = compileRange(low + at * (high - low), { low, high, dist: 'triangular' });
        const out = new Float64Array(count);
        fillRange(kind, p0, p1, p2, p3, blockRandomState(seed, 3), out, 0, count);
        const uniforms = new Float64Array(count);
        fillUniform(blockRandomState(seed, 3), uniforms, 0, count);
        for (let i = 0; i < count; i++) {
          const want = plain(p0, p1, p2, p3, uniforms[i] as number);
          if (!Object.is(out[i], want)) expect.fail(`draw ${i} of ${count}: ${out[i]} from the kernel, ${want} by the definition (u = ${uniforms[i]})`);
        }
      }),
      { numRuns: 200, examples: [[0, 1, 0.5, 1, 0], [0, 1, 0, 7, 1], [0, 1, 1, 4097, 2]] },
    );
  });

  it('the ziggurat (PERT’s normal variates) draws the standard normal: its CDF within 4 standard errors at 400,000 draws, tails beyond the base layer included', () => {
    // Φ(x) at points inside the layers, at 0, and beyond the ziggurat's base layer (R ≈ 3.44).
    const phi: [number, number][] = [
      [-4, 3.167124183311992e-5],
      [-3.5, 2.326290790355250e-4],
      [-2, 0.022750131948179195],
      [-1, 0.15865525393145707],
      [-0.3, 0.3820885778110474],
      [0, 0.5],
      [0.7, 0.758036347776927],
      [1.5, 0.9331927987311419],
      [3, 0.9986501019683699],
      [3.6, 0.9998408914098424],
    ];
    const n = 400_000;
    const state = blockRandomState(21, 0);
    const below = phi.map(() => 0);
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const x = zigguratNormal(state);
      sum += x;
      squares += x * x;
      phi.forEach(([at], k) => (below[k]! += x < at ? 1 : 0));
    }
    phi.forEach(([at, p], k) => {
      const se = Math.sqrt((p * (1 - p)) / n);
      expect(Math.abs(below[k]! / n - p), `P(X < ${at})`).toBeLessThan(4 * se + 1 / n);
    });
    expect(Math.abs(sum / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(squares / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });

  it('every draw of a uniform, triangular or PERT range lies within [low, high]', () => {
    const state = blockRandomState(5, 0);
    for (const dist of ['uniform', 'triangular', 'pert'] as const) {
      for (const value of [0.1, 0.13, 0.3]) {
        const { kind, p0, p1, p2, p3 } = compileRange(value, { low: 0.1, high: 0.3, dist });
        for (let i = 0; i < 20_000; i++) {
          const x = drawRange(kind, p0, p1, p2, p3, state);
          if (!(x >= 0.1 && x <= 0.3)) expect.fail(`${dist} (mode ${value}) drew ${x}`);
        }
      }
    }
  });
});

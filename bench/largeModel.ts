/**
 * The large model of DESIGN.md §8: 10 product types × 40 applications × 200 countries in 10
 * regions, over 30 years of growth (2025–2055). Every number is drawn from a seeded generator, so
 * each run benchmarks the same model; every quantity has a range, so a simulation benchmark can
 * use it too.
 */
import { WORKSPACE_FORMAT, WORKSPACE_VERSION, type Driver, type Member, type Model, type Quantity, type Workspace } from '../src/model/types';

export const LARGE_MODEL_SHAPE = { types: 10, applications: 40, regions: 10, countriesPerRegion: 20, baseYear: 2025, endYear: 2055 } as const;

/** mulberry32: a tiny seeded PRNG; statistical quality is irrelevant here, repeatability is not. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function largeModel(seed = 2025): Model {
  const random = mulberry32(seed);
  const between = (low: number, high: number): number => low + (high - low) * random();
  const ranged = (value: number, spread: number, floor = -Infinity, ceiling = Infinity): Quantity => ({
    value,
    range: { low: Math.max(floor, value - spread), high: Math.min(ceiling, value + spread), dist: 'triangular' },
  });

  /** `n` members with shares summing to 1 (the last one takes what the others leave). */
  const members = (prefix: string, n: number, children?: (i: number) => Member[]): Member[] => {
    const weights = Array.from({ length: n }, () => between(0.2, 1));
    const sum = weights.reduce((a, b) => a + b, 0);
    const shares = weights.map((w) => w / sum);
    shares[n - 1] = Math.max(0, 1 - shares.slice(0, n - 1).reduce((a, b) => a + b, 0));
    return shares.map((share, i) => {
      const m: Member = {
        id: `${prefix}-${i}`,
        name: `${prefix} ${i}`,
        share: ranged(share, share * 0.2, 0, 1),
        growthDelta: ranged(between(-0.03, 0.05), 0.01),
      };
      if (children) m.children = children(i);
      return m;
    });
  };

  const { types, applications, regions, countriesPerRegion, baseYear, endYear } = LARGE_MODEL_SHAPE;
  const drivers: Driver[] = Array.from({ length: 8 }, (_, i) => ({
    id: `driver-${i}`,
    name: `Driver ${i}`,
    impact: ranged(i < 6 ? between(0.002, 0.02) : -between(0.002, 0.015), 0.005),
    startYear: baseYear + 1 + Math.floor(between(0, 10)),
    rampYears: 1 + Math.floor(between(0, 5)),
    enabled: i !== 3,
  }));

  return {
    unit: 'USD bn',
    baseYear,
    endYear,
    baseSize: ranged(120, 20, 1),
    baseGrowth: ranged(0.03, 0.01),
    drivers,
    dimensions: [
      { id: 'type', name: 'Product type', members: members('type', types) },
      { id: 'application', name: 'Application', members: members('application', applications) },
      {
        id: 'region',
        name: 'Region',
        members: members('region', regions, (r) => members(`region-${r}-country`, countriesPerRegion)),
      },
    ],
    simulation: { samples: 10_000, seed: 1 },
  };
}

/** The large model as a workspace file of its own (one scenario, no claims), as the app opens it. */
export function largeWorkspace(): Workspace {
  return {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    title: 'Large model',
    activeScenario: 'large',
    claims: [],
    scenarios: [{ id: 'large', name: 'Large', model: largeModel() }],
  };
}

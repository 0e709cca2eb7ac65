import { describe, expect, it } from 'vitest';
import { claimTolerance, driverStartYear } from '../../src/model/defaults';
import { runSamples } from '../../src/model/workspaceLimits';

describe('defaults of DESIGN.md §3', () => {
  it('a driver starts the year after the base year unless told otherwise', () => {
    expect(driverStartYear({ id: 'd', name: 'd', impact: { value: 0.01 } }, { baseYear: 2025 })).toBe(2026);
    expect(driverStartYear({ id: 'd', name: 'd', impact: { value: 0.01 }, startYear: 2030 }, { baseYear: 2025 })).toBe(2030);
  });
  it('an approx claim without a tolerance allows 5% on sizes and half a point on rates', () => {
    expect(claimTolerance({ id: 'c', label: '', metric: 'size', year: 2028, op: 'approx', value: 20, source: '' })).toBeCloseTo(1);
    expect(claimTolerance({ id: 'c', label: '', metric: 'cagr', fromYear: 2025, toYear: 2032, op: 'approx', value: 0.052, source: '' })).toBe(0.005);
  });
  it('a run draws the samples asked for, at most 200,000', () => {
    expect(runSamples({ samples: 1 })).toBe(1);
    expect(runSamples({ samples: 50_000 })).toBe(50_000);
    expect(runSamples({ samples: 200_000 })).toBe(200_000);
    expect(runSamples({ samples: 1_000_000 })).toBe(200_000);
  });
});

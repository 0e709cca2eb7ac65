/** The odds of a claim in words (issue 10, "Odds of the claims"). Runs in the en-US locale. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ForecastLayout } from '../../src/engine/forecastTypes';
import type { Claim } from '../../src/model/types';
import { claimCondition, claimGapText, claimStatusLabel, formatClaimOdds, formatProbability } from '../../src/ui/claimOdds';
import { assertProperty } from '../support/property';

/** A layout with the members the claims below name: only the parts the formatter reads. */
const layout = {
  years: [2025, 2026],
  series: [
    { key: 'region/na', name: 'North America' },
    { key: 'region/eu', name: 'Europe' },
  ],
  dimensions: [],
} as unknown as ForecastLayout;

const over20: Claim = { id: 'c', label: 'Over $20 B by 2028', metric: 'size', year: 2028, op: 'atLeast', value: 20, source: '' };

describe('formatClaimOdds', () => {
  it('writes a size claim on the total as the issue shows it: P(2028 ≥ $20 B) = 63%', () => {
    expect(formatClaimOdds(over20, 0.634, 'USD bn')).toBe('P(2028 ≥ $20 B) = 63%');
  });

  it('writes the odds near the ends as "P(…) < 1%" and "P(…) > 99%", never "= < 1%"', () => {
    expect(formatClaimOdds(over20, 0.001, 'USD bn')).toBe('P(2028 ≥ $20 B) < 1%');
    expect(formatClaimOdds(over20, 0.999, 'USD bn')).toBe('P(2028 ≥ $20 B) > 99%');
    expect(formatClaimOdds(over20, 0, 'USD bn')).toBe('P(2028 ≥ $20 B) = 0%');
    expect(formatClaimOdds(over20, 1, 'USD bn')).toBe('P(2028 ≥ $20 B) = 100%');
  });

  it('says "not checkable" when the claim cannot be checked (null)', () => {
    expect(formatClaimOdds(over20, null, 'USD bn')).toBe('P(2028 ≥ $20 B): not checkable');
  });

  it('writes a CAGR claim with both its years and a percent', () => {
    const cagr: Claim = { id: 'g', label: '', metric: 'cagr', fromYear: 2023, toYear: 2028, op: 'atLeast', value: 0.3, source: '' };
    expect(formatClaimOdds(cagr, 0.45, 'USD bn')).toBe('P(CAGR 2023–2028 ≥ 30%) = 45%');
    expect(formatClaimOdds({ ...cagr, member: 'region/na', op: 'atMost', value: 0.125 }, 0.5, 'USD bn', layout)).toBe(
      'P(CAGR of North America 2023–2028 ≤ 12.5%) = 50%',
    );
  });

  it('writes an "about" claim with its tolerance: the default 5% of a size, or the one given', () => {
    const approx: Claim = { ...over20, op: 'approx', value: 24.5 };
    expect(formatClaimOdds(approx, 0.2, 'USD bn')).toBe('P(2028 ≈ $24.5 B ± $1.23 B) = 20%');
    expect(formatClaimOdds({ ...approx, tolerance: 2 }, 0.2, 'USD bn')).toBe('P(2028 ≈ $24.5 B ± $2 B) = 20%');
  });

  it('writes the tolerance of an "about" share in percentage points, and names the member as the forecast does, else by its path', () => {
    const share: Claim = { id: 's', label: '', metric: 'share', year: 2030, member: 'region/na', op: 'approx', value: 0.4, source: '' };
    expect(formatClaimOdds(share, 0.7, 'USD bn', layout)).toBe('P(share of North America 2030 ≈ 40% ± 0.5 pp) = 70%');
    expect(claimCondition(share, 'USD bn')).toBe('share of region/na 2030 ≈ 40% ± 0.5 pp');
  });

  it('writes a member size claim with the member and the model unit', () => {
    expect(claimCondition({ ...over20, member: 'region/eu', op: 'atMost', value: 3.25 }, 'EUR m', layout)).toBe('Europe 2028 ≤ €3.25 M');
  });
});

describe('formatProbability', () => {
  it('writes 0 and 1 as 0% and 100%: every sample says so', () => {
    expect(formatProbability(0)).toBe('0%');
    expect(formatProbability(1)).toBe('100%');
  });

  it('never rounds a tiny chance to 0% nor a near certainty to 100%', () => {
    expect(formatProbability(1 / 200_000)).toBe('< 1%');
    expect(formatProbability(0.0049)).toBe('< 1%');
    expect(formatProbability(1 - 1 / 200_000)).toBe('> 99%');
    expect(formatProbability(0.9951)).toBe('> 99%');
  });

  it('rounds to a whole percent in between', () => {
    expect(formatProbability(0.005)).toBe('1%');
    expect(formatProbability(0.634)).toBe('63%');
    expect(formatProbability(0.99)).toBe('99%');
  });

  it('says "not checkable" for null', () => {
    expect(formatProbability(null)).toBe('not checkable');
  });

  it('is "0%" only for 0 and "100%" only for 1, and a whole percent within 1 of the probability otherwise', () => {
    assertProperty(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (p) => {
        const text = formatProbability(p);
        expect(text === '0%').toBe(p === 0);
        expect(text === '100%').toBe(p === 1);
        const whole = /^(\d+)%$/.exec(text);
        if (whole) expect(Math.abs(Number(whole[1]) - p * 100)).toBeLessThanOrEqual(0.5 + 1e-9);
        else if (p > 0 && p < 1) expect(['< 1%', '> 99%']).toContain(text);
      }),
    );
  });
});

describe('claimGapText: by how much a claim is missed', () => {
  it('says a size in the unit and a rate in percentage points, and which way', () => {
    expect(claimGapText(over20, { status: 'missed', gap: -1.25 }, 'USD bn')).toBe('$1.25 B too low');
    const cagr: Claim = { id: 'g', label: '', metric: 'cagr', fromYear: 2025, toYear: 2030, op: 'atMost', value: 0.05, source: '' };
    expect(claimGapText(cagr, { status: 'missed', gap: 0.008 }, 'USD bn')).toBe('0.8 pp too high');
  });

  it('says nothing of a claim met or not checkable', () => {
    expect(claimGapText(over20, { status: 'met', gap: 0 }, 'USD bn')).toBe('');
    expect(claimGapText(over20, { status: 'notCheckable' }, 'USD bn')).toBe('');
    expect([claimStatusLabel('met'), claimStatusLabel('missed'), claimStatusLabel('notCheckable')]).toEqual(['✓ met', '✗ missed', '– not checkable']);
  });
});

/**
 * An axis writes its ticks alike: the decimals of its step, for every tick (src/ui/charts/tickLabels.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scaleLinear } from '@visx/scale';
import { sizeTickLabels, tickDecimals, valueTickLabels } from '../../../src/ui/charts/tickLabels';
import { assertProperty } from '../../support/property';

describe('tickDecimals', () => {
  it.each([
    [[0, 5, 10, 15], 0],
    [[0, 2.5, 5], 1],
    [[0, 0.25, 0.5], 2],
    [[100, 200, 300], 0],
    [[0.1, 0.2, 0.3], 1],
  ])('of %j is %i', (ticks, decimals) => {
    expect(tickDecimals(ticks)).toBe(decimals);
  });

  it('leaves each tick its own digits where there is no step, or one that needs an exponent', () => {
    expect(tickDecimals([5])).toBeUndefined();
    expect(tickDecimals([])).toBeUndefined();
    expect(tickDecimals([0, 1e-9])).toBeUndefined();
  });
});

describe('sizeTickLabels', () => {
  it('writes the seed chart’s axis alike — not “$30.0 B” above “$5.00 B”', () => {
    expect(sizeTickLabels([0, 5, 10, 15, 20, 25, 30], 'USD bn')).toEqual(['$0 B', '$5 B', '$10 B', '$15 B', '$20 B', '$25 B', '$30 B']);
    expect(sizeTickLabels([0, 2.5, 5, 7.5], 'USD bn')).toEqual(['$0.0 B', '$2.5 B', '$5.0 B', '$7.5 B']);
  });

  it('gives every tick of any nice axis the same decimals, and different ticks different labels', () => {
    assertProperty(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: 1e-3, max: 1e9, noNaN: true }), fc.integer({ min: 2, max: 10 }), (low, span, count) => {
        const ticks = scaleLinear<number>({ domain: [low, low + span] }).ticks(count);
        if (ticks.length < 2) return;
        const labels = sizeTickLabels(ticks, 'USD bn');
        const decimals = labels.map((label) => label.match(/\.(\d+)/)?.[1]?.length ?? 0);
        expect(new Set(decimals).size).toBe(1);
        expect(new Set(labels).size).toBe(labels.length);
      }),
    );
  });
});

describe('valueTickLabels', () => {
  it('takes the caller’s own tick label first, then sizes in the unit, then the chart’s formatValue', () => {
    const formatValue = (v: number) => `v${v}`;
    expect(valueTickLabels([0, 5], { formatTick: (v) => `t${v}`, unit: 'USD bn', formatValue })).toEqual(['t0', 't5']);
    expect(valueTickLabels([0, 5], { unit: 'USD bn', formatValue })).toEqual(['$0 B', '$5 B']);
    expect(valueTickLabels([0, 5], { formatValue })).toEqual(['v0', 'v5']);
  });
});

/**
 * The span of a slider's track: it must not move under the pointer during a drag, and it must
 * always hold the value the slider shows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sliderDomain } from '../../src/ui/sliderDomain';
import type { Quantity } from '../../src/model/quantity';
import type { QuantityKind } from '../../src/model/quantityRef';
import { assertProperty } from '../support/property';

// Fixed here rather than read from the seed, whose ranges are its own business.
const baseSize: Quantity = { value: 17.18, range: { low: 15.5, high: 19, dist: 'triangular' } };
const aiImpact: Quantity = { value: 0.015, range: { low: 0.008, high: 0.022, dist: 'triangular' } };

describe('sliderDomain', () => {
  it('gives a share the whole of 0–100% in steps of 0.1 point', () => {
    expect(sliderDomain('share', { value: 0.4 }, 0.4)).toEqual({ min: 0, max: 1, step: 0.001 });
    expect(sliderDomain('share', undefined, 0.9)).toEqual({ min: 0, max: 1, step: 0.001 });
  });

  it('gives a size a track from 0 to twice the top of its saved range', () => {
    const domain = sliderDomain('size', baseSize, baseSize.value);
    expect(domain.min).toBe(0);
    expect(domain.max).toBe(38);
    expect(domain.step).toBeGreaterThan(0);
  });

  it('gives a rate a margin around its saved range, never below −100%', () => {
    const domain = sliderDomain('rate', aiImpact, aiImpact.value);
    expect(domain.min).toBeCloseTo(0.008 - 0.03, 12);
    expect(domain.max).toBeCloseTo(0.022 + 0.03, 12);
    expect(domain.step).toBe(0.0005);
    expect(sliderDomain('rate', { value: -0.99 }, -0.99).min).toBe(-1);
  });

  it('is stable during a drag: it depends on the saved quantity, not on the live value inside it', () => {
    const atRest = sliderDomain('size', baseSize, baseSize.value);
    for (const live of [0, 5, 17.18, 25.3, 38]) expect(sliderDomain('size', baseSize, live)).toEqual(atRest);
    const rateAtRest = sliderDomain('rate', aiImpact, aiImpact.value);
    for (const live of [-0.02, 0, 0.03, 0.05]) expect(sliderDomain('rate', aiImpact, live)).toEqual(rateAtRest);
  });

  it('widens for a live range’s end outside it (a typed low or high): the ends’ handles share the track', () => {
    const rateAtRest = sliderDomain('rate', aiImpact, aiImpact.value);
    const wider = sliderDomain('rate', aiImpact, aiImpact.value, { low: -0.2, high: 0.03, dist: 'triangular' });
    expect(wider.min).toBe(-0.2);
    expect(wider.max).toBe(rateAtRest.max);
    expect(sliderDomain('size', baseSize, baseSize.value, { low: 15, high: 90, dist: 'uniform' }).max).toBe(90);
  });

  it('widens for a live value outside it (a typed number), and only on that side', () => {
    const atRest = sliderDomain('size', baseSize, baseSize.value);
    const wide = sliderDomain('size', baseSize, 120);
    expect(wide.max).toBe(120);
    expect(wide.min).toBe(atRest.min);

    const rateAtRest = sliderDomain('rate', aiImpact, aiImpact.value);
    const low = sliderDomain('rate', aiImpact, -0.5);
    expect(low.min).toBe(-0.5);
    expect(low.max).toBe(rateAtRest.max);
    const high = sliderDomain('rate', aiImpact, 0.4);
    expect(high.max).toBe(0.4);
    expect(high.min).toBe(rateAtRest.min);
  });

  it('centres on the live value for a quantity the saved scenario does not have', () => {
    const domain = sliderDomain('rate', undefined, 0.02);
    expect(domain.min).toBeLessThan(0.02);
    expect(domain.max).toBeGreaterThan(0.02);
  });

  it('gives a saved size of 0 a usable track', () => {
    const domain = sliderDomain('size', { value: 0 }, 0);
    expect(domain.max).toBeGreaterThan(0);
    expect(domain.step).toBeGreaterThan(0);
  });

  it('always holds the live and the saved value, with at least 100 steps across the track', () => {
    // Values are 0 or at least 1e-9 in magnitude: a denormal size (1e-320) underflows the step
    // arithmetic, and no market is measured in such a unit.
    const realistic = (x: number) => (Math.abs(x) < 1e-9 ? 0 : x);
    const quantity = (min: number, max: number): fc.Arbitrary<Quantity> =>
      fc
        .tuple(fc.double({ min, max, noNaN: true }).map(realistic), fc.double({ min: 0, max: (max - min) / 4, noNaN: true }).map(realistic), fc.double({ min: 0, max: (max - min) / 4, noNaN: true }).map(realistic), fc.boolean())
        .map(([value, below, above, ranged]) =>
          ranged ? { value, range: { low: Math.max(min, value - below), high: Math.min(max, value + above), dist: 'triangular' } } : { value },
        );
    const cases = fc.oneof(
      fc.record({ kind: fc.constant<QuantityKind>('size'), saved: quantity(0, 1e6), live: fc.double({ min: 0, max: 1e7, noNaN: true }).map(realistic) }),
      fc.record({ kind: fc.constant<QuantityKind>('rate'), saved: quantity(-1, 10), live: fc.double({ min: -1, max: 10, noNaN: true }).map(realistic) }),
      fc.record({ kind: fc.constant<QuantityKind>('share'), saved: quantity(0, 1), live: fc.double({ min: 0, max: 1, noNaN: true }) }),
    );
    assertProperty(
      fc.property(cases, ({ kind, saved, live }) => {
        const { min, max, step } = sliderDomain(kind, saved, live);
        expect(min).toBeLessThanOrEqual(live);
        expect(live).toBeLessThanOrEqual(max);
        expect(min).toBeLessThanOrEqual(saved.value);
        expect(saved.value).toBeLessThanOrEqual(max);
        expect(step).toBeGreaterThan(0);
        // A rate near −100% loses part of its margin to the floor: 0.05 of track, 100 steps.
        expect((max - min) / step).toBeGreaterThanOrEqual(99.9);
      }),
    );
  });
});

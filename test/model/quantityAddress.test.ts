import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuantityAddress } from '../../src/model/quantityAddress';
import { quantityKey } from '../../src/model/quantityRef';
import { quantityRefs } from '../../src/model/quantityRef';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import { arbitraryModel } from '../support/arbitraries';
import { assertProperty } from '../support/property';

const seed = seedWorkspace().scenarios[0]!.model;

describe('quantity addresses', () => {
  it('formats every kind of quantity', () => {
    expect(quantityKey({ kind: 'baseSize' })).toBe('baseSize');
    expect(quantityKey({ kind: 'baseGrowth' })).toBe('baseGrowth');
    expect(quantityKey({ kind: 'driverImpact', driverId: 'ai' })).toBe('driver:ai');
    expect(quantityKey({ kind: 'memberShare', path: ['region', 'apac', 'cn'] })).toBe('share:region/apac/cn');
    expect(quantityKey({ kind: 'memberGrowthDelta', path: ['type', 'hw'] })).toBe('growthDelta:type/hw');
  });

  it('parses back every quantity of any model, against that model (round trip)', () => {
    assertProperty(
      fc.property(arbitraryModel({ maxYears: 5 }), (model) => {
        for (const ref of quantityRefs(model)) {
          expect(parseQuantityAddress(quantityKey(ref), model)).toEqual({ ok: true, ref });
        }
        const path = model.dimensions[0]?.members[0] ? [model.dimensions[0].id, model.dimensions[0].members[0].id] : undefined;
        if (path) expect(parseQuantityAddress(`growthDelta:${path.join('/')}`, model)).toEqual({ ok: true, ref: { kind: 'memberGrowthDelta', path } });
      }),
    );
  });

  it('names what is wrong with every bad address', () => {
    const error = (text: string) => {
      const result = parseQuantityAddress(text, seed);
      expect(result.ok).toBe(false);
      return result.ok ? '' : result.error;
    };
    expect(error('')).toContain('is not a quantity');
    expect(error('basesize')).toContain('"basesize" is not a quantity: use baseSize, baseGrowth, driver:<id>');
    expect(error('size:region/na')).toContain('"size" is not a kind of quantity');
    expect(error('driver:')).toContain('the driver id is missing');
    expect(error('driver:nope')).toContain('this model has no driver "nope" (it has: ');
    expect(error('share:region')).toContain('a member path is <dimension>/<member>');
    expect(error('share:region//cn')).toContain('the member path has an empty part');
    expect(error('share:nope/na')).toContain('this model has no dimension "nope"');
    expect(error('growthDelta:region/apac/zz')).toContain('this model has no member "region/apac/zz"');
    expect(error(`x${'y'.repeat(500)}`).length).toBeLessThan(300);
  });

  it('parses the syntax alone without a model', () => {
    expect(parseQuantityAddress('share:a/b/c')).toEqual({ ok: true, ref: { kind: 'memberShare', path: ['a', 'b', 'c'] } });
    expect(parseQuantityAddress('driver:x')).toEqual({ ok: true, ref: { kind: 'driverImpact', driverId: 'x' } });
  });
});

/**
 * Units of size (src/model/unit.ts): the one reading of "USD bn", used by the conversion in
 * structure edits and by the formatting on screen.
 */
import { describe, expect, it } from 'vitest';
import { readUnit, SCALE_WORDS, unitConversion } from '../../src/model/unit';

describe('readUnit', () => {
  it('reads a currency and a scale word, in any case and spacing', () => {
    expect(readUnit('USD bn')).toMatchObject({ base: 'usd', currency: 'USD', factor: 1e9, scaleLabel: 'B' });
    expect(readUnit('  eur   Million ')).toMatchObject({ base: 'eur', currency: 'EUR', factor: 1e6, scaleLabel: 'M' });
    expect(readUnit('USD tn')).toMatchObject({ currency: 'USD', factor: 1e12, scaleLabel: 'T' });
    expect(readUnit('CHF mio')).toMatchObject({ currency: 'CHF', factor: 1e6, scaleLabel: 'M' });
  });

  it('reads money without a scale, a count with a scale, and a plain noun', () => {
    expect(readUnit('USD')).toMatchObject({ base: 'usd', currency: 'USD', factor: 1, scaleLabel: '' });
    expect(readUnit('units k')).toMatchObject({ base: 'units', factor: 1e3, scaleLabel: 'K' });
    expect(readUnit('units k').currency).toBeUndefined();
    expect(readUnit('units sold')).toMatchObject({ base: 'units sold', factor: 1, scaleLabel: '' });
    expect(readUnit('bn')).toMatchObject({ base: '', factor: 1e9 });
  });
});

describe('unitConversion', () => {
  it('converts between scales of one base, and nothing else', () => {
    expect(unitConversion('USD bn', 'USD m')).toBe(1000);
    expect(unitConversion('USD m', 'USD bn')).toBe(0.001);
    expect(unitConversion('USD bn', 'USD tn')).toBe(0.001);
    expect(unitConversion('USD trillion', 'usd  mio')).toBe(1e6);
    expect(unitConversion('USD bn', 'USD')).toBe(1e9);
    expect(unitConversion('units m', 'units k')).toBe(1000);
    expect(unitConversion('USD bn', 'EUR bn')).toBeUndefined();
    expect(unitConversion('USD bn', 'units sold')).toBeUndefined();
    expect(unitConversion('USD bn', 'USD billion')).toBeUndefined();
    expect(unitConversion('bn', 'm')).toBeUndefined();
  });

  it('knows every scale word both ways', () => {
    for (const { words, factor } of SCALE_WORDS) {
      for (const word of words) expect(unitConversion(`USD ${word}`, 'USD')).toBe(factor);
    }
  });
});

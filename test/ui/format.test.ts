/** Numbers as a strategist reads them. The tests run in the en-US locale (Node's default here). */
import { describe, expect, it } from 'vitest';
import { SCALE_WORDS, unitConversion } from '../../src/model/unit';
import { formatCountOf, formatPercent, formatPoints, formatSignedPercent, formatSize, formatSizeRange, unitStyle } from '../../src/ui/format';

describe('formatSizeRange', () => {
  it('writes a range of sizes low to high, each end in the unit', () => {
    expect(formatSizeRange(21.34, 27.91, 'USD bn')).toBe('$21.3 B – $27.9 B');
    expect(formatSizeRange(9.5, 12.25, 'USD bn')).toBe('$9.50 B – $12.3 B');
    expect(formatSizeRange(Number.NaN, 3, 'units')).toBe('— – 3 units');
  });
});

describe('formatSize', () => {
  it('writes the seed base size, 17.18 "USD bn", as $17.2 B', () => {
    expect(formatSize(17.18, 'USD bn')).toBe('$17.2 B');
  });

  it('keeps about three significant digits', () => {
    expect(formatSize(1.62, 'USD bn')).toBe('$1.62 B');
    expect(formatSize(245.4, 'USD bn')).toBe('$245 B');
    expect(formatSize(1234.5, 'USD bn')).toBe('$1,235 B');
    expect(formatSize(0, 'USD bn')).toBe('$0.00 B');
  });

  it('reads other currencies and scales', () => {
    expect(formatSize(3.5, 'EUR m')).toBe('€3.50 M');
    expect(formatSize(12, 'GBP thousand')).toBe('£12.0 K');
    expect(formatSize(17.18, 'USD')).toBe('$17.2');
  });

  // Issue 9: the formatter did not know tn, trillion or mio, which the unit conversion does.
  it('writes a size converted from USD bn to USD tn as $0.02 T, as it writes billions as B', () => {
    const factor = unitConversion('USD bn', 'USD tn')!;
    expect(formatSize(17.18 * factor, 'USD tn')).toBe('$0.02 T');
    expect(formatSize(1.5, 'USD trillion')).toBe('$1.50 T');
    expect(formatSize(17180, 'CHF mio')).toMatch(/^CHF\s17,180 M$/);
  });

  it('writes every scale word the conversion knows with its letter, for any currency', () => {
    for (const { words, scaleLabel } of SCALE_WORDS) {
      for (const word of words) {
        expect(formatSize(2.5, `USD ${word}`)).toBe(`$2.50 ${scaleLabel}`);
        expect(formatSize(2.5, `EUR ${word.toUpperCase()}`)).toBe(`€2.50 ${scaleLabel}`);
      }
    }
  });

  it('writes a unit that is not money as a number followed by the unit', () => {
    expect(formatSize(1200, 'units sold')).toBe('1,200 units sold');
    expect(formatSize(12.5, 'units')).toBe('12.5 units');
    expect(formatSize(3.25, 'scanners')).toBe('3.25 scanners');
  });

  it('takes explicit digits', () => {
    expect(formatSize(17.18, 'USD bn', 2)).toBe('$17.18 B');
  });

  it('writes a dash, not NaN or ∞, for a number that is not finite', () => {
    expect(formatSize(Number.NaN, 'USD bn')).toBe('—');
    expect(formatSize(Number.POSITIVE_INFINITY, 'units')).toBe('—');
  });
});

describe('unitStyle', () => {
  it('tells money with a scale from a plain noun', () => {
    expect(unitStyle('USD bn')).toEqual({ currency: 'USD', scale: 'B' });
    expect(unitStyle(' eur  Million ')).toEqual({ currency: 'EUR', scale: 'M' });
    expect(unitStyle('units sold')).toEqual({ scale: '', noun: 'units sold' });
  });
});

describe('formatPercent and formatSignedPercent', () => {
  it('writes fractions as percents', () => {
    expect(formatPercent(0.052)).toBe('5.2%');
    expect(formatPercent(0.4)).toBe('40.0%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0.123456, 2)).toBe('12.35%');
  });

  it('gives growth a sign, and none to zero', () => {
    expect(formatSignedPercent(0.015)).toBe('+1.5%');
    expect(formatSignedPercent(-0.004)).toBe('-0.4%');
    expect(formatSignedPercent(0)).toBe('0.0%');
  });

  it('writes a dash for a number that is not finite', () => {
    expect(formatPercent(Number.NaN)).toBe('—');
    expect(formatSignedPercent(Number.NEGATIVE_INFINITY)).toBe('—');
  });

  // A tiny share that takes a whole market has a finite CAGR of 1e40%: 41 digits broke the member table.
  it('writes a percent beyond ±1,000,000% in scientific notation, short enough for a table cell', () => {
    expect(formatPercent(1e38)).toBe('1E40%');
    expect(formatPercent(1.234e38)).toBe('1.2E40%');
    expect(formatPercent(-1.234e38)).toBe('-1.2E40%');
    expect(formatSignedPercent(1.234e38)).toBe('+1.2E40%');
    expect(formatSignedPercent(-5e5, 2)).toBe('-5E7%');
    expect(formatPercent(Number.MAX_VALUE).length).toBeLessThanOrEqual(12);
  });

  it('keeps ordinary notation up to ±1,000,000%', () => {
    expect(formatPercent(9999.99)).toBe('999,999.0%');
    expect(formatSignedPercent(-9999.99)).toBe('-999,999.0%');
    expect(formatPercent(12.5)).toBe('1,250.0%');
    expect(formatPercent(1e4)).toBe('1E6%');
  });
});

describe('formatPoints', () => {
  it('writes a difference of two rates in points with a true minus', () => {
    expect(formatPoints(0.25)).toBe('+25.0 pp');
    expect(formatPoints(-0.004)).toBe('\u22120.4 pp');
    expect(formatPoints(0)).toBe('0.0 pp');
    expect(formatPoints(Number.NaN)).toBe('—');
  });

  it('writes a difference beyond ±1,000,000 points in scientific notation', () => {
    expect(formatPoints(1.234e38)).toBe('+1.2E40 pp');
    expect(formatPoints(-1.234e38)).toBe('\u22121.2E40 pp');
  });
});

describe('a value that rounds to zero has no sign', () => {
  it('writes −0 and a tiny negative size or share as zero', () => {
    expect(formatSize(-0, 'USD bn')).toBe(formatSize(0, 'USD bn'));
    expect(formatSize(-1e-12, 'USD bn')).toBe(formatSize(0, 'USD bn'));
    expect(formatSize(-0, 'units sold')).toBe('0 units sold');
    expect(formatPercent(-0)).toBe('0.0%');
    expect(formatPercent(-1e-9)).toBe('0.0%');
  });

  it('keeps the sign of a negative that shows', () => {
    expect(formatSize(-3, 'units sold')).toBe('-3 units sold');
    expect(formatPercent(-0.05)).toBe('-5.0%');
  });
});

describe('formatCountOf', () => {
  it('agrees the noun with the count, grouping large counts', () => {
    expect(formatCountOf(1, 'row')).toBe('1 row');
    expect(formatCountOf(0, 'row')).toBe('0 rows');
    expect(formatCountOf(2, 'more step')).toBe('2 more steps');
    expect(formatCountOf(1200, 'sample')).toBe('1,200 samples');
    expect(formatCountOf(3, 'quantity', 'quantities')).toBe('3 quantities');
  });
});

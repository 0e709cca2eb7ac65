/**
 * What a strategist types into a number box: percents for rates and shares, sizes in the model's
 * unit, and a message that says what is wrong instead of a silently wrong number.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuantityInput, parseWholeNumberInput, quantityInputText, typedValue } from '../../src/ui/quantityInput';
import type { QuantityKind } from '../../src/model/quantityRef';
import { SMALLEST_TYPED_MAGNITUDE } from '../../src/model/typedNumber';
import { assertProperty } from '../support/property';

/** The seed's unit: sizes in billions of US dollars. */
const UNIT = 'USD bn';

function accepted(text: string, kind: QuantityKind, unit = UNIT): number {
  const parsed = parseQuantityInput(text, kind, unit);
  if (!parsed.ok) throw new Error(`"${text}" (${kind}) was refused: ${parsed.message}`);
  return parsed.value;
}

function refusal(text: string, kind: QuantityKind, unit = UNIT): string {
  const parsed = parseQuantityInput(text, kind, unit);
  if (parsed.ok) throw new Error(`"${text}" (${kind}) was accepted as ${parsed.value}`);
  return parsed.message;
}

describe('parseQuantityInput: accepted input', () => {
  it.each([
    ['5.2', 'rate', 0.052],
    ['5,2', 'rate', 0.052],
    ['5.2%', 'rate', 0.052],
    ['5.2 %', 'rate', 0.052],
    [' 5.2 ', 'rate', 0.052],
    ['−0.4', 'rate', -0.004],
    ['–0.4%', 'rate', -0.004], // an en dash, as a report typesets a minus
    ['－0.4', 'rate', -0.004], // a full-width hyphen-minus
    ['-0.4', 'rate', -0.004],
    ['+1.5', 'rate', 0.015],
    ['.5', 'rate', 0.005],
    ['-100', 'rate', -1],
    ['40', 'share', 0.4],
    ['40%', 'share', 0.4],
    ['0', 'share', 0],
    ['100', 'share', 1],
    ['12,5', 'share', 0.125],
    ['17.18', 'size', 17.18],
    ['17,18', 'size', 17.18],
    ['0', 'size', 0],
    ['2e3', 'size', 2000],
    ['17 180', 'size', 17180],
    ['12 345,6', 'size', 12345.6],
    ['1’234.5', 'size', 1234.5],
    ['+1 000', 'rate', 10],
    ['1\u00a0000', 'rate', 10],
  ] as const)('reads "%s" as a %s of %f', (text, kind, value) => {
    expect(accepted(text, kind)).toBeCloseTo(value, 12);
  });

  it('reads rates and shares as percents, sizes as they are', () => {
    expect(accepted('5.2', 'rate')).toBeCloseTo(0.052, 12);
    expect(accepted('5.2', 'share')).toBeCloseTo(0.052, 12);
    expect(accepted('5.2', 'size')).toBe(5.2);
  });
});

describe('parseQuantityInput: a size pasted with its currency and scale', () => {
  it.each([
    ['$4.6 B', 4.6],
    ['$4.6B', 4.6],
    ['4.6 bn', 4.6],
    ['4.6bn', 4.6],
    ['USD 4.6 billion', 4.6],
    ['usd 4.6', 4.6],
    ['4.6 USD bn', 4.6],
    ['4.6 bn USD', 4.6],
    ['US$ 4.6 B', 4.6],
    ['$4600 million', 4.6],
    ['$4600 M', 4.6],
    ['4600 mn', 4.6],
    ['$0.5 tn', 500],
    ['$750 K', 0.00075],
    ['$17.18', 17.18],
    ['$12,5 B', 12.5],
    ['2e3 M', 2],
    ['$4 600 million', 4.6],
    ['4\u202f600 M USD', 4.6],
    ['USD 1’250 M', 1.25],
  ] as const)('reads "%s" in USD bn as %f', (text, value) => {
    expect(accepted(text, 'size')).toBe(value);
  });

  it('converts into the model’s own scale, whatever it is', () => {
    expect(accepted('$4.6 B', 'size', 'USD m')).toBe(4600);
    expect(accepted('€3 million', 'size', 'EUR')).toBe(3_000_000);
    expect(accepted('12 k units', 'size', 'units')).toBe(12_000);
    expect(accepted('12 k units sold', 'size', 'units sold k')).toBe(12);
    expect(accepted('4.6', 'size', 'USD m')).toBe(4.6);
  });

  it('refuses another currency, naming the model’s unit, and never converts it', () => {
    expect(refusal('€4.6 B', 'size')).toBe('“€4.6 B” is in another currency: this model counts USD bn');
    expect(refusal('4.6 EUR bn', 'size')).toBe('“4.6 EUR bn” is in another currency: this model counts USD bn');
    expect(refusal('A$4.6 B', 'size')).toBe('“A$4.6 B” is in another currency: this model counts USD bn');
    expect(refusal('$4.6 B', 'size', 'units')).toBe('“$4.6 B” is in another currency: this model counts units');
  });

  it('refuses words it does not know, and a second scale', () => {
    expect(refusal('4.6 apples', 'size')).toBe('“4.6 apples” is not a number in USD bn');
    expect(refusal('4.6 B B', 'size')).toBe('“4.6 B B” is not a number in USD bn');
    expect(refusal('4.6%', 'size')).toBe('“4.6%” is not a number in USD bn');
    expect(refusal('about 4.6', 'size')).toBe('“about 4.6” is not a number in USD bn');
  });

  it('judges the number first: an ambiguous one, a negative one, one too large', () => {
    expect(refusal('$1,200 M', 'size')).toContain('Write 1200 or 1.200');
    expect(refusal('-$4.6 B', 'size')).toMatch(/not a number/);
    expect(refusal('$-4.6 B', 'size')).toBe('A market size cannot be negative');
    expect(refusal('$2000 tn', 'size', 'USD')).toBe('That size is too large: at most 1,000,000,000,000,000 USD');
    expect(refusal('$1e300 tn', 'size')).toMatch(/^That size is too large/);
  });

  it('reads a rate or a share as before, whatever the unit', () => {
    expect(accepted('5.2%', 'rate', 'units')).toBeCloseTo(0.052, 12);
    expect(refusal('5.2 bn', 'rate')).toMatch(/not a number/);
  });
});

describe('parseQuantityInput: refused input, each with a message a person understands', () => {
  it('refuses text that is not a number and quotes what was typed', () => {
    const message = refusal('abc', 'size');
    expect(message).toMatch(/not a number/i);
    expect(message).toContain('abc');
    expect(refusal('abc', 'share')).toMatch(/not a number/i);
    expect(refusal('abc', 'rate')).toMatch(/not a number/i);
  });

  it.each(['', '   '])('asks for a number when "%s" is entered', (text) => {
    expect(refusal(text, 'size')).toBe('Type a number');
  });

  it.each([['1,200', '1200 or 1.200'], ['12,500%', '12500 or 12.500']])('refuses the ambiguous "%s" and says why', (text, choice) => {
    expect(refusal(text, 'size')).toContain(`Write ${choice.split(' or ')[0]} or ${choice.split(' or ')[1]}`);
  });

  it.each(['%', '-', '.', '5.2.1', '5 2', '1,2,3', '0x10', 'Infinity', 'NaN', '5%%', '€5'])(
    'refuses "%s" as not a number',
    (text) => {
      expect(refusal(text, 'rate')).toMatch(/not a number/i);
    },
  );

  it('refuses a negative share', () => {
    expect(refusal('-5', 'share')).toBe('A share cannot be negative');
    expect(refusal('−5%', 'share')).toBe('A share cannot be negative');
  });

  it('refuses a share above 100%', () => {
    expect(refusal('101', 'share')).toBe('A share cannot be more than 100%');
    expect(refusal('100.01', 'share')).toBe('A share cannot be more than 100%');
  });

  it('refuses a number too large to be a double (1e999 is Infinity), for every kind', () => {
    for (const kind of ['size', 'rate', 'share'] as const) {
      expect(refusal('1e999', kind)).toBe('That number is too large');
      expect(refusal('-1e999', kind)).toBe('That number is too large');
    }
  });

  it('refuses a negative market size', () => {
    expect(refusal('-3', 'size')).toBe('A market size cannot be negative');
    expect(refusal('−0.1', 'size')).toBe('A market size cannot be negative');
    expect(refusal('−1 000', 'size')).toBe('A market size cannot be negative');
  });

  it('refuses a size beyond what a file may hold, and takes one at the limit (the one rule, quantityBounds)', () => {
    expect(refusal('1e16', 'size')).toBe('That size is too large: at most 1,000,000,000,000,000 USD bn');
    expect(accepted('1e15', 'size')).toBe(1e15);
    expect(accepted('5e13', 'size')).toBe(5e13);
  });

  it('refuses growth below −100% or above 1,000% a year', () => {
    expect(refusal('-100.5', 'rate')).toMatch(/below −100%/);
    expect(refusal('1001', 'rate')).toMatch(/1,000%/);
  });

  it('keeps the quoted text short, so a pasted essay cannot flood the message', () => {
    const message = refusal('x'.repeat(5000), 'size');
    expect(message.length).toBeLessThan(80);
  });
});

describe('quantityInputText', () => {
  it('shows rates and shares as percents without float noise', () => {
    expect(quantityInputText(0.052, 'rate')).toBe('5.2');
    expect(quantityInputText(0.4, 'share')).toBe('40');
    expect(quantityInputText(0.07, 'share')).toBe('7');
    expect(quantityInputText(-0.004, 'rate')).toBe('-0.4');
    expect(quantityInputText(17.18, 'size')).toBe('17.18');
  });

  it('shows a value too small for its digits with its own, never as 0: it reads back as itself', () => {
    expect(quantityInputText(0.00001234, 'size')).toBe('0.00001234');
    expect(accepted('0.00001234', 'size')).toBe(0.00001234);
    expect(accepted('1e-300', 'size')).toBe(1e-300);
    // A file's subnormal is shown as it is, never as 0 — but cannot be typed (below).
    expect(quantityInputText(5e-324, 'size')).toBe('5e-324');
    expect(quantityInputText(-1e-10, 'rate')).toBe('-1e-8');
    expect(quantityInputText(0, 'size')).toBe('0');
    expect(quantityInputText(-0, 'rate')).toBe('0');
  });

  it('refuses a number too small to compute with (a subnormal), naming it; 0 and 1e-300 are fine', () => {
    // A size of 5e-324 grown at 5.2% a year stays 5e-324: the headline's CAGR read 0.0%.
    for (const kind of ['size', 'rate', 'share'] as const) {
      expect(refusal('5e-324', kind)).toBe('“5e-324” is too small to compute with: type 0, or a number of at least 1e-300');
      expect(refusal('−1e-310', kind)).toMatch(/too small to compute with/);
    }
    expect(refusal('1e-320 B', 'size')).toMatch(/“1e-320” is too small/);
    expect(accepted('0', 'size')).toBe(0);
  });

  it('reads back, through parseQuantityInput, as the value it shows (to the precision shown)', () => {
    // Every value a box can take: 0, or a magnitude of at least 1e-300 (the refusal above).
    const typable = (value: number) => value === 0 || Math.abs(value) >= SMALLEST_TYPED_MAGNITUDE;
    const cases = fc.oneof(
      fc.record({ kind: fc.constant<QuantityKind>('share'), value: fc.double({ min: 0, max: 1, noNaN: true }).filter(typable) }),
      fc.record({ kind: fc.constant<QuantityKind>('rate'), value: fc.double({ min: -1, max: 10, noNaN: true }).filter(typable) }),
      fc.record({ kind: fc.constant<QuantityKind>('size'), value: fc.double({ min: 0, max: 1e12, noNaN: true }).filter(typable) }),
    );
    assertProperty(
      fc.property(cases, ({ kind, value }) => {
        const back = accepted(quantityInputText(value, kind), kind);
        // Three decimals of a percent, or four of a size.
        const precision = kind === 'size' ? 5e-5 * Math.max(1, value * 1e-12) : 5e-6;
        expect(Math.abs(back - value)).toBeLessThanOrEqual(precision + Number.EPSILON * Math.abs(value) * 4);
      }),
    );
  });
});

describe('parseWholeNumberInput (the samples and the seed)', () => {
  const samples = (text: string) => parseWholeNumberInput(text, 1_000, 200_000);
  const refusalOf = (text: string) => {
    const parsed = samples(text);
    if (parsed.ok) throw new Error(`"${text}" was accepted as ${parsed.value}`);
    return parsed.message;
  };

  it.each([
    ['50000', 50_000],
    [' 50,000 ', 50_000],
    ['50 000', 50_000],
    ['200000', 200_000],
    ['1000', 1_000],
    ['1e4', 10_000],
  ])('takes "%s" as %d', (text, value) => {
    expect(samples(text)).toEqual({ ok: true, value });
  });

  it('names the range, and says what is wrong with the number typed', () => {
    expect(refusalOf('')).toBe('Type a whole number from 1,000 to 200,000');
    expect(refusalOf('500')).toBe('500 is too small: type a whole number from 1,000 to 200,000');
    expect(refusalOf('300000')).toBe('300,000 is too large: type a whole number from 1,000 to 200,000');
    expect(refusalOf('2500.5')).toBe('2500.5 is not a whole number: type a whole number from 1,000 to 200,000');
    expect(refusalOf('lots')).toBe('“lots” is not a number: type a whole number from 1,000 to 200,000');
    expect(refusalOf('50.000')).toBe('Write 50000 or 50: “50.000” could mean either');
  });

  it('refuses a negative seed and one beyond 2^32 − 1, and takes both ends', () => {
    const seed = (text: string) => parseWholeNumberInput(text, 0, 0xffff_ffff);
    expect(seed('0')).toEqual({ ok: true, value: 0 });
    expect(seed('4294967295')).toEqual({ ok: true, value: 4_294_967_295 });
    expect(seed('−1')).toEqual({ ok: false, message: '-1 is too small: type a whole number from 0 to 4,294,967,295' });
    expect(seed('4294967296')).toEqual({ ok: false, message: '4,294,967,296 is too large: type a whole number from 0 to 4,294,967,295' });
  });
});

describe('typedValue', () => {
  it('turns a typed percent into the fraction the decimal means, without float noise', () => {
    expect(5.2 / 100).not.toBe(0.052);
    expect(typedValue(5.2, 'rate')).toBe(0.052);
    expect(typedValue(0.3, 'share')).toBe(0.003);
    expect(parseQuantityInput('5.2', 'rate', UNIT)).toEqual({ ok: true, value: 0.052 });
    expect(typedValue(17.18, 'size')).toBe(17.18);
  });
});

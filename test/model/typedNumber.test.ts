/**
 * The one home of how a typed or pasted number writes its minus sign and its plain decimal form:
 * every reader of typed numbers (number boxes, settings, a pasted table of shares) uses it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLAIN_DECIMAL, withPlainMinus } from '../../src/model/typedNumber';
import { assertProperty } from '../support/property';

/** The minus signs people paste: the true minus, the figure dash, the en dash, the small and the full-width hyphen-minus. */
const MINUS_SIGNS = ['\u2212', '\u2012', '\u2013', '\ufe63', '\uff0d'];

describe('withPlainMinus', () => {
  it.each(MINUS_SIGNS)('reads %s as a minus, wherever it stands, and trims', (sign) => {
    expect(withPlainMinus(` ${sign}0.4 `)).toBe('-0.4');
    expect(withPlainMinus(`5e${sign}3`)).toBe('5e-3');
  });

  it('leaves a hyphen-minus, a plus and every other character as they are', () => {
    expect(withPlainMinus('-1,5 %')).toBe('-1,5 %');
    expect(withPlainMinus('+2')).toBe('+2');
    expect(withPlainMinus('USD 4 600 million')).toBe('USD 4 600 million');
    // An em dash is a pause in a sentence, not a sign.
    expect(withPlainMinus('—5')).toBe('—5');
  });

  it('gives back, for any number written with any of the signs, the number JavaScript writes', () => {
    assertProperty(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...MINUS_SIGNS), (value, sign) => {
        const plain = String(value);
        const typed = withPlainMinus(plain.replace(/-/g, sign));
        expect(PLAIN_DECIMAL.test(typed)).toBe(true);
        // String(−0) is "0": the same number to every reader.
        expect(Number(typed) === value).toBe(true);
      }),
    );
  });
});

describe('PLAIN_DECIMAL', () => {
  it.each(['5', '-5', '+5', '5.', '.5', '0.052', '1e3', '1E-3', '2.5e+10'])('takes %s', (text) => {
    expect(PLAIN_DECIMAL.test(text)).toBe(true);
  });

  it.each(['', '.', '-', '1,5', '1 000', '0x10', 'Infinity', 'NaN', '1e', '5%', '--5', '5-'])('refuses %j', (text) => {
    expect(PLAIN_DECIMAL.test(text)).toBe(false);
  });
});

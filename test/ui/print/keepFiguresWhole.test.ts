/**
 * The printed summary's figures are kept whole on its narrow columns (src/ui/print/keepFiguresWhole.ts).
 */
import { describe, expect, it } from 'vitest';
import { keepFiguresWhole } from '../../../src/ui/print/keepFiguresWhole';

const NBSP = '\u00a0';
const WJ = '\u2060';

describe('keepFiguresWhole', () => {
  it('keeps a figure with its scale, and a range of years, on one line', () => {
    expect(keepFiguresWhole('forecast $20.0 B')).toBe(`forecast $20.0${NBSP}B`);
    expect(keepFiguresWhole('+25.0 pp a year')).toBe(`+25.0${NBSP}pp a year`);
    expect(keepFiguresWhole("this scenario's years 2025–2032")).toBe(`this scenario's years 2025${WJ}–${WJ}2032`);
    expect(keepFiguresWhole('$21.3 B–$27.9 B')).toBe(`$21.3${NBSP}B${WJ}–${WJ}$27.9${NBSP}B`);
  });

  it('leaves words, and numbers before words, to wrap as they will', () => {
    expect(keepFiguresWhole('Over 20 billion by 2028')).toBe('Over 20 billion by 2028');
    expect(keepFiguresWhole('1,200 units sold')).toBe('1,200 units sold');
    expect(keepFiguresWhole('<b>bold</b> = 1')).toBe('<b>bold</b> = 1');
  });
});

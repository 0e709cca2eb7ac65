import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelNames, isValidExcelName, MAX_EXCEL_NAME_LENGTH } from '../../../src/io/office/excelNames';
import { quantityKey } from '../../../src/model/quantityRef';
import { seedWorkspace } from '../../../src/model/seedWorkspace';
import { quantityRefs } from '../../../src/model/quantityRef';
import { assertProperty } from '../../support/property';

describe('isValidExcelName', () => {
  it('accepts names of letters, digits, underscores and periods that start with a letter or underscore', () => {
    for (const name of ['baseSize', 'share.region.na', '_2x', 'driver.ai_algos', 'ABCD1', 'R1C1x', 'a'.repeat(255)]) expect(isValidExcelName(name), name).toBe(true);
  });

  it('refuses cell references, logical values, bad characters, a leading digit and more than 255 characters', () => {
    for (const name of ['', 'A1', 'xfd1048576', 'AB12', 'R1C1', 'r', 'C', 'R2', 'c3', 'RC', 'TRUE', 'false', '1x', '.x', 'a b', 'a-b', 'é', 'a'.repeat(256)]) {
      expect(isValidExcelName(name), name).toBe(false);
    }
  });
});

describe('excelNames', () => {
  it('makes a readable name of each quantity key', () => {
    expect(excelNames(['baseSize', 'baseGrowth', 'driver:ai-algos', 'share:region/na/us', 'growthDelta:region/na'])).toEqual([
      'baseSize',
      'baseGrowth',
      'driver.ai_algos',
      'share.region.na.us',
      'growthDelta.region.na',
    ]);
  });

  it('mends nasty keys: cell references, logical values, leading digits and periods, foreign and empty text, 300 characters', () => {
    const keys = ['A1', 'R1C1', 'r', 'TRUE', '1st', '.x', 'é/ü', '', '=HYPERLINK("x")', 'x'.repeat(300), 'AB12'];
    const names = excelNames(keys);
    expect(names.slice(0, 9)).toEqual(['_A1', '_R1C1', '_r', '_TRUE', '_1st', '_.x', '_._', '_', '_HYPERLINK__x__']);
    expect(names[9]).toHaveLength(MAX_EXCEL_NAME_LENGTH);
    for (const name of names) expect(isValidExcelName(name), name).toBe(true);
  });

  it('keeps names unique case-insensitively, also against reserved names, within 255 characters', () => {
    const long = 'y'.repeat(300);
    expect(excelNames(['driver:a-b', 'driver:a_b', 'DRIVER:A-B', 'BaseYear', long, long], ['BaseYear'])).toEqual([
      'driver.a_b',
      'driver.a_b_2',
      'DRIVER.A_B_3',
      'BaseYear_2',
      'y'.repeat(255),
      `${'y'.repeat(253)}_2`,
    ]);
  });

  it('names every quantity of the seed workspace by its key', () => {
    const model = seedWorkspace().scenarios[0]!.model;
    const keys = quantityRefs(model).map(quantityKey);
    expect(excelNames(keys).map((name) => name.toLowerCase())).toEqual(keys.map((key) => key.replace(/[:/]/g, '.').replace(/-/g, '_').toLowerCase()));
  });

  it('gives any list of keys valid names, unique case-insensitively (property)', () => {
    const key = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.stringMatching(/^[A-Za-z]{1,3}[0-9]{1,7}$/), fc.constantFrom('R1C1', 'rc', 'TRUE', 'baseSize'));
    assertProperty(
      fc.property(fc.array(key, { maxLength: 40 }), fc.array(fc.constantFrom('BaseYear', 'EndYear', 'baseSize'), { maxLength: 3 }), (keys, reserved) => {
        const names = excelNames(keys, reserved);
        expect(names).toHaveLength(keys.length);
        for (const name of names) expect(isValidExcelName(name), name).toBe(true);
        const lower = [...names, ...new Set(reserved)].map((n) => n.toLowerCase());
        expect(new Set(lower).size).toBe(lower.length);
      }),
    );
  });
});

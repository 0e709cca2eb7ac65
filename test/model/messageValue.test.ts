import fc from 'fast-check';
import { assertProperty } from '../support/property';
import { describe, expect, it } from 'vitest';
import { ECHO_LENGTH, capped, describeFound, formatCount, formatNumberForMessage, listedIds, quoted } from '../../src/model/messageValue';

describe('quoted: a value of the file inside a message', () => {
  it('quotes short text as it is', () => {
    expect(quoted('excalidraw')).toBe('"excalidraw"');
    expect(quoted('')).toBe('""');
  });

  it(`keeps at most ${ECHO_LENGTH} characters of a long text, cut with an ellipsis`, () => {
    const shown = quoted('x'.repeat(5_000_000));
    expect(shown).toBe(`"${'x'.repeat(ECHO_LENGTH)}…"`);
  });

  it('escapes quotes, backslashes, line breaks, control and invisible characters', () => {
    expect(quoted('a"b\\c\nd\te\u0000f\u202eg\u200bh\ufeffi')).toBe('"a\\"b\\\\c\\nd\\te\\u0000f\\u202eg\\u200bh\\ufeffi"');
  });

  it('never cuts a character in two, and counts an escape for its length', () => {
    expect(quoted(`${'x'.repeat(ECHO_LENGTH - 1)}😀`)).toBe(`"${'x'.repeat(ECHO_LENGTH - 1)}…"`);
    expect(quoted(`${'x'.repeat(ECHO_LENGTH - 2)}\u202e`)).toBe(`"${'x'.repeat(ECHO_LENGTH - 2)}…"`);
  });

  it('escapes an invisible character beyond U+FFFF as its two surrogates, which read back as it (found by the property below)', () => {
    expect(quoted('\u{110BD}')).toBe('"\\ud804\\udcbd"');
    expect(JSON.parse(quoted('a\u{110BD}b'))).toBe('a\u{110BD}b');
  });

  it('always gives one short quoted text with nothing unescaped that could end it or hide', () => {
    assertProperty(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const shown = quoted(text);
        expect(shown.length).toBeLessThanOrEqual(ECHO_LENGTH + 3);
        const inside = shown.slice(1, -1);
        expect(inside).not.toMatch(/(?<!\\)(\\\\)*"|[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
        // What is kept reads back as the start of the text.
        const kept = inside.endsWith('…') && text.length > 0 && !text.endsWith('…') ? inside.slice(0, -1) : inside;
        expect(text.startsWith(JSON.parse(`"${kept}"`) as string)).toBe(true);
      }),
    );
  });
});

describe('capped: free text for a message', () => {
  it('cuts long text with an ellipsis, never inside a surrogate pair', () => {
    expect(capped('abc', 5)).toBe('abc');
    expect(capped('abcdef', 5)).toBe('abcde…');
    expect(capped('abcd😀', 5)).toBe('abcd…');
  });
});

describe('describeFound', () => {
  it('names what stands where something else belongs, never a list or object whole', () => {
    expect(describeFound('17')).toBe('the text "17"');
    expect(describeFound(1.5)).toBe('1.5');
    expect(describeFound(Infinity)).toContain('too large');
    expect(describeFound(null)).toBe('null');
    expect(describeFound(['x'.repeat(1_000)])).toBe('a list');
    expect(describeFound({ a: 1 })).toBe('an object');
    expect(describeFound(undefined)).toBe('nothing');
    expect(describeFound('y'.repeat(1_000)).length).toBeLessThan(ECHO_LENGTH + 20);
  });
});

describe('listedIds: the ids of a file inside a message', () => {
  it('lists a few ids in full, quoted', () => {
    expect(listedIds([])).toBe('');
    expect(listedIds(['base', 'bull', 'bear'])).toBe('"base", "bull", "bear"');
  });

  it('lists the first five of many, each cut short, and counts the others', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `s${i}-${'w'.repeat(200)}`);
    const listed = listedIds(ids);
    expect(listed).toMatch(/^"s0-w+…", "s1-w+…", "s2-w+…", "s3-w+…", "s4-w+…" and 95 more$/);
    expect(listed.length).toBeLessThan(250);
  });
});

describe('formatCount', () => {
  it('groups the thousands of a count', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(12_000)).toBe('12,000');
    expect(formatCount(200_000)).toBe('200,000');
    expect(formatCount(1_000_000)).toBe('1,000,000');
  });
});

describe('formatNumberForMessage', () => {
  it('groups large whole numbers, rounds float noise, keeps years', () => {
    expect(formatNumberForMessage(4294967295)).toBe('4,294,967,295');
    expect(formatNumberForMessage(0.9500000000000001)).toBe('0.95');
    expect(formatNumberForMessage(2025)).toBe('2025');
  });

  it('writes a huge number with an exponent, never hundreds of digits, and −0 without a sign', () => {
    expect(formatNumberForMessage(1e21)).toBe('1e21');
    expect(formatNumberForMessage(1.5e25)).toBe('1.5e25');
    expect(formatNumberForMessage(-Number.MAX_VALUE)).toBe('-1.797693135e308');
    expect(formatNumberForMessage(5e-324)).toBe('5e-324');
    expect(formatNumberForMessage(-0)).toBe('0');
  });

  it('stays short for any number', () => {
    assertProperty(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
      // The longest: a negative whole number just under 1e21 with its commas, 28 characters.
      expect(formatNumberForMessage(n).length).toBeLessThanOrEqual(28);
    }));
  });
});

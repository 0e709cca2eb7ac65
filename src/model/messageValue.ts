/**
 * How a value from a file appears inside a message: the one place that decides it.
 *
 * A file is hostile until proven otherwise: its `format` may be five megabytes of text, a key may
 * hold line breaks or right-to-left overrides. Every message that repeats something the file said
 * (a format, a version, a key, an unknown field's name, an id) goes through `quoted`, which keeps at
 * most `ECHO_LENGTH` characters, ends a cut with "…", and writes quotes, control characters and
 * invisible formatting characters as escapes — so a refusal stays short and reads as what it is.
 */

/** The most characters of a value from a file that a message repeats. */
export const ECHO_LENGTH = 80;

const ELLIPSIS = '…';

/**
 * Characters written as escapes inside quotes: the quote and backslash (so the quoted text cannot
 * end early), control characters (line breaks, NUL, DEL …) and Unicode's invisible formatting
 * characters (right-to-left overrides, zero-width spaces, the byte-order mark), which could make a
 * message read as something else.
 */
const NEEDS_ESCAPE = /["\\\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `text` in double quotes, safe to put in a message: at most `max` characters between the quotes
 * (an escape counts for its length), cut with "…" when longer. Reads only as far as it keeps, so a
 * value of any length costs the same.
 */
export function quoted(text: string, max = ECHO_LENGTH): string {
  let out = '';
  let i = 0;
  for (; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const char = String.fromCodePoint(code);
    const written = NEEDS_ESCAPE.test(char) ? (SHORT_ESCAPES[char] ?? unicodeEscape(char)) : char;
    if (out.length + written.length > max) break;
    out += written;
    i += char.length;
  }
  return `"${i < text.length ? out + ELLIPSIS : out}"`;
}

/** `\uXXXX` for each UTF-16 unit of `char`: a character beyond U+FFFF (an invisible one such as U+110BD) as its two surrogates, as JSON reads it. */
function unicodeEscape(char: string): string {
  let out = '';
  for (let k = 0; k < char.length; k++) out += `\\u${char.charCodeAt(k).toString(16).padStart(4, '0')}`;
  return out;
}

/**
 * Ids from a file for a message: the first `shown`, each quoted and cut to 40 characters, then
 * how many others — `"a", "b", "c", "d", "e" and 95 more` — so a list of any length stays short.
 */
export function listedIds(ids: readonly string[], shown = 5): string {
  const listed = ids.slice(0, shown).map((id) => quoted(id, 40));
  return ids.length > shown ? `${listed.join(', ')} and ${formatNumberForMessage(ids.length - shown)} more` : listed.join(', ');
}

/**
 * Free text for a message that is not a value of the file (an exception's message, a reason):
 * at most `max` characters, cut with "…", never inside a pair of UTF-16 surrogates.
 */
export function capped(text: string, max = 200): string {
  if (text.length <= max) return text;
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}${ELLIPSIS}`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** A count with its thousands grouped: 50000 as 50,000. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * Writes a number for a message: 4294967295 as 4,294,967,295 and 0.9500000000000001 as 0.95; years
 * stay 2025; from 10²¹ (where JavaScript itself turns to an exponent) 1.5e25, never 300 digits; −0 as 0.
 */
export function formatNumberForMessage(n: number): string {
  if (Object.is(n, -0)) return '0';
  if (Number.isInteger(n) && Math.abs(n) >= 100_000 && Math.abs(n) < 1e21) return formatCount(n);
  const rounded = Number(n.toPrecision(10));
  // Near the largest double, ten digits round up past it: write the digits, not Infinity.
  const written = Number.isFinite(rounded) ? String(rounded) : n.toPrecision(10).replace(/\.?0+e/, 'e');
  return written.replace('e+', 'e');
}

/**
 * What a file holds where something else belongs, as a person would describe it: `the text "17"`,
 * `1.5`, `null`, `a list`, `an object`. Never the contents of a list or an object.
 */
/** A share or rate (a fraction) as a person reads it in a message: 0.125 → "12.5%" (`digits` after the point at most). */
export function percentForMessage(fraction: number, digits = 1): string {
  return `${Number((fraction * 100).toFixed(digits))}%`;
}

export function describeFound(found: unknown): string {
  if (typeof found === 'string') return `the text ${quoted(found)}`;
  if (typeof found === 'number') {
    // JSON.parse reads a number too large for a double (1e999) as Infinity.
    if (!Number.isFinite(found)) return `${found} (a number too large or not a number at all)`;
    return formatNumberForMessage(found);
  }
  if (found === null) return 'null';
  if (Array.isArray(found)) return 'a list';
  if (typeof found === 'object') return 'an object';
  if (found === undefined) return 'nothing';
  return String(found);
}

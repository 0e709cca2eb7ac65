/**
 * What a person types into a number box, turned into a model value — or a message that says what
 * is wrong. Rates and shares are typed as percents ("5.2" or "5.2%" means 0.052); sizes in the
 * model's unit, or pasted with a currency and a scale ("$4.6 B", "USD 4,600 million"), which are
 * read into it.
 */
import { formatNumberForMessage, percentForMessage } from '../model/messageValue';
import { quantityBounds, type QuantityKind } from '../model/quantityRef';
import { PLAIN_DECIMAL, SMALLEST_TYPED_MAGNITUDE, withPlainMinus } from '../model/typedNumber';
import { isCurrency, readUnit, scaleOfWord } from '../model/unit';
import { formatCount, withTrueMinus } from './format';

export type ParsedInput = { ok: true; value: number } | { ok: false; message: string };


/**
 * "1,200" is a thousand and two hundred in some countries and one point two in others: rather
 * than guess (and be wrong by a factor of a thousand), such input is refused with a question.
 */
const AMBIGUOUS_COMMA = /^[-+]?\d{1,3},\d{3}$/;

/** What groups thousands and is never a decimal mark: a space (any of them) or an apostrophe. */
const GROUP_MARKS = "\\s\\u00a0\\u202f'\\u2019";

/** Thousands grouped by GROUP_MARKS, then perhaps a decimal part after a point or a comma: "4 600", "12 345,6", "1’234.5". Never ambiguous. */
const SPACE_GROUPED = new RegExp(`^([-+]?)(\\d{1,3}(?:[${GROUP_MARKS}]\\d{3})+)(?:[.,](\\d+))?$`);

/** Accepts "5.2", "5,2", "5.2%", " 17.18 ", "−0.4" (typographic minus), "4 600". */
function readNumber(text: string): number | 'ambiguous' | undefined {
  const cleaned = withPlainMinus(text).replace(/%$/, '').trim();
  const grouped = SPACE_GROUPED.exec(cleaned);
  if (grouped !== null) return Number(`${grouped[1]}${(grouped[2] ?? '').replace(/\D/g, '')}.${grouped[3] ?? '0'}`);
  if (AMBIGUOUS_COMMA.test(cleaned)) return 'ambiguous';
  const decimal = cleaned.replace(/(\d),(\d)/g, '$1.$2');
  if (!PLAIN_DECIMAL.test(decimal)) return undefined;
  return Number(decimal);
}

/**
 * A number as typed, read by its writing alone — no bounds: the caller's rule judges the value
 * (the number boxes' below; a claim's, the file's schema). Still in the typed terms: a percent
 * stays 5.2 (`typedValue` turns it into the model's 0.052).
 */
export function readTypedNumber(text: string): ParsedInput {
  const number = readNumber(text);
  if (text.trim() === '') return { ok: false, message: 'Type a number' };
  if (number === 'ambiguous') {
    const [whole, part] = text.trim().replace(/%$/, '').split(',');
    return { ok: false, message: `Write ${whole}${part} or ${whole}.${part}: “${text.trim()}” could mean either` };
  }
  if (number === undefined) return { ok: false, message: `“${text.trim().slice(0, 40)}” is not a number` };
  if (!Number.isFinite(number)) return { ok: false, message: 'That number is too large' };
  if (number !== 0 && Math.abs(number) < SMALLEST_TYPED_MAGNITUDE) {
    return { ok: false, message: `“${text.trim().slice(0, 40)}” is too small to compute with: type 0, or a number of at least ${SMALLEST_TYPED_MAGNITUDE}` };
  }
  return { ok: true, value: number };
}

/**
 * A typed number as the model holds it: sizes as typed, rates and shares from percents to
 * fractions — the fraction the typed decimal means (5.2 → 0.052, where 5.2 / 100 is
 * 0.052000000000000005, which a saved file would then show).
 */
export function typedValue(typed: number, kind: QuantityKind): number {
  return kind === 'size' ? typed : Number((typed / 100).toPrecision(15));
}

/**
 * A typed value of a quantity of this kind. `unit` is the model's unit, which a size is read into
 * (a rate's or a share's ignores it).
 */
export function parseQuantityInput(text: string, kind: QuantityKind, unit: string): ParsedInput {
  const typed = readTypedQuantity(text, kind, unit);
  if (!typed.ok) return typed;
  // The file's bounds (quantityBounds): what a box takes, a file may hold, and the other way round.
  const { min, max } = quantityBounds(kind);
  const value = typedValue(typed.value, kind);
  switch (kind) {
    case 'share':
      if (value < min) return { ok: false, message: 'A share cannot be negative' };
      if (value > max) return { ok: false, message: `A share cannot be more than ${percentForMessage(max)}` };
      return { ok: true, value };
    case 'rate':
      if (value < min) return { ok: false, message: `A growth rate cannot be below ${withTrueMinus(percentForMessage(min))}` };
      if (value > max) return { ok: false, message: `A growth rate above ${formatCount(max * 100)}% a year is not plausible` };
      return { ok: true, value };
    case 'size':
      if (value < min) return { ok: false, message: 'A market size cannot be negative' };
      if (value > max) return { ok: false, message: `That size is too large: at most ${formatNumberForMessage(max)}${unit.trim() === '' ? '' : ` ${unit.trim()}`}` };
      return { ok: true, value };
  }
}

/**
 * A number typed for a quantity of this kind, by its writing alone (no bounds, as readTypedNumber):
 * a size may come with the model's currency and a scale, and is then read into `unit`.
 */
export function readTypedQuantity(text: string, kind: QuantityKind, unit: string): ParsedInput {
  return kind === 'size' ? readSize(text, unit) : readTypedNumber(text);
}

/** A size as written: what stands before the number (a currency), the number, and the words after it. */
const SIZE_TEXT = new RegExp(
  `^(?<before>[^\\d\\s+.,-]*)\\s*(?<number>[-+]?(?:\\d{1,3}(?:[${GROUP_MARKS}]\\d{3})+(?:[.,]\\d+)?|\\d[\\d.,]*|[.,]\\d+)(?:e[-+]?\\d+)?)\\s*(?<after>\\S.*)?$`,
  'iu',
);

/**
 * A size typed or pasted, in the model's unit: a number, optionally with the model's currency
 * before or after it (its code or its symbol: "$4.6", "USD 4.6", "4.6 USD") and a scale word after
 * it ("4.6 B", "4.6bn", "4,600 million"), which converts it: 4,600 million in a model counted in
 * "USD bn" is 4.6. Another currency is refused, never converted.
 */
function readSize(text: string, unit: string): ParsedInput {
  const trimmed = withPlainMinus(text);
  const parts = SIZE_TEXT.exec(trimmed)?.groups;
  if (parts === undefined || (parts.before === '' && parts.after === undefined)) return readTypedNumber(text);
  const quoted = `“${trimmed.slice(0, 40)}”`;
  const model = readUnit(unit);
  const ours = model.currency === undefined ? new Set<string>() : currencyWritings(model.currency);
  const foreign = (word: string): boolean => /\p{Sc}/u.test(word) || (/^[a-z]{3}$/i.test(word) && isCurrency(word.toUpperCase()));
  const refuse = (word: string): ParsedInput => ({
    ok: false,
    message: foreign(word) ? `${quoted} is in another currency: this model counts ${unit.trim()}` : `${quoted} is not a number in ${unit.trim() || 'the model’s unit'}`,
  });
  // The number's own faults (an ambiguous "1,200") first: the words are judged only on a number.
  const typed = readTypedNumber(parts.number ?? '');
  if (!typed.ok) return typed;
  const before = parts.before ?? '';
  if (before !== '' && !ours.has(before.toLowerCase())) return refuse(before);
  const baseWords = new Set(model.base.split(' ').filter((word) => word !== ''));
  let factor: number | undefined;
  for (const word of (parts.after ?? '').split(/\s+/).filter((w) => w !== '')) {
    const scale = scaleOfWord(word);
    if (scale !== undefined && factor === undefined) factor = scale.factor;
    else if (!ours.has(word.toLowerCase()) && !baseWords.has(word.toLowerCase())) return refuse(word);
  }
  if (factor === undefined) return typed;
  return { ok: true, value: Number(((typed.value * factor) / model.factor).toPrecision(15)) };
}

/** How a currency may be written, lower case: its code, and its symbols as the screen and English write them ("usd", "$", "us$"). */
function currencyWritings(currency: string): ReadonlySet<string> {
  let writings = writingsByCurrency.get(currency);
  if (writings === undefined) {
    const found = new Set([currency.toLowerCase()]);
    for (const [locale, currencyDisplay] of WRITINGS) {
      const symbol = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay }).formatToParts(1).find((part) => part.type === 'currency')?.value;
      if (symbol !== undefined) found.add(symbol.toLowerCase());
    }
    writings = found;
    writingsByCurrency.set(currency, writings);
  }
  return writings;
}

/** The screen's own writing (the browser's language), then English's: "$" in the US, "US$" in Canada. */
const WRITINGS = [[undefined, 'symbol'], ['en-US', 'symbol'], ['en-US', 'narrowSymbol'], ['en-CA', 'symbol']] as const;
const writingsByCurrency = new Map<string, ReadonlySet<string>>();

/** The text a number box shows for a model value: percents for rates and shares. */
export function quantityInputText(value: number, kind: QuantityKind): string {
  const display = kind === 'size' ? value : value * 100;
  // Enough digits to round-trip what a slider step can set, without float noise (5.199999…).
  const rounded = Number(display.toFixed(kind === 'size' ? 4 : 3));
  // A value too small for those digits (a size of 0.00001, a subnormal from a file) shows its own, never 0.
  if (rounded === 0 && display !== 0) return String(Number(display.toPrecision(6)));
  return String(rounded);
}

/** Digits in groups of three with a separator people type: "50,000", "50 000", "4'294'967'295". */
const GROUPED_DIGITS = new RegExp(`^\\d{1,3}([,_${GROUP_MARKS}]\\d{3})+$`);
/** "50.000" is fifty in some countries and fifty thousand in others. */
const AMBIGUOUS_DOT = /^\d{1,3}(\.\d{3})+$/;

/**
 * A whole number typed into a setting (the samples, the seed), from `min` to `max` — or a message
 * naming what is wrong with it. Digits may be grouped in threes ("50,000").
 */
export function parseWholeNumberInput(text: string, min: number, max: number): ParsedInput {
  const typed = withPlainMinus(text);
  const range = `a whole number from ${formatCount(min)} to ${formatCount(max)}`;
  if (typed === '') return { ok: false, message: `Type ${range}` };
  if (AMBIGUOUS_DOT.test(typed)) {
    return { ok: false, message: `Write ${typed.replace(/\./g, '')} or ${Number(typed)}: “${typed}” could mean either` };
  }
  const digits = GROUPED_DIGITS.test(typed) ? typed.replace(/\D/g, '') : typed;
  if (!PLAIN_DECIMAL.test(digits)) return { ok: false, message: `“${typed.slice(0, 40)}” is not a number: type ${range}` };
  const value = Number(digits);
  if (!Number.isInteger(value)) return { ok: false, message: `${typed.slice(0, 40)} is not a whole number: type ${range}` };
  if (value < min) return { ok: false, message: `${formatCount(value)} is too small: type ${range}` };
  if (value > max) return { ok: false, message: `${Number.isSafeInteger(value) ? formatCount(value) : typed.slice(0, 40)} is too large: type ${range}` };
  return { ok: true, value };
}

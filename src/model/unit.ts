/**
 * The unit of a model's sizes, read once for everything that needs it: "USD bn" is US dollars,
 * in billions. The conversion between scales in structure edits (`unitConversion`) and the
 * formatting on screen (`formatSize` in src/ui/format.ts) both read units here, so a unit the
 * converter accepts is always one the screen can write (issue 9: converting USD bn → USD tn
 * showed "$0.02", the formatter not knowing "tn").
 *
 * A unit is a base — a currency code or any noun ("units") — optionally followed by a scale word
 * (`SCALE_WORDS`): "USD bn", "EUR million", "CHF mio", "units k". A unit without a scale word is
 * counted in ones ("USD", "units sold").
 */

export interface ScaleWords {
  /** How many of the base one of this scale is. */
  factor: number;
  /** The letter the screen writes after the number: $17.2 B. */
  scaleLabel: string;
  /** The words a unit may end with, lower case. */
  words: readonly string[];
}

export const SCALE_WORDS: readonly ScaleWords[] = [
  { factor: 1e3, scaleLabel: 'K', words: ['k', 'thousand', 'thousands'] },
  { factor: 1e6, scaleLabel: 'M', words: ['m', 'mn', 'mm', 'mio', 'mln', 'million', 'millions'] },
  { factor: 1e9, scaleLabel: 'B', words: ['b', 'bn', 'bln', 'billion', 'billions'] },
  { factor: 1e12, scaleLabel: 'T', words: ['tn', 'trn', 'trillion', 'trillions'] },
];

const BY_WORD = new Map(SCALE_WORDS.flatMap((scale) => scale.words.map((word) => [word, scale] as const)));

/** The scale a word names ("bn", "Million", "K"), whatever its case; undefined for any other word. */
export function scaleOfWord(word: string): ScaleWords | undefined {
  return BY_WORD.get(word.toLowerCase());
}

/** ISO 4217 codes the JavaScript runtime can write as money (USD → $), read once. */
let currencies: ReadonlySet<string> | undefined;
export function isCurrency(code: string): boolean {
  currencies ??= new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : ['USD', 'EUR', 'GBP', 'JPY', 'CNY']);
  return currencies.has(code);
}

export interface Unit {
  /** What is counted, lower case and single-spaced: "usd" for "USD bn", "units sold". */
  base: string;
  /** The ISO 4217 code when the base is a currency: "USD". */
  currency?: string;
  /** How many of the base one unit is: 1e9 for "USD bn", 1 without a scale word. */
  factor: number;
  /** The scale's letter (K, M, B, T), or "" without a scale word. */
  scaleLabel: string;
}

export function readUnit(unit: string): Unit {
  const words = unit.trim().split(/\s+/).filter((w) => w !== '');
  const scale = words.length > 0 ? scaleOfWord(words[words.length - 1]!) : undefined;
  const baseWords = scale ? words.slice(0, -1) : words;
  const base = baseWords.join(' ').toLowerCase();
  const code = base.toUpperCase();
  return {
    base,
    ...(/^[A-Z]{3}$/.test(code) && isCurrency(code) ? { currency: code } : {}),
    factor: scale?.factor ?? 1,
    scaleLabel: scale?.scaleLabel ?? '',
  };
}

/**
 * How many of `to` make one of `from` when both count the same base at different scales
 * (USD bn → USD m: 1,000); undefined when the two cannot be converted by a factor (USD → EUR,
 * units sold → USD, the same scale twice).
 */
export function unitConversion(from: string, to: string): number | undefined {
  const a = readUnit(from);
  const b = readUnit(to);
  if (a.base === '' || a.base !== b.base || a.factor === b.factor) return undefined;
  return a.factor / b.factor;
}

/**
 * Text for the printed page's narrow columns, with its figures kept whole: no line break inside
 * "$20.0 B", "5.2 pp", "40.0 %" or a span of years "2025–2032" (the printed summary broke
 * "forecast $20.0 / B" and "years 2025– / 2032"). Words still wrap between themselves.
 */

/** A space after a digit and before a short unit word — "B", "bn", "pp", "%", "units" stays a word break. */
const NUMBER_THEN_SCALE = /(\d) (?=(?:[A-Za-z]{1,2}|pp|%)(?![\p{L}\p{N}]))/gu;
/** A dash between two figures: a range of years or values. */
const FIGURE_DASH_FIGURE = /([\p{L}\p{N}%])([–-])(?=[\p{N}$€£¥])/gu;

const NO_BREAK_SPACE = '\u00a0';
const WORD_JOINER = '\u2060';

export function keepFiguresWhole(text: string): string {
  return text.replace(NUMBER_THEN_SCALE, `$1${NO_BREAK_SPACE}`).replace(FIGURE_DASH_FIGURE, `$1${WORD_JOINER}$2${WORD_JOINER}`);
}

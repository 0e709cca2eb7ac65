/**
 * Numbers for people: `$17.2 B`, `5.2%`, in the browser's locale. Model values stay raw fractions
 * and model units; only the screen formats.
 */
import type { Distribution } from '../model/quantity';
import type { QuantityKind } from '../model/quantityRef';
import { readUnit } from '../model/unit';

interface UnitStyle {
  currency?: string;
  /** The suffix a strategist reads after the number ("B" for billions). */
  scale: string;
  /** What the unit is called when it is not money (e.g. "units"). */
  noun?: string;
}

/** Reads units like "USD bn", "EUR m", "units sold" (src/model/unit.ts knows the words). */
export function unitStyle(unit: string): UnitStyle {
  const { currency, scaleLabel } = readUnit(unit);
  if (currency) return { currency, scale: scaleLabel };
  return { scale: '', noun: unit.trim() };
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(undefined, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** Significant digits that suit a market size: 17.2, 1.62, 245. */
function sizeDigits(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return 0;
  if (magnitude >= 10) return 1;
  return 2;
}

/** A whole count for people, with the locale's grouping: 200000 → `200,000`. */
export function formatCount(count: number): string {
  return numberFormat({ maximumFractionDigits: 0 }).format(count);
}

/** A count of things, the noun agreeing with it: `1 row`, `2 rows`, `1,200 rows`, `3 quantities` (with `plural`). */
export function formatCountOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

/** A size in the model's unit, e.g. `$17.2 B` for 17.18 "USD bn", `1,200 units sold`; −0 as `$0.00 B`. */
export function formatSize(value: number, unit: string, digits = sizeDigits(value)): string {
  if (!Number.isFinite(value)) return '—';
  const style = unitStyle(unit);
  if (style.currency) {
    const money = numberFormat({ style: 'currency', currency: style.currency, minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'negative' }).format(value);
    return style.scale ? `${money} ${style.scale}` : money;
  }
  const plain = numberFormat({ minimumFractionDigits: 0, maximumFractionDigits: digits, signDisplay: 'negative' }).format(value);
  return style.noun ? `${plain} ${style.noun}` : plain;
}

/** A range of sizes, low to high: `$21.3 B – $27.9 B`. Each end is formatted on its own, as `formatSize`. */
export function formatSizeRange(low: number, high: number, unit: string): string {
  return `${formatSize(low, unit)} – ${formatSize(high, unit)}`;
}

/**
 * Beyond ±1,000,000% (a fraction of 10,000) a percent is written in scientific notation: a tiny
 * share that takes a whole market has a finite CAGR of 1e40%, and its 41 digits broke the member
 * table. Not finite: a dash.
 */
const SCIENTIFIC_FROM = 1e4;

function percentText(fraction: number, digits: number, signed: boolean): string {
  if (!Number.isFinite(fraction)) return '—';
  // A value that rounds to zero (−0, −1e-12) is written without a sign: "$0.00 B", not "-$0.00 B".
  const sign = { signDisplay: signed ? ('exceptZero' as const) : ('negative' as const) };
  const options: Intl.NumberFormatOptions =
    Math.abs(fraction) >= SCIENTIFIC_FROM
      ? { style: 'percent', notation: 'scientific', maximumFractionDigits: 1, ...sign }
      : { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits, ...sign };
  return numberFormat(options).format(fraction);
}

/** A fraction as a percent: 0.052 → `5.2%`; 1.2e38 → `1.2E40%`. */
export function formatPercent(fraction: number, digits = 1): string {
  return percentText(fraction, digits, false);
}

/** A signed fraction as percentage points or percent with a sign: +1.5%, −0.4%. */
export function formatSignedPercent(fraction: number, digits = 1): string {
  return percentText(fraction, digits, true);
}

const MINUS = '\u2212';

/** A number's text with a true minus sign (Intl and toFixed write a hyphen in English): −0.4%. */
export function withTrueMinus(text: string): string {
  return text.replace('-', MINUS);
}

/** A difference of two rates in percentage points, with a true minus: +25.0 pp, −0.4 pp. */
export function formatPoints(difference: number, digits = 1): string {
  if (!Number.isFinite(difference)) return '—';
  const points = difference * 100;
  const options: Intl.NumberFormatOptions =
    Math.abs(difference) >= SCIENTIFIC_FROM
      ? { notation: 'scientific', maximumFractionDigits: 1, signDisplay: 'exceptZero' }
      : { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' };
  return `${withTrueMinus(numberFormat(options).format(points))} pp`;
}

/** A quantity in its own terms: sizes in the unit, shares as percents, rates as signed percents. */
export function formatQuantity(value: number, kind: QuantityKind, unit: string): string {
  if (kind === 'size') return formatSize(value, unit);
  if (kind === 'share') return formatPercent(value);
  return formatSignedPercent(value, 2);
}

/** A range's distribution in words: in the range's details, and after a range in Compare. */
export const DISTRIBUTION_NAMES: Readonly<Record<Distribution, string>> = {
  triangular: 'triangular',
  uniform: 'uniform',
  pert: 'PERT',
  normal: 'normal, 5–95%',
};

/**
 * A calendar date for people, in the browser's locale and its own time zone (the day on the
 * reader's clock, never shifted by UTC): `1 December 2026`, `December 1, 2026`.
 */
export function formatLongDate(date: Date): string {
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
}

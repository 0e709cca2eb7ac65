/**
 * Numbers for people: `$17.2 B`, `5.2%`, in the browser's locale. Model values stay raw fractions
 * and model units; only the screen formats.
 */
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

/** A size in the model's unit, e.g. `$17.2 B` for 17.18 "USD bn", `1,200 units sold`. */
export function formatSize(value: number, unit: string, digits = sizeDigits(value)): string {
  if (!Number.isFinite(value)) return '—';
  const style = unitStyle(unit);
  if (style.currency) {
    const money = numberFormat({ style: 'currency', currency: style.currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
    return style.scale ? `${money} ${style.scale}` : money;
  }
  const plain = numberFormat({ minimumFractionDigits: 0, maximumFractionDigits: digits }).format(value);
  return style.noun ? `${plain} ${style.noun}` : plain;
}

/** A fraction as a percent: 0.052 → `5.2%`. */
export function formatPercent(fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return '—';
  return numberFormat({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(fraction);
}

/** A signed fraction as percentage points or percent with a sign: +1.5%, −0.4%. */
export function formatSignedPercent(fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return '—';
  return numberFormat({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(fraction);
}

/** A quantity in its own terms: sizes in the unit, shares as percents, rates as signed percents. */
export function formatQuantity(value: number, kind: QuantityKind, unit: string): string {
  if (kind === 'size') return formatSize(value, unit);
  if (kind === 'share') return formatPercent(value);
  return formatSignedPercent(value, 2);
}

/**
 * What the Compare components share: one scenario's computed result with its name and colour,
 * calendar-year alignment of forecasts that cover different years, the formats of differences, and
 * how a bridge's bars read (shared with the PowerPoint deck's waterfall).
 * Reading computed forecasts only — nothing here computes one.
 */
import type { BridgeResult, BridgeStep } from '../../engine/bridge';
import type { Forecast } from '../../engine/forecastTypes';
import { yearIndex } from '../../engine/seriesAccess';
import { CHART_INK, GHOST_COLORS } from '../charts/chartPalette';
import { formatSize, withTrueMinus } from '../format';

/** One scenario as the Compare screen shows it. The first entry of a list is the reference. */
export interface CompareEntry {
  id: string;
  /** User text: rendered as text only. */
  name: string;
  unit: string;
  color: string;
  forecast: Forecast;
}

/**
 * The colour of the scenario in position `index` of a comparison: the reference takes the
 * forecast colour of the model screen, the others the dark ghost colours (all ≥ 4.5:1 on white, so
 * they stay visible dashed and can colour text), skipping the neutral grey ghost.
 */
export function scenarioColor(index: number): string {
  if (index <= 0) return CHART_INK.forecast;
  const colors = [...GHOST_COLORS.slice(1), GHOST_COLORS[0]!];
  return colors[(index - 1) % colors.length]!;
}

/** Every calendar year any of the forecasts covers, ascending. */
export function unionYears(forecasts: readonly Forecast[]): number[] {
  const years = new Set<number>();
  for (const f of forecasts) for (const y of f.layout.years) years.add(y);
  return [...years].sort((a, b) => a - b);
}

/** The total in calendar `year`, NaN when the forecast does not cover it. */
export function totalInYear(forecast: Forecast, year: number): number {
  const t = yearIndex(forecast.layout, year);
  return t < 0 ? Number.NaN : (forecast.total[t] as number);
}

export function endYearOf(forecast: Forecast): number {
  const years = forecast.layout.years;
  return years[years.length - 1]!;
}

export function endTotalOf(forecast: Forecast): number {
  return forecast.total[forecast.total.length - 1] as number;
}

/** b − a relative to a: NaN when a is not a positive size (no percentage of nothing). */
export function relativeChange(a: number, b: number): number {
  return a > 0 && Number.isFinite(b) ? b / a - 1 : Number.NaN;
}

/** A signed size: +$2.1 B, −$21.9 B, and 0 without a sign. "—" when not a number. */
export function formatSignedSize(value: number, unit: string, digits?: number): string {
  if (!Number.isFinite(value)) return '—';
  const magnitude = formatSize(Math.abs(value), unit, digits);
  if (value > 0) return `+${magnitude}`;
  if (value < 0) return withTrueMinus(`-${magnitude}`);
  return magnitude;
}

/** A bridge step that moved the total by nothing worth drawing (exactly 0, or rounding noise). */
export function isNegligible(step: BridgeStep, bridge: BridgeResult): boolean {
  const scale = Math.max(Math.abs(bridge.fromTotal), Math.abs(bridge.toTotal), 1e-300);
  return Math.abs(step.delta) <= 1e-12 * scale;
}

/** The label of a bridge's end bar: the scenario and the year its total is read in ("Bear case, 2032"). */
export function bridgeTotalLabel(scenarioName: string, year: number): string {
  return `${scenarioName}, ${year}`;
}

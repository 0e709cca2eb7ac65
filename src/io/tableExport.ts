/**
 * The tables of a forecast as CSV files, all written through `csv.ts` (so a member named
 * `=HYPERLINK(…)` arrives in a spreadsheet as text, not as a formula), and the names such files
 * are offered under.
 */
import { seriesCagrs, totalCagr } from '../engine/cagr';
import type { Forecast } from '../engine/forecastTypes';
import { seriesIndex } from '../engine/seriesAccess';
import { toCsv, type CsvCell } from './csv';
import { forecastToCsv } from './forecastExport';
import { cleanText } from '../model/names';

/**
 * The member table: one row per member of every dimension, nested members (countries) after
 * their parent, the total first. Values in the model unit, shares and CAGRs as fractions
 * (0.052, formatted as a percentage by the spreadsheet if wanted), an undefined CAGR left empty.
 */
export function memberTableToCsv(forecast: Forecast, unit: string): string {
  const { layout, values, shares, total } = forecast;
  const n = layout.years.length;
  const last = n - 1;
  const base = layout.years[0];
  const end = layout.years[last];
  const unitSuffix = unit.trim() ? ` (${unit.trim()})` : '';
  const rows: CsvCell[][] = [
    ['dimension', 'key', 'name', 'level', `${base}${unitSuffix}`, `${end}${unitSuffix}`, `share of parent ${end}`, `CAGR ${base}–${end}`],
  ];
  if (n === 0) return toCsv(rows);
  rows.push(['', 'total', 'Total market', 0, total[0] ?? NaN, total[last] ?? NaN, 1, totalCagr(forecast)]);
  const cagrs = seriesCagrs(forecast);
  layout.dimensions.forEach((dimension, d) => {
    layout.series.forEach((info, s) => {
      if (info.dimensionIndex !== d) return;
      rows.push([
        dimension.name,
        info.key,
        info.name,
        info.depth + 1,
        values[s * n] ?? NaN,
        values[s * n + last] ?? NaN,
        shares[s * n + last] ?? NaN,
        cagrs[s] ?? NaN,
      ]);
    });
  });
  return toCsv(rows);
}

/**
 * Percentiles of a simulation, as DESIGN.md §7 shapes them: series key (`total` or a member
 * path) → statistic (`p5`, `p50`, `p95`, `mean`…) → one value per year.
 */
export type PercentileSeries = Readonly<Record<string, Readonly<Record<string, ArrayLike<number>>>>>;

export interface ForecastCsvOptions {
  /** When the forecast was simulated: a row per series and statistic after the forecast rows. */
  percentiles?: PercentileSeries;
}

/** p5 < p10 < … < p95, then the mean, then anything else by name. */
function statisticOrder(a: string, b: string): number {
  const rank = (stat: string): [number, number] => {
    const percentile = /^p(\d+(?:\.\d+)?)$/i.exec(stat);
    if (percentile) return [0, Number(percentile[1])];
    return stat === 'mean' ? [1, 0] : [2, 0];
  };
  const [ka, va] = rank(a);
  const [kb, vb] = rank(b);
  return ka - kb || va - vb || a.localeCompare(b);
}

/**
 * The full forecast: every member of every dimension, nested ones too, every year — exactly the
 * CSV of `npm run forecast -- --format csv` — and, when given, percentile rows after it:
 * `<series>:<statistic>` (`total:p5`, `region/na:p95`), named "<name> (p5)", same year columns.
 */
export function forecastCsv(forecast: Forecast, options: ForecastCsvOptions = {}): string {
  const csv = forecastToCsv(forecast);
  const percentiles = options.percentiles;
  if (!percentiles) return csv;
  const { layout } = forecast;
  const n = layout.years.length;
  const keys = Object.keys(percentiles);
  const ordered = [
    ...keys.filter((key) => key === 'total'),
    ...layout.series.map((info) => info.key).filter((key) => Object.hasOwn(percentiles, key)),
    ...keys.filter((key) => key !== 'total' && seriesIndex(layout, key) < 0),
  ];
  const rows: CsvCell[][] = [];
  for (const key of ordered) {
    const stats = percentiles[key];
    if (!stats) continue;
    const s = seriesIndex(layout, key);
    const name = key === 'total' ? 'Total market' : s >= 0 ? layout.series[s]!.name : key;
    for (const stat of Object.keys(stats).sort(statisticOrder)) {
      const series = stats[stat]!;
      const cells: CsvCell[] = [`${key}:${stat}`, `${name} (${stat})`];
      for (let t = 0; t < n; t += 1) {
        const value = series[t];
        cells.push(typeof value === 'number' ? value : NaN);
      }
      rows.push(cells);
    }
  }
  return rows.length > 0 ? csv + toCsv(rows) : csv;
}

const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|]+/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_STEM_LENGTH = 120;

/** Control characters (U+0000–U+001F, U+007F) become spaces. */
function withoutControls(text: string): string {
  return Array.from(text, (char) => {
    const code = char.codePointAt(0) ?? 0;
    return code < 0x20 || code === 0x7f ? ' ' : char;
  }).join('');
}

function cleanPart(part: string): string {
  return cleanText(withoutControls(part).replace(UNSAFE_IN_FILE_NAMES, ' '));
}

/**
 * A file name made of parts (workspace title, scenario name, what it is), safe on every file
 * system: no path separators, reserved characters or control characters, no leading dot, no
 * trailing dot or space, at most 120 characters before the extension.
 * `exportFileName(['AI in Imaging', 'Report consensus', 'total'], 'png')` →
 * `AI in Imaging - Report consensus - total.png`.
 */
export function exportFileName(parts: readonly (string | undefined)[], extension: string): string {
  const cleaned: string[] = [];
  for (const part of parts) {
    const clean = part === undefined ? '' : cleanPart(part);
    if (clean !== '' && clean !== cleaned[cleaned.length - 1]) cleaned.push(clean);
  }
  let stem = Array.from(cleaned.join(' - ')).slice(0, MAX_STEM_LENGTH).join('');
  stem = stem.replace(/^[\s.-]+/, '').replace(/[\s.]+$/, '');
  if (stem === '') stem = 'slidecast';
  if (WINDOWS_RESERVED.test(stem)) stem = `${stem}_`;
  const ext = extension.replace(/^\.+/, '').replace(/[^a-z0-9]/gi, '').toLowerCase();
  return ext ? `${stem}.${ext}` : stem;
}

/**
 * The forecast of a scenario as data to hand on: the JSON of DESIGN.md §7 and a CSV with one row
 * per series. Shared by the command line and the app's exports.
 */
import type { Forecast } from '../engine/forecastTypes';
import { toCsv, type CsvCell } from './csv';

export interface ForecastJson {
  scenario: string;
  unit: string;
  years: number[];
  total: number[];
  /** `dimension/member[/child…]` → value per year. */
  members: Record<string, number[]>;
}

export function forecastToJson(forecast: Forecast, scenario: string, unit: string): ForecastJson {
  const { layout, values } = forecast;
  const n = layout.years.length;
  const members: Record<string, number[]> = {};
  layout.series.forEach((info, s) => {
    members[info.key] = Array.from(values.subarray(s * n, (s + 1) * n));
  });
  return { scenario, unit, years: [...layout.years], total: Array.from(forecast.total), members };
}

/** One row per series: `series,name,<year>,<year>…`, the total first. */
export function forecastToCsv(forecast: Forecast): string {
  const { layout, values } = forecast;
  const n = layout.years.length;
  const rows: CsvCell[][] = [['series', 'name', ...layout.years], ['total', 'Total market', ...forecast.total]];
  layout.series.forEach((info, s) => {
    rows.push([info.key, info.name, ...values.subarray(s * n, (s + 1) * n)]);
  });
  return toCsv(rows);
}

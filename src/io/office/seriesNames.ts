/**
 * The names of a chart's series as they go into the chart and its embedded workbook. pptxgenjs
 * makes the workbook's data an Excel table whose first column is "Column1" and whose other columns
 * are the series' names; Excel wants a table's column names distinct (ignoring case) and not
 * empty, and "repairs" the workbook — dropping the table — when the user opens the data otherwise.
 * Two claims may share a label, so a repeated name gets " (2)", " (3)"… and an empty one "Series N".
 */
import { xmlSafeText } from './xmlText';

/** The category column pptxgenjs writes first. */
const TAKEN = ['column1'];

export function distinctSeriesNames(names: readonly string[]): string[] {
  const used = new Set(TAKEN);
  return names.map((raw, i) => {
    const clean = xmlSafeText(raw);
    const base = clean.trim() === '' ? `Series ${i + 1}` : clean;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}

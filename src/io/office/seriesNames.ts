/**
 * Names that must differ within their set as they go into the deck. pptxgenjs makes a chart's data
 * an Excel table whose first column is "Column1" and whose other columns are the series' names;
 * Excel wants a table's column names distinct (ignoring case) and not empty, and "repairs" the
 * workbook — dropping the table — when the user opens the data otherwise. And pptxgenjs finds a
 * slide's section by its title, so two scenarios of one name would pour their slides into one.
 * Two claims may share a label, two scenarios a name: a repeated name gets " (2)", " (3)"…, an
 * empty one a name from its place.
 */
import { uniqueName } from '../../model/ids';
import { xmlSafeText } from './xmlText';

/**
 * `names` made distinct (ignoring case) from each other and from `taken`, none empty: `blank(i)`
 * names the i-th when it has no text of its own.
 */
function distinctNames(names: readonly string[], taken: readonly string[], blank: (i: number) => string): string[] {
  const used = [...taken];
  return names.map((raw, i) => {
    const clean = xmlSafeText(raw);
    const name = uniqueName(clean.trim() === '' ? blank(i) : clean, used, (n) => n.toLowerCase());
    used.push(name);
    return name;
  });
}

/** A chart's series names, distinct from each other and from the category column pptxgenjs writes first. */
export function distinctSeriesNames(names: readonly string[]): string[] {
  return distinctNames(names, ['Column1'], (i) => `Series ${i + 1}`);
}

/** The deck's section titles, one per scenario. */
export function distinctSectionTitles(names: readonly string[]): string[] {
  return distinctNames(names, [], (i) => `Scenario ${i + 1}`);
}

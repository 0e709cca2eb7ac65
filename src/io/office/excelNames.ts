/**
 * Defined names for an Excel workbook (issue 12): the one rule that turns a quantity's key
 * (`baseSize`, `driver:ai-algos`, `share:region/na/us` — src/model/quantityRef.ts `quantityKey`)
 * into a name a formula can use (`baseSize`, `driver.ai_algos`, `share.region.na.us`).
 *
 * Excel's rules for a name, all kept here:
 * - letters, digits, underscores and periods only (ASCII letters: every reader agrees on them);
 * - the first character a letter or an underscore;
 * - not readable as a cell reference: `AB12` (A1 style, up to three letters and digits), `R1C1`,
 *   `R`, `C`, `R2`, `C3` (R1C1 style), nor a logical value (`TRUE`, `FALSE`);
 * - at most 255 characters;
 * - unique case-insensitively (Excel reads `Share.x` and `share.X` as one name).
 */

/** The longest name Excel accepts. */
export const MAX_EXCEL_NAME_LENGTH = 255;

const A1_REFERENCE = /^[a-z]{1,3}\d+$/i;
const R1C1_REFERENCE = /^(r\d*c?\d*|c\d*)$/i;
const LOGICAL = /^(true|false)$/i;

/** Whether `name` is a valid Excel defined name on its own (uniqueness aside). */
export function isValidExcelName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_EXCEL_NAME_LENGTH &&
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) &&
    !A1_REFERENCE.test(name) &&
    !R1C1_REFERENCE.test(name) &&
    !LOGICAL.test(name)
  );
}

/**
 * A valid name made from `key`: `:` and `/` become periods, any other character outside the
 * allowed ones an underscore; an underscore goes in front of a name that would start with a
 * digit or a period or read as a cell reference or a logical value; cut to 255 characters.
 */
function nameFromKey(key: string): string {
  let name = key.replace(/[:/]/g, '.').replace(/[^A-Za-z0-9_.]/g, '_');
  if (name === '' || !/^[A-Za-z_]/.test(name) || A1_REFERENCE.test(name) || R1C1_REFERENCE.test(name) || LOGICAL.test(name)) {
    name = `_${name}`;
  }
  return name.slice(0, MAX_EXCEL_NAME_LENGTH);
}

/**
 * A name for each key, in order: valid, and unique case-insensitively among themselves and the
 * `reserved` names (e.g. `BaseYear`). Where two keys make the same name, the later one gets `_2`,
 * `_3` … (cutting the name to keep within 255 characters).
 */
export function excelNames(keys: readonly string[], reserved: readonly string[] = []): string[] {
  const taken = new Set(reserved.map((name) => name.toLowerCase()));
  return keys.map((key) => {
    const base = nameFromKey(key);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = `_${n}`;
      name = base.slice(0, MAX_EXCEL_NAME_LENGTH - suffix.length) + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

/**
 * Text from a workspace on its way into an Office file's XML — the PowerPoint deck's and the Excel
 * workbook's. A workspace's names, ids, sources and notes may hold any character a JSON string can
 * (workspace validation refuses empty and over-long text, not control characters), but XML 1.0
 * cannot carry NUL, the other C0 controls but tab, line feed and carriage return, unpaired
 * surrogates, U+FFFE or U+FFFF: a file with one of them does not open (pptxgenjs and exceljs escape
 * &, <, >, " and ' themselves, but pass these on). They are dropped here, and only here; everything
 * else arrives as written.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what this removes
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafeText(text: string): string {
  return text.replace(NOT_IN_XML, '');
}

/**
 * Text for a spreadsheet cell or comment: `xmlSafeText`, and an underscore escaped where it would
 * start an escape. SpreadsheetML writes a character as `_xHHHH_` (`_x000D_` is a carriage return),
 * and Excel (and exceljs, reading) decodes any such run it finds, so a name written `_x0041_`
 * would show as "A"; `_x005F_` is the underscore itself, which keeps the rest as written.
 */
export function spreadsheetText(text: string): string {
  return xmlSafeText(text).replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}

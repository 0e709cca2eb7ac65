/**
 * Legend entries left out of a deck's charts. A fan is drawn as stacked areas on an invisible base
 * series (src/io/office/deckSeries.ts); the base must stay in the chart and its data, but has no
 * place in the legend, where it would show a name beside an empty swatch. pptxgenjs cannot leave
 * out one entry, so the written package is opened again and each such chart's legend gets
 * DrawingML's own `<c:legendEntry><c:idx/><c:delete val="1"/></c:legendEntry>` — what PowerPoint
 * writes when a user deletes the entry.
 */
import JSZip from 'jszip';

const CHART_PART = /^ppt\/charts\/chart(\d+)\.xml$/;
const LEGEND_POSITION = /<c:legend><c:legendPos val="[a-z]+"\/>/;

/**
 * The package `bytes` with, for the k-th chart of the deck (in the order they were added, which is
 * the order of their part numbers), the legend entries of the series indices `omissions[k]` deleted.
 */
export async function omitLegendEntries(bytes: ArrayBuffer, omissions: readonly (readonly number[])[]): Promise<ArrayBuffer> {
  if (omissions.every((indices) => indices.length === 0)) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const charts = Object.keys(zip.files)
    .filter((path) => CHART_PART.test(path))
    .sort((a, b) => Number(CHART_PART.exec(a)![1]) - Number(CHART_PART.exec(b)![1]));
  if (charts.length !== omissions.length) throw new Error(`the deck has ${charts.length} charts where ${omissions.length} were added`);
  for (const [k, path] of charts.entries()) {
    const indices = omissions[k]!;
    if (indices.length === 0) continue;
    const xml = await zip.file(path)!.async('string');
    if (!LEGEND_POSITION.test(xml)) throw new Error(`${path} has no legend to leave series out of`);
    const entries = indices.map((index) => `<c:legendEntry><c:idx val="${index}"/><c:delete val="1"/></c:legendEntry>`).join('');
    zip.file(path, xml.replace(LEGEND_POSITION, (legend) => legend + entries));
  }
  return zip.generateAsync({ type: 'arraybuffer', compression: 'DEFLATE' });
}
